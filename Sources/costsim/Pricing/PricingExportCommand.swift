import ArgumentParser
import CostModel

/// `costsim pricing export`: the catalog as CSV (the format `pricing import` reads).
struct PricingExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the catalog (bundled or --pricing) as CSV, to standard output or --output.")

    @OptionGroup var pricing: PricingOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file.csv"))
    var output: String?

    func run() async throws {
        let catalog = try pricing.openCatalog()
        let rows = try pricing.rows(of: catalog)
        if let output {
            try CatalogImporter.exportCSV(rows, to: output)
        } else {
            print(CatalogCSV.render(rows), terminator: "")
        }
    }
}
