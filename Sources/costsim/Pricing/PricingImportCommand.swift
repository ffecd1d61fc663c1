import ArgumentParser
import CostModel
import Storage

/// `costsim pricing import FILE.csv --output FILE.sqlite`: validate a price CSV and build a
/// catalog file from it, atomically.
struct PricingImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate a price CSV and write it as an SQLite catalog (atomically; nothing is written on error).",
        discussion: """
            The CSV has the columns of pricing/catalog.csv (see pricing/README.md); \
            a CSV without the snapshot and effective_date columns imports when --snapshot and --effective-date \
            are given. \
            Every row is checked (provider, kind, prices, integers, dates, duplicate keys) and every \
            problem is reported with its line and field.

            Examples:
              costsim pricing import my.csv --output my.sqlite
              costsim run --pricing my.sqlite
            """)

    @Argument(help: ArgumentHelp("Price CSV to import.", valueName: "file.csv"))
    var csv: String

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("SQLite catalog to write (replaced atomically if it exists).", valueName: "file.sqlite"))
    var output: String

    @Option(name: .long, help: "Snapshot name for rows without a snapshot column.")
    var snapshot: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Effective date for rows without an effective_date column.", valueName: "YYYY-MM-DD"))
    var effectiveDate: String?

    func run() async throws {
        let destination = try OutputFile(checking: output, option: "--output")
        try AtomicFile.refuseSameFile(outputs: [("--output", output)], inputs: [("the CSV to import", csv)])
        let defaults = CatalogCSV.Defaults(snapshot: snapshot, effectiveDate: effectiveDate)
        // The catalog is built in a temporary file that OutputBatch renames into place (and
        // removes on error or interrupt).
        let rows = try OutputBatch.write { batch in
            var rows: [PriceRow] = []
            try batch.add(to: destination) { temporary in
                rows = try CatalogImporter.importCSV(at: csv, to: temporary, defaults: defaults, atomically: false)
            }
            return rows
        }
        let skus = Set(rows.map { "\($0.snapshot)/\($0.provider)/\($0.region)/\($0.kind)/\($0.sku)" }).count
        print("Wrote \(rows.count) price row(s) for \(skus) SKU(s) to \(output).")
    }
}
