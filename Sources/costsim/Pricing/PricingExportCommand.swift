import ArgumentParser
import CostModel
import Storage

/// `costsim pricing export`: the catalog as CSV (the format `pricing import` reads).
struct PricingExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the catalog (bundled or --pricing) as CSV, to standard output or --output.",
        discussion: """
            Examples:
              costsim pricing export -o catalog.csv
              costsim pricing export --pricing my.sqlite
            """)

    @OptionGroup var pricing: PricingOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file.csv"))
    var output: String?

    func run() async throws {
        if let output {
            _ = try OutputFile(checking: output, option: "--output")
            try AtomicFile.refuseSameFile(outputs: [("--output", output)], inputs: pricing.inputFiles)
        }
        let catalog = try pricing.openCatalog()
        let rows = try pricing.rows(of: catalog)
        if let output {
            try AtomicFile.write(CatalogCSV.render(rows), to: output, option: "--output")
        } else {
            print(CatalogCSV.render(rows), terminator: "")
        }
    }
}
