import ArgumentParser
import CostModel

/// `costsim pricing show SKU`: every catalog row for one SKU, with sources and notes.
struct PricingShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every price of one SKU (all snapshots and capacity types) with its source and notes.",
        discussion: """
            Examples:
              costsim pricing show n1-highmem-4
              costsim pricing show nvidia-tesla-t4 --region us-central1
              costsim pricing show n1-highmem-4 --format json -o n1-highmem-4.json
            """)

    @Argument(help: "SKU: a machine type (n1-highmem-4), GPU (nvidia-tesla-t4) or fee (gke-cluster-management).")
    var sku: String

    @OptionGroup var pricing: PricingOptions

    @Option(name: .long, help: "Only this provider.")
    var provider: String?

    @Option(name: .long, help: "Only this region.")
    var region: String?

    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @OptionGroup var output: ResultOutput

    func run() async throws {
        let outputFile = try output.check(inputs: pricing.inputFiles)
        let catalog = try pricing.openCatalog()
        let rows = try pricing.rows(of: catalog, matching: PriceFilter(provider: provider, region: region, sku: sku))
        guard !rows.isEmpty else {
            let similar = try catalog.rows().map(\.sku).filter { $0.lowercased().contains(sku.lowercased().prefix(4)) }
            var message =
                "no SKU '\(sku)' in the "
                    + "\(catalog.origin == "bundled" ? "bundled catalog" : "catalog \(catalog.origin)")"
            if provider != nil || region != nil || pricing.choseSnapshot { message += " with the given filters" }
            let unique = similar.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !unique.isEmpty { message += "; similar: \(unique.prefix(8).joined(separator: ", "))" }
            throw CLIError(message)
        }
        let text: String = switch format {
        case .table: Self.table(rows)
        case .json: try JSONOutput.text(PriceRowsDocument(catalog: catalog, rows: rows))
        case .csv: PriceRowsDocument(catalog: catalog, rows: rows).csv()
        }
        try output.emit(text, to: outputFile)
    }

    /// One block per row: price, billing, shape, what a GPU attaches to, source and notes.
    static func table(_ rows: [PriceRow]) -> String {
        var blocks: [String] = []
        for row in rows {
            var lines = [
                "\(row.sku) — \(row.provider) \(row.region), \(row.kind), \(row.capacity), snapshot \(row.snapshot) "
                    + "(effective \(row.effectiveDate))"]
            let per = row.kind == .gpu ? " per GPU" : row.kind == .fee ? " per cluster" : " per VM"
            lines.append("  price:    \(row.pricePerHour)\(per) (\(row.currency))")
            lines.append(
                "  billing:  per \(row.billingIncrementSeconds) s"
                    + (row.billingMinimumSeconds > 0 ? ", minimum \(row.billingMinimumSeconds) s per VM run" : ""))
            var shape: [String] = []
            if let vcpus = row.vcpus { shape.append("\(vcpus) vCPU") }
            if let memory = row.memoryGiB { shape.append("\(memory) GiB") }
            if let gpu = row.gpuModel {
                let memory = row.gpuMemoryGiB.map { " (\($0) GiB)" } ?? ""
                shape.append(row.kind == .machine ? "\(row.gpuCount) × \(gpu)\(memory) bundled" : "\(gpu)\(memory)")
            }
            if !shape.isEmpty { lines.append("  shape:    " + shape.joined(separator: ", ")) }
            if row.kind == .gpu {
                lines.append(
                    "  attaches: "
                        + (row.attachableTo.isEmpty
                            ? "to nothing (component price only)"
                            : row.attachableTo.map { "\($0)*" }.joined(separator: ", ")))
            }
            if let url = row.sourceURL { lines.append("  source:   \(url)") }
            if let date = row.sourceDate { lines.append("  dated:    \(date)") }
            if let notes = row.notes { lines.append("  notes:    \(notes)") }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
