/// What one catalog SKU at one capacity type contributed to a ``CostReport``.
public struct SKUCost: Sendable, Hashable {
    public var provider: CloudProvider
    public var region: String
    public var kind: SKUKind
    public var sku: String
    public var capacity: CapacityType
    /// Snapshot the price came from.
    public var snapshot: String
    /// Price per hour and unit (per VM, per GPU, per cluster).
    public var pricePerHour: HourlyRate
    /// VM runs (or fee periods) priced with this SKU.
    public var runCount: Int
    /// Unit-seconds used: run seconds × units (GPUs per node for GPU SKUs).
    public var usedUnitSeconds: Double
    /// Unit-seconds billed after increments and minimums.
    public var billedUnitSeconds: Int64
    /// The charge, exact.
    public var cost: Money
}
