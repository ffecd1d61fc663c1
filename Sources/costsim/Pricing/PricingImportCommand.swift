import ArgumentParser
import CostModel
import Storage

/// `costsim pricing import FILE... --output FILE.sqlite`: read price files (costsim's CSV or the
/// providers' own price lists), check every row and build a catalog file from them, atomically.
struct PricingImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read price files (costsim CSV, AWS, GCP, Azure price lists) and write an SQLite catalog "
            + "(atomically; nothing is written on error).",
        discussion: """
            Each file's format is recognised from its content (or forced with --format): costsim's CSV \
            (the columns of pricing/catalog.csv, see pricing/README.md), an AWS Price List offer file for \
            AmazonEC2, AmazonEKS or AmazonSageMaker (index.json or index.csv), \
            `aws ec2 describe-spot-price-history --output json`, pages of GCP's Cloud Billing Catalog SKU list, \
            or pages of the Azure Retail Prices API (Virtual Machines, Azure Kubernetes Service, Azure Container \
            Apps; give every page, in order). docs/pricing.md says how to download each.

            Rows from the providers' files form one snapshot named --snapshot (default: its effective date); \
            the effective date is --effective-date or the latest date the files state. A costsim CSV without \
            the snapshot and effective_date columns imports when --snapshot and --effective-date are given. \
            Every row is checked and every record left out is counted by reason; a malformed file is an \
            error naming its line and field.

            Examples:
              costsim pricing import my.csv --output my.sqlite
              costsim pricing import index.json spot.json -o aws.sqlite
              costsim pricing import gcp-*.json azure-*.json -o cloud.sqlite
              costsim run --pricing cloud.sqlite
            """)

    @Argument(help: ArgumentHelp("Price files to import.", valueName: "file"))
    var files: [String]

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("SQLite catalog to write (replaced atomically if it exists).", valueName: "file.sqlite"))
    var output: String

    @Option(
        name: .long,
        help: ArgumentHelp("Read every file as this format: \(PriceFileFormat.names).", valueName: "format"))
    var format: String?

    @Option(name: .long, help: "Snapshot name for the providers' rows and for CSV rows without a snapshot column.")
    var snapshot: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Effective date for the providers' rows and for CSV rows without an effective_date column.",
            valueName: "YYYY-MM-DD"))
    var effectiveDate: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one price file to import.") }
        if let format, PriceFileFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of: \(PriceFileFormat.names); not '\(format)'.")
        }
    }

    func run() async throws {
        let destination = try OutputFile(checking: output, option: "--output")
        try AtomicFile.refuseSameFile(outputs: [("--output", output)], inputs: files.map { ("the file to import", $0) })
        let defaults = CatalogCSV.Defaults(snapshot: snapshot, effectiveDate: effectiveDate)
        let forced = format.flatMap(PriceFileFormat.init(rawValue:))
        // The catalog is built in a temporary file that OutputBatch renames into place (and
        // removes on error or interrupt).
        let imported = try OutputBatch.write { batch in
            var imported: PriceImport?
            try batch.add(to: destination) { temporary in
                imported = try CatalogImporter.importFiles(
                    files, to: temporary, format: forced, defaults: defaults, atomically: false)
            }
            return imported!
        }
        print(Self.summary(imported, output: output), terminator: "")
    }

    /// One paragraph per provider file (rows, records left out by reason), then the totals.
    static func summary(_ imported: PriceImport, output: String) -> String {
        var lines: [String] = []
        for file in imported.files where file.format != .catalogCSV {
            let pages = file.paths.count > 1 ? " (\(file.paths.count) pages)" : ""
            lines.append(
                "\(file.format.rawValue) \(file.paths.joined(separator: ", "))\(pages): \(file.rows.count) row(s)"
                    + (file.fileDate.map { ", dated \($0)" } ?? ""))
            if file.skipped.total > 0 {
                lines.append("  left out \(file.skipped.total):")
                for (reason, count) in file.skipped.counts { lines.append("    \(count)  \(reason)") }
            }
        }
        let added = imported.rows.count - imported.files.reduce(0) { $0 + $1.rows.count }
        if added > 0 { lines.append("added \(added) documented cluster fee row(s) the files do not price") }
        if let snapshot = imported.snapshot, let date = imported.effectiveDate {
            lines.append("snapshot \(snapshot), effective \(date)")
        }
        let rows = imported.rows
        let skus = Set(rows.map { "\($0.snapshot)/\($0.provider)/\($0.region)/\($0.kind)/\($0.sku)" }).count
        lines.append("Wrote \(rows.count) price row(s) for \(skus) SKU(s) to \(output).")
        return lines.joined(separator: "\n") + "\n"
    }
}
