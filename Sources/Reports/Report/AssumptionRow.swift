import CostModel

/// One line of the report's assumptions table: what was assumed, its value, where it comes
/// from and how current it is. Plain strings, filled in by the caller (the CLI).
public struct AssumptionRow: Sendable, Hashable {
    /// What the assumption is about, e.g. "T4 GPU, us-central1, spot".
    public var item: String
    /// The value used, e.g. "$0.11 per hour".
    public var value: String
    /// Where it comes from, e.g. "cloud.google.com/compute/gpus-pricing".
    public var source: String
    /// When the source was read or the price valid, e.g. "2026-11-01".
    public var date: String

    public init(item: String, value: String, source: String = "", date: String = "") {
        self.item = item
        self.value = value
        self.source = source
        self.date = date
    }
}

extension AssumptionRow {
    /// A price from the catalog as a row: "gcp us-central1 gpu nvidia-tesla-t4 (spot)",
    /// "$0.110000 per hour", its source URL and the date it was read (or took effect).
    public init(price: PriceRow) {
        let unit = price.kind == .fee ? "per cluster-hour" : price.kind == .gpu ? "per GPU-hour" : "per hour"
        self.init(
            item: "\(price.provider) \(price.region) \(price.kind) \(price.sku) (\(price.capacity))",
            value: "$\(price.pricePerHour.dollarsPerHourText) \(unit)",
            source: price.sourceURL ?? "price catalog, snapshot \(price.snapshot)",
            date: price.sourceDate ?? price.effectiveDate)
    }
}
