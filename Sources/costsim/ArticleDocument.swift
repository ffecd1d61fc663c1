import CostModel

/// `costsim article` in JSON and CSV (docs/json.md): one flat object per price snapshot, so the
/// CSV's columns are the JSON keys.
struct ArticleDocument: Encodable {
    /// The article's table at one snapshot's prices.
    struct Estimate: Encodable {
        /// The snapshot the prices came from (comma-separated if `--price-date` took several).
        var priceSnapshot: String
        var monthHours, days: Int
        var dedicatedPricePerHour, dedicatedMonthlyCost: String
        var dedicatedMonthlyCostNanoDollars: Int64
        var systemNodeCount: Int
        var systemNodePricePerHour, systemNodesMonthlyCost: String
        var systemNodesMonthlyCostNanoDollars: Int64
        var gpuHoursPerDay: Int
        var spotGpuPricePerHour, spotGpuMonthlyCost: String
        var spotGpuMonthlyCostNanoDollars: Int64
        var scaleToZeroMonthlyCost: String
        var scaleToZeroMonthlyCostNanoDollars: Int64
        var savingsRatio: Double?
        var clusterFeeMonthlyCost: String?
        var clusterFeeMonthlyCostNanoDollars: Int64?

        init(_ estimate: ArticleEstimate) {
            let used = (estimate.dedicated.bySKU + estimate.scaleToZero.bySKU).map(\.snapshot)
            priceSnapshot = used.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .joined(separator: ", ")
            monthHours = estimate.monthHours
            days = estimate.days
            dedicatedPricePerHour = MoneyText.perHour(estimate.dedicatedHourly)
            dedicatedMonthlyCost = MoneyText.cents(estimate.dedicated.monthlyTotal)
            dedicatedMonthlyCostNanoDollars = estimate.dedicated.monthlyTotal.nanoDollars
            systemNodeCount = estimate.systemNodeCount
            systemNodePricePerHour = MoneyText.perHour(estimate.systemNodeHourly)
            systemNodesMonthlyCost = MoneyText.cents(estimate.systemPoolMonthly)
            systemNodesMonthlyCostNanoDollars = estimate.systemPoolMonthly.nanoDollars
            gpuHoursPerDay = estimate.gpuHoursPerDay
            spotGpuPricePerHour = MoneyText.perHour(estimate.spotGPUHourly)
            spotGpuMonthlyCost = MoneyText.cents(estimate.spotGPUMonthly)
            spotGpuMonthlyCostNanoDollars = estimate.spotGPUMonthly.nanoDollars
            scaleToZeroMonthlyCost = MoneyText.cents(estimate.scaleToZero.monthlyTotal)
            scaleToZeroMonthlyCostNanoDollars = estimate.scaleToZero.monthlyTotal.nanoDollars
            savingsRatio = estimate.comparison.savingsRatio
            clusterFeeMonthlyCost = estimate.clusterFeeMonthly.map(MoneyText.cents)
            clusterFeeMonthlyCostNanoDollars = estimate.clusterFeeMonthly?.nanoDollars
        }

        /// The CSV columns, in order: the JSON keys.
        static let columns = [
            "priceSnapshot", "monthHours", "days", "dedicatedPricePerHour", "dedicatedMonthlyCost",
            "dedicatedMonthlyCostNanoDollars", "systemNodeCount", "systemNodePricePerHour", "systemNodesMonthlyCost",
            "systemNodesMonthlyCostNanoDollars", "gpuHoursPerDay", "spotGpuPricePerHour", "spotGpuMonthlyCost",
            "spotGpuMonthlyCostNanoDollars", "scaleToZeroMonthlyCost", "scaleToZeroMonthlyCostNanoDollars",
            "savingsRatio", "clusterFeeMonthlyCost", "clusterFeeMonthlyCostNanoDollars",
        ]

        var fields: [String] {
            [
                CSVText.field(priceSnapshot), String(monthHours), String(days), dedicatedPricePerHour,
                dedicatedMonthlyCost, String(dedicatedMonthlyCostNanoDollars), String(systemNodeCount),
                systemNodePricePerHour, systemNodesMonthlyCost, String(systemNodesMonthlyCostNanoDollars),
                String(gpuHoursPerDay), spotGpuPricePerHour, spotGpuMonthlyCost, String(spotGpuMonthlyCostNanoDollars),
                scaleToZeroMonthlyCost, String(scaleToZeroMonthlyCostNanoDollars),
                savingsRatio.map(CSVText.number) ?? "", clusterFeeMonthlyCost ?? "",
                clusterFeeMonthlyCostNanoDollars.map(String.init) ?? "",
            ]
        }
    }

    var schemaVersion = JSONOutput.schemaVersion
    /// `bundled`, or the catalog file read.
    var catalog: String
    var estimates: [Estimate]
    /// Where the article's arithmetic holds and where it breaks (with both snapshots only).
    var findings: [String]?

    init(catalog: PriceCatalog, estimates: [ArticleEstimate], findings: [String]?) {
        self.catalog = catalog.origin
        self.estimates = estimates.map(Estimate.init)
        self.findings = findings
    }

    /// One row per estimate.
    func csv() -> String {
        CSVText.document(header: Estimate.columns, rows: estimates.map(\.fields))
    }
}
