/// What one deployment option costs: the charges over the simulated horizon, the projection
/// to a month, and the detail behind them (per SKU, per VM run). All amounts are exact
/// ``Money`` (USD); round only when displaying (``Money/formatted``).
///
/// Produced by ``CostCalculator``; read by the Reports module and the CLI.
public struct CostReport: Sendable, Hashable {
    /// Deployment option name.
    public var optionName: String
    /// The price snapshot used (``PriceSnapshot/description``, e.g. `snapshot article-2023`).
    public var priceSnapshot: String
    /// The catalog the prices came from (`bundled`, `memory` or a file path).
    public var catalogOrigin: String
    /// ISO 4217 currency of every amount (always `USD` today).
    public var currency: String
    /// Simulated period the charges cover, seconds.
    public var horizonSeconds: Double
    /// Hours in the projected month (730 by default; 720 for the article).
    public var monthHours: Int
    /// Charges for the simulated horizon (every VM run billed in full, minimums included).
    public var simulated: CostBreakdown
    /// ``simulated`` scaled by `monthHours × 3600 / horizonSeconds`.
    public var perMonth: CostBreakdown
    /// Charges by SKU and capacity type over the horizon, in first-use order.
    public var bySKU: [SKUCost]
    /// One entry per billed VM run, in the order of the usage's node runs.
    public var nodeRuns: [NodeRunCharge]
    /// Seconds GPU nodes existed (sum over GPU node runs).
    public var gpuNodeUsedSeconds: Double
    /// Seconds billed for GPU node machines (after increments and minimums).
    public var gpuNodeBilledSeconds: Int64

    /// Projected monthly total, the headline number.
    public var monthlyTotal: Money { perMonth.total }
}
