/// How long a new GPU node and a new worker pod take to become useful, phase by phase; each
/// phase is a distribution in seconds, drawn from the ``RandomStream/coldStart`` stream.
///
/// Node: VM boot (until the kubelet registers) → GPU driver install → device plugin advertises
/// `nvidia.com/gpu` (only then can a GPU pod be scheduled). Pod: image pull (skipped when the
/// image is already on the node) → model load and warm-up → readiness.
/// Billing starts at VM creation, so every phase is paid.
///
/// Defaults (means, with a pessimistic p95) and their sources: docs/model.md, "Node and pod cold start".
public struct ColdStartModel: Sendable, Hashable {
    public var vmBoot: Distribution
    public var driverInstall: Distribution
    public var devicePlugin: Distribution
    public var imagePull: Distribution
    public var modelLoad: Distribution
    public var readiness: Distribution
    /// A node pulls the image once; later pods on the same node start from the cache.
    public var imageCachedOnNode: Bool
    /// The phases measured on a cluster, if the scenario says so (`nil`: every phase as given).
    public var calibrated: CalibratedPhases?

    public init(
        vmBoot: Distribution, driverInstall: Distribution, devicePlugin: Distribution,
        imagePull: Distribution, modelLoad: Distribution, readiness: Distribution, imageCachedOnNode: Bool = true
    ) {
        self.vmBoot = vmBoot
        self.driverInstall = driverInstall
        self.devicePlugin = devicePlugin
        self.imagePull = imagePull
        self.modelLoad = modelLoad
        self.readiness = readiness
        self.imageCachedOnNode = imageCachedOnNode
    }

    /// Typical GKE T4 node with the driver-installer DaemonSet (the article's set-up): VM boot
    /// mean 120 s (p95 270 s), driver mean 90 s (p95 270 s), device plugin 10 s, image pull of a
    /// multi-GB image mean 120 s (p95 300 s), model load + warm-up mean 20 s (p95 60 s),
    /// readiness probe 5 s. Mean total ≈ 6 min, in the 4–10 min field reports.
    public static let typicalGKE = ColdStartModel(
        vmBoot: .lognormal(mu: 4.605172727743769, sigma: 0.60385265593235),
        driverInstall: .lognormal(mu: 4.0656013236495605, sigma: 0.93188877735565),
        devicePlugin: .constant(10), imagePull: .lognormal(mu: 4.535065815830088, sigma: 0.7105292773024316),
        modelLoad: .lognormal(mu: 2.561523926873287, sigma: 0.93188877735565), readiness: .constant(5))

    /// Every phase fixed (for hand-computed timelines).
    public static func constant(
        vmBoot: Double, driverInstall: Double, devicePlugin: Double, imagePull: Double, modelLoad: Double,
        readiness: Double
    ) -> ColdStartModel {
        ColdStartModel(
            vmBoot: .constant(vmBoot), driverInstall: .constant(driverInstall), devicePlugin: .constant(devicePlugin),
            imagePull: .constant(imagePull), modelLoad: .constant(modelLoad), readiness: .constant(readiness))
    }

    /// The scenario keys of the phases, in the order they happen.
    public static let phaseKeys = ["vmBoot", "driverInstall", "devicePlugin", "imagePull", "modelLoad", "readiness"]

    /// Mean seconds from VM creation to a ready pod on a fresh node.
    public var meanSeconds: Double {
        [vmBoot, driverInstall, devicePlugin, imagePull, modelLoad, readiness].reduce(0) { $0 + $1.mean }
    }

    public func validate() throws(ParameterError) {
        for distribution in [vmBoot, driverInstall, devicePlugin, imagePull, modelLoad, readiness] {
            try distribution.validate()
        }
    }
}
