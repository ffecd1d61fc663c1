import Simulator

/// What the price catalog says about GPUs, for reading a scenario's GPU speeds: which GPU a node
/// carries (bundled in its machine type or attached) and which GPU names exist. Scenarios knows no
/// prices: the caller builds the lookup from its catalog (as ``RegionCheck``).
public struct GPULookup: Sendable {
    /// The GPU `node` carries, as the catalog names it (`g2-standard-4` → `L4`), or `nil` if unknown.
    public let gpuModel: @Sendable (NodeSpec) -> String?
    /// Every GPU name the catalog knows (`T4`, `L4`, `A100-40GB`, …).
    public let models: [String]

    public init(models: [String], gpuModel: @escaping @Sendable (NodeSpec) -> String?) {
        self.models = models
        self.gpuModel = gpuModel
    }

    /// `name` as the catalog spells it (names compare ignoring case), or `nil` if the catalog lacks it.
    public func canonical(_ name: String) -> String? {
        models.first { $0.lowercased() == name.lowercased() }
    }
}
