/// GPU workers on a managed serverless platform (``ServerlessPlatform``): the platform starts an
/// instance — one GPU, one worker running ``ServerlessSettings/concurrency`` requests — when
/// requests wait and no instance has room, and removes an instance above the minimum after its
/// idle timeout. Each instance is billed from its start until it is removed, at the platform's
/// price row for ``instance``.
public struct ServerlessDeployment: Sendable, Hashable {
    public var platform: ServerlessPlatform
    /// The GPU model, one of the platform's ``PlatformProfile/gpus``.
    public var gpu: String
    /// The region of a platform priced per region (Cloud Run); ignored by platforms with one
    /// global price (Modal, RunPod).
    public var region: String
    /// The machine the option names on a platform that takes one (SageMaker: `ml.g4dn.2xlarge`);
    /// `nil`: the platform's machine for ``gpu``. ``gpu`` must be the GPU that machine carries
    /// (the scenario reader sets it from the machine's price row).
    public var instanceType: String?
    /// Cloud Run: `false` runs on instances without zonal redundancy (another price row);
    /// `nil`: the platform's default (with it).
    public var zonalRedundancy: Bool?
    public var settings: ServerlessSettings

    /// `platform` with its default GPU and settings unless given.
    public init(
        platform: ServerlessPlatform, gpu: String? = nil, region: String = "us-central1",
        instanceType: String? = nil, zonalRedundancy: Bool? = nil, settings: ServerlessSettings? = nil
    ) {
        self.platform = platform
        self.gpu = gpu ?? platform.profile.defaultGPU
        self.region = region
        self.instanceType = instanceType
        self.zonalRedundancy = zonalRedundancy
        self.settings = settings ?? platform.profile.defaults
    }

    /// What one instance is, as the cost model prices it: the platform's SKU for the GPU (or the
    /// named machine) in its provider and region (e.g. `gcp`, `us-central1`, `cloud-run/nvidia-l4`).
    public var instance: NodeSpec {
        let profile = platform.profile
        let sku = profile.sku(gpu: gpu, instanceType: instanceType, zonalRedundancy: zonalRedundancy ?? true)
        return NodeSpec(
            provider: profile.provider, region: profile.fixedRegion ?? region, machineType: sku, gpuModel: gpu,
            gpuCount: 1)
    }

    /// The platform, the GPU and the machine when the option chose one, for people to read:
    /// `sagemaker-async T4 (ml.g4dn.2xlarge)`, `cloud-run L4 without zonal redundancy`, `modal T4`.
    public var summary: String {
        let machine = instanceType.map { " (\($0))" } ?? (zonalRedundancy == false ? " without zonal redundancy" : "")
        return "\(platform.rawValue) \(gpu)\(machine)"
    }

    /// `scenario` with the client's timeout cut to the platform's request timeout: a request the
    /// platform ends unanswered counts as timed out.
    public func limitingTimeout(of scenario: Scenario) -> Scenario {
        var limited = scenario
        limited.clientTimeoutSeconds = Swift.min(scenario.clientTimeoutSeconds, settings.requestTimeoutSeconds)
        return limited
    }

    public func validate() throws(ParameterError) {
        let profile = platform.profile
        guard profile.gpus.contains(gpu) else {
            throw .invalidParameter(
                "serverless.gpu '\(gpu)' is not offered by \(platform.rawValue) (offered: "
                    + "\(profile.gpus.joined(separator: ", ")))")
        }
        if let instanceType {
            guard profile.takesInstanceType else {
                throw .invalidParameter(
                    "serverless.instanceType applies to \(Self.platforms(\.takesInstanceType)) only; "
                        + "\(platform.rawValue)'s instance is its GPU's (set serverless.gpu)")
            }
            guard instanceType.hasPrefix("ml."), !instanceType.contains("/") else {
                throw .invalidParameter(
                    "serverless.instanceType '\(instanceType)' is not a SageMaker instance type (ml.g4dn.xlarge, …)")
            }
        }
        if zonalRedundancy != nil, profile.noZonalRedundancySuffix == nil {
            throw .invalidParameter(
                "serverless.zonalRedundancy applies to \(Self.platforms { $0.noZonalRedundancySuffix != nil }) "
                    + "only; \(platform.rawValue) has no such choice")
        }
        try settings.validate(limits: profile.limits)
    }

    /// The names of the platforms whose profile has `property`, e.g. `cloud-run`.
    private static func platforms(_ property: (PlatformProfile) -> Bool) -> String {
        ServerlessPlatform.names(where: property).joined(separator: ", ")
    }
}
