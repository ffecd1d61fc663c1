/// The cloud whose billing export a CSV file is, told by its header.
public enum BillProvider: String, Sendable, Hashable, Codable {
    /// GCP detailed usage cost export (`gcp_billing_export_resource_v1_*`) as CSV, dotted column names.
    case gcp
    /// AWS Cost and Usage Report: CUR 2.0 (`line_item_usage_start_date`) or legacy (`lineItem/UsageStartDate`).
    case aws
    /// Azure cost details (`CostInBillingCurrency`), EA actual cost (`Cost`) or the older `PreTaxCost` export.
    case azure

    /// The columns that identify each export.
    static let markers: [(BillProvider, [String])] = [
        (.gcp, ["sku.description"]), (.aws, ["line_item_usage_start_date"]), (.aws, ["lineItem/UsageStartDate"]),
        (.azure, ["MeterCategory"]),
    ]

    /// The provider whose marker column the header has; `nil` when none.
    static func detect(_ header: [String]) -> BillProvider? {
        markers.first { $0.1.allSatisfy(header.contains) }?.0
    }
}
