import ArgumentParser
import CostModel

/// `costsim pricing list`: one line per catalog row, filtered.
struct PricingListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List catalog prices, optionally filtered by provider, region, GPU or kind.",
        discussion: """
            Examples:
              costsim pricing list --provider gcp --gpu T4
              costsim pricing list --price-snapshot article-2023
              costsim pricing list --provider gcp --format csv -o gcp-prices.csv
            """)

    @OptionGroup var pricing: PricingOptions

    @Option(name: .long, help: "Only this provider: \(CloudProvider.allNames).")
    var provider: String?

    @Option(name: .long, help: "Only this region (fees are in region 'global').")
    var region: String?

    @Option(name: .long, help: "Only rows with this GPU model (bundled or add-on), e.g. T4.")
    var gpu: String?

    @Option(name: .long, help: "Only this SKU kind: \(SKUKind.allNames).")
    var kind: String?

    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @OptionGroup var output: ResultOutput

    func run() async throws {
        var kindFilter: SKUKind?
        if let kind {
            guard let parsed = SKUKind(rawValue: kind) else {
                throw ValidationError("--kind must be one of \(SKUKind.allNames), not '\(kind)'.")
            }
            kindFilter = parsed
        }
        if let provider, CloudProvider(rawValue: provider.lowercased()) == nil {
            throw CLIError("unknown provider '\(provider)'; expected one of \(CloudProvider.allNames).")
        }
        let outputFile = try output.check(inputs: pricing.inputFiles)
        let catalog = try pricing.openCatalog()
        let filter = PriceFilter(provider: provider, region: region, gpuModel: gpu, kind: kindFilter)
        let rows = try pricing.rows(of: catalog, matching: filter)
        let text: String = switch format {
        case .table: Self.table(rows, catalog: catalog)
        case .json: try JSONOutput.text(PriceRowsDocument(catalog: catalog, rows: rows))
        case .csv: PriceRowsDocument(catalog: catalog, rows: rows).csv()
        }
        try output.emit(text, to: outputFile)
    }

    /// One line per row, then how many rows and from which catalog.
    static func table(_ rows: [PriceRow], catalog: PriceCatalog) -> String {
        var lines = PriceTable(header: [
            "snapshot", "provider", "region", "kind", "sku", "capacity", "usd/h", "vcpu", "mem GiB", "gpu", "billing",
        ])
        for row in rows {
            let gpu = row.gpuModel.map { row.gpuCount > 1 ? "\(row.gpuCount)×\($0)" : $0 } ?? ""
            let billing = row.billingMinimumSeconds > 0
                ? "\(row.billingIncrementSeconds)s, min \(row.billingMinimumSeconds)s"
                : "\(row.billingIncrementSeconds)s"
            lines.append([
                row.snapshot, row.provider.rawValue, row.region, row.kind.rawValue, row.sku, row.capacity.rawValue,
                row.pricePerHour.dollarsPerHourText, row.vcpus.map(String.init) ?? "", row.memoryGiB ?? "", gpu,
                billing,
            ])
        }
        let origin = catalog.origin == "bundled" ? "bundled catalog" : "catalog \(catalog.origin)"
        return lines.rendered() + "\(rows.count) row(s) from the \(origin).\n"
    }
}
