/// One GPU node scale-up as the exports recorded it: the first pod that landed on a node created
/// after the pod, with each instant in Unix seconds (`nil` when no export recorded it).
public struct ScaleUpTimeline: Sendable, Hashable {
    /// The instants, in the order they happen.
    public enum Instant: String, CaseIterable, Sendable {
        case podCreated = "pod created"
        case triggered = "TriggeredScaleUp"
        case nodeCreated = "node created"
        case nodeReady = "node Ready"
        case scheduled = "pod scheduled"
        case pulled = "Pulled"
        case started = "container started"
        case podReady = "pod Ready"
    }

    public var namespace: String
    public var pod: String
    public var node: String?
    public var pool: String?
    public var times: [Instant: Double] = [:]
    /// The kubelet's pull duration (including waiting), from the `Pulled` message.
    public var pullSeconds: Double?
    /// Karpenter's `Initialized` (the GPU allocatable), when a NodeClaim names the node.
    public var gpuAllocatable: Double?
    /// The node already had the image (`… already present on machine`): no pull to measure.
    public var imageCached = false

    /// Each phase's seconds; absent when an instant it needs is missing, the image was cached or the
    /// difference is negative (clock skew between apiserver and node: see ``skewed``).
    public var phases: [ColdStartPhase: Double] {
        phaseValues.compactMapValues { $0 >= 0 ? $0 : nil }
    }

    /// The phases whose end is before their start (clock skew): left out of the fit.
    public var skewed: [ColdStartPhase] {
        ColdStartPhase.allCases.filter { (phaseValues[$0] ?? 0) < 0 }
    }

    /// Pod created → pod Ready.
    public var totalSeconds: Double? {
        guard let created = times[.podCreated], let ready = times[.podReady] else { return nil }
        return ready - created
    }

    /// The instants no export recorded (a cached image is not missing a pull).
    public var missing: [Instant] {
        Instant.allCases.filter { times[$0] == nil && !($0 == .pulled && imageCached) }
    }

    /// The earliest instant recorded (orders the timelines, dates the calibration).
    public var start: Double? { times.values.min() }

    private var phaseValues: [ColdStartPhase: Double] {
        func between(_ from: Instant, _ to: Instant) -> Double? {
            guard let start = times[from], let end = times[to] else { return nil }
            return end - start
        }
        var values: [ColdStartPhase: Double] = [:]
        values[.vmBoot] = between(.triggered, .nodeReady)
        if let allocatable = gpuAllocatable, let ready = times[.nodeReady] {
            values[.driverInstall] = allocatable - ready
        } else {
            values[.driverInstall] = between(.nodeReady, .scheduled)
        }
        values[.imagePull] = pullSeconds
        values[.modelLoad] = between(.started, .podReady)
        return values
    }
}
