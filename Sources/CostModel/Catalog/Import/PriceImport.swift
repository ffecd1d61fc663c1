import Simulator

/// The rows `pricing import` read from its files, in any of ``PriceFileFormat``, and what each
/// file gave and left out.
///
/// Rows from provider files form one snapshot: named `--snapshot`, or else after its effective
/// date, which is `--effective-date` or else the latest date the files state
/// (``ImportedPriceFile/fileDate``). Rows of costsim's CSV keep their own snapshot and date.
/// A spot row without a shape (from spot price history) takes the shape of the on-demand row of
/// the same SKU and region; cluster fees the files do not price are added as
/// ``DocumentedFees``. Every row is then checked as a CSV row is (``CatalogLimits``, no two rows
/// with one key); nothing is written if any check fails.
public struct PriceImport: Sendable {
    /// Every row to write: the files' rows and the documented fees added.
    public var rows: [PriceRow]
    /// What each file (or paged list) gave and left out, in the order given.
    public var files: [ImportedPriceFile]
    /// The snapshot and effective date of the provider files' rows (`nil` if only costsim CSVs).
    public var snapshot: String?
    public var effectiveDate: String?

    /// Reads `paths` (each of format `format`, or detected) with `defaults` for the snapshot
    /// name and date.
    public static func read(
        paths: [String], format: PriceFileFormat? = nil, defaults: CatalogCSV.Defaults = CatalogCSV.Defaults()
    ) throws(CatalogImportError) -> PriceImport {
        var groups: [(format: PriceFileFormat, paths: [String])] = []
        for path in paths {
            guard let found = format ?? PriceFileFormat.detect(path: path) else {
                throw .at(
                    path, line: 1,
                    message: "not a price file costsim knows; give --format (one of: \(PriceFileFormat.names))")
            }
            // The pages of one paged list are read together, in the order given.
            if found == .gcpSKUs || found == .azureRetailPrices,
                let index = groups.firstIndex(where: { $0.format == found })
            {
                groups[index].paths.append(path)
            } else {
                groups.append((found, [path]))
            }
        }
        var files: [ImportedPriceFile] = []
        for (format, paths) in groups {
            switch format {
            case .catalogCSV:
                let rows = try CatalogCSV.parse(file: paths[0], defaults: defaults)
                files.append(
                    ImportedPriceFile(paths: paths, format: format, rows: rows, skipped: SkipTally(), fileDate: nil))
            case .awsOfferJSON: files.append(try AWSOfferJSON.read(path: paths[0]))
            case .awsOfferCSV: files.append(try AWSOfferCSV.read(path: paths[0]))
            case .awsSpotHistory: files.append(try AWSSpotHistory.read(path: paths[0]))
            case .azureRetailPrices: files.append(try AzureRetailPrices.read(paths: paths))
            case .gcpSKUs: files.append(try GCPSKUList.read(paths: paths))
            }
        }
        return try assemble(files, defaults: defaults)
    }

    private static func assemble(
        _ files: [ImportedPriceFile], defaults: CatalogCSV.Defaults
    ) throws(CatalogImportError) -> PriceImport {
        guard files.contains(where: { !$0.rows.isEmpty }) else {
            let name = files.flatMap(\.paths).joined(separator: ", ")
            let reasons = files.flatMap { $0.skipped.counts.map { "\($0.count) \($0.reason)" } }
            throw .at(
                name, line: 0, message: "no price row: every record was left out (\(reasons.joined(separator: "; ")))")
        }
        let providerFiles = files.filter { $0.format != .catalogCSV }
        var snapshot: String?
        var effectiveDate: String?
        if !providerFiles.isEmpty {
            if let date = defaults.effectiveDate, let problem = PriceSnapshot.dateProblem(date) {
                throw .at(
                    providerFiles[0].paths[0], line: 0, field: "effective_date",
                    message: "--effective-date \(TraceLimits.quote(date)): \(problem)")
            }
            guard let date = defaults.effectiveDate ?? providerFiles.compactMap(\.fileDate).max() else {
                throw .at(
                    providerFiles[0].paths[0], line: 0, field: "effective_date",
                    message: "the files state no date; give --effective-date")
            }
            if let name = defaults.snapshot, name.trimmingASCIIWhitespace().isEmpty {
                throw .at(
                    providerFiles[0].paths[0], line: 0, field: "snapshot",
                    message: "the snapshot name (--snapshot) is empty")
            }
            effectiveDate = date
            snapshot = defaults.snapshot ?? date
        }
        var dated = files
        for index in dated.indices where dated[index].format != .catalogCSV {
            dated[index].rows = dated[index].rows.map { row in
                var row = row
                row.snapshot = snapshot!
                row.effectiveDate = effectiveDate!
                return row
            }
        }
        var rows: [PriceRow] = []
        var origin: [String: String] = [:]
        var shapes: [String: PriceRow] = [:]
        for file in dated {
            for row in file.rows where row.capacity == .onDemand && row.kind == .machine {
                shapes["\(row.snapshot)/\(row.provider)/\(row.region)/\(row.sku)"] = row
            }
        }
        for file in dated {
            for var row in file.rows {
                if row.capacity == .spot, row.kind == .machine, row.vcpus == nil, row.memoryGiB == nil,
                    let shape = shapes["\(row.snapshot)/\(row.provider)/\(row.region)/\(row.sku)"]
                {
                    row.vcpus = shape.vcpus
                    row.memoryGiB = shape.memoryGiB
                    row.gpuModel = shape.gpuModel
                    row.gpuCount = shape.gpuCount
                    row.gpuMemoryGiB = shape.gpuMemoryGiB
                }
                let key = row.keyDescription
                let name = file.paths.joined(separator: ", ")
                if let first = origin[key] {
                    throw .at(name, line: 0, sku: row.sku, message: "row \(key) is also imported from \(first)")
                }
                if let problem = row.problems().first {
                    throw .at(
                        name, line: 0, sku: row.sku, field: problem.column,
                        message: "\(TraceLimits.quote(problem.value)) is not valid: \(problem.reason)")
                }
                origin[key] = name
                rows.append(row)
            }
        }
        rows += DocumentedFees.missing(from: rows.filter { $0.snapshot == snapshot && snapshot != nil })
            .filter { origin[$0.keyDescription] == nil }
        return PriceImport(rows: rows, files: dated, snapshot: snapshot, effectiveDate: effectiveDate)
    }
}
