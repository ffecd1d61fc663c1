/// A VM shape as the cloud sells it: machine type, attached GPUs, spot or on-demand, and
/// where. The simulator only carries these names; the cost model looks up their prices.
public struct NodeSpec: Sendable, Hashable {
    /// Cloud provider (`gcp`, `aws`, `azure`).
    public var provider: String
    /// Region, e.g. `us-central1`.
    public var region: String
    /// Machine type, e.g. `n1-highmem-4`.
    public var machineType: String
    /// Attached GPU model (e.g. `T4`), or `nil` for CPU-only machines and for machine types whose
    /// price already includes the GPU (G2, A2, …; see the price catalog).
    public var gpuModel: String?
    /// Number of attached GPUs.
    public var gpuCount: Int
    /// Spot (preemptible) capacity.
    public var spot: Bool

    public init(provider: String, region: String, machineType: String, gpuModel: String? = nil, gpuCount: Int = 0, spot: Bool = false) {
        self.provider = provider
        self.region = region
        self.machineType = machineType
        self.gpuModel = gpuModel
        self.gpuCount = gpuCount
        self.spot = spot
    }

    /// The article's GPU VM: GCP us-central1 n1-highmem-4 with one T4 (on-demand).
    public static let articleGPU = NodeSpec(provider: "gcp", region: "us-central1", machineType: "n1-highmem-4", gpuModel: "T4", gpuCount: 1)

    /// The article's control-plane node: GCP us-central1 e2-medium.
    public static let articleSystemNode = NodeSpec(provider: "gcp", region: "us-central1", machineType: "e2-medium")

    /// Worker nodes run one inference pod per GPU at the GPU's speed: a node without one would
    /// be priced as a CPU VM while serving as if it had a GPU.
    func validateAsGPUWorker() throws(ParameterError) {
        guard gpuCount >= 1 else {
            throw .invalidParameter("the worker node \(machineType) has no GPU: add one (e.g. gpu: T4); workers are GPU inference pods, one per GPU")
        }
        guard gpuCount <= SimulationLimits.maxPerNode else {
            throw .invalidParameter("the worker node \(machineType) has \(gpuCount) GPUs; at most \(SimulationLimits.maxPerNode)")
        }
    }

    /// Short human-readable name, e.g. `n1-highmem-4 + 1×T4 (spot)`.
    public var displayName: String {
        var name = machineType
        if let gpuModel, gpuCount > 0 { name += " + \(gpuCount)×\(gpuModel)" }
        if spot { name += " (spot)" }
        return name
    }
}
