/// Which rows ``PriceCatalog/rows(matching:)`` returns; `nil` fields match everything.
/// Text comparisons ignore ASCII case.
public struct PriceFilter: Sendable, Hashable {
    public var provider: String?
    public var region: String?
    /// Matches rows whose `gpu_model` equals this (bundled or add-on GPUs).
    public var gpuModel: String?
    public var kind: SKUKind?
    public var sku: String?
    public var snapshot: String?

    public init(
        provider: String? = nil, region: String? = nil, gpuModel: String? = nil, kind: SKUKind? = nil,
        sku: String? = nil, snapshot: String? = nil
    ) {
        self.provider = provider
        self.region = region
        self.gpuModel = gpuModel
        self.kind = kind
        self.sku = sku
        self.snapshot = snapshot
    }
}
