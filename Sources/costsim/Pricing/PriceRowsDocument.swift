import CostModel

/// Catalog rows as `pricing list` and `pricing show` write them in JSON and CSV (docs/json.md):
/// camelCase keys, prices per hour exact, memory as numbers of GiB.
struct PriceRowsDocument: Encodable {
    /// One catalog row.
    struct Row: Encodable {
        var snapshot, effectiveDate, provider, region, kind, sku, capacity: String
        var vcpus: Int?
        var memoryGiB: Double?
        var gpuModel: String?
        var gpuCount: Int
        var gpuMemoryGiB: Double?
        var attachableTo: [String]
        var pricePerHour: String
        var billingIncrementSeconds, billingMinimumSeconds: Int64
        var currency: String
        var sourceUrl, sourceDate, notes: String?

        init(_ row: PriceRow) {
            snapshot = row.snapshot
            effectiveDate = row.effectiveDate
            provider = row.provider.rawValue
            region = row.region
            kind = row.kind.rawValue
            sku = row.sku
            capacity = row.capacity.rawValue
            vcpus = row.vcpus
            memoryGiB = row.memoryGiB.flatMap(Double.init)
            gpuModel = row.gpuModel
            gpuCount = row.gpuCount
            gpuMemoryGiB = row.gpuMemoryGiB.flatMap(Double.init)
            attachableTo = row.attachableTo
            pricePerHour = MoneyText.perHour(row.pricePerHour)
            billingIncrementSeconds = row.billingIncrementSeconds
            billingMinimumSeconds = row.billingMinimumSeconds
            currency = row.currency
            sourceUrl = row.sourceURL
            sourceDate = row.sourceDate
            notes = row.notes
        }
    }

    var schemaVersion = JSONOutput.schemaVersion
    /// `bundled`, or the catalog file read.
    var catalog: String
    var rows: [Row]

    init(catalog: PriceCatalog, rows: [PriceRow]) {
        self.catalog = catalog.origin
        self.rows = rows.map(Row.init)
    }

    /// One line per row, columns named as the JSON keys (`attachableTo` comma-separated, memory as
    /// the catalog writes it: `26`, `7.5`).
    func csv() -> String {
        let header = [
            "snapshot", "effectiveDate", "provider", "region", "kind", "sku", "capacity", "vcpus", "memoryGiB",
            "gpuModel", "gpuCount", "gpuMemoryGiB", "attachableTo", "pricePerHour", "billingIncrementSeconds",
            "billingMinimumSeconds", "currency", "sourceUrl", "sourceDate", "notes",
        ]
        let lines = rows.map { row in
            [
                row.snapshot, row.effectiveDate, row.provider, row.region, row.kind, row.sku, row.capacity,
                row.vcpus.map(String.init) ?? "", row.memoryGiB.map(Format.parameter) ?? "", row.gpuModel ?? "",
                String(row.gpuCount), row.gpuMemoryGiB.map(Format.parameter) ?? "",
                row.attachableTo.joined(separator: ","), row.pricePerHour, String(row.billingIncrementSeconds),
                String(row.billingMinimumSeconds), row.currency,
                row.sourceUrl ?? "", row.sourceDate ?? "", row.notes ?? "",
            ].map(CSVText.field)
        }
        return CSVText.document(header: header, rows: lines)
    }
}
