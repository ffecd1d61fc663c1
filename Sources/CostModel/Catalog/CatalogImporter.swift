import Storage

/// `costsim pricing import`: reads price files (a catalog CSV or the providers' price lists,
/// ``PriceImport``), validates every row, then writes the SQLite catalog atomically (temporary
/// file + rename). If any row is invalid, nothing is written.
public enum CatalogImporter {
    /// Reads `csvPath`, validates every row, and writes `outputPath`.
    ///
    /// - Parameter atomically: see ``PriceCatalog/writeDatabase(_:to:atomically:)``.
    /// - Returns: the rows written.
    /// - Throws: ``CatalogImportError`` naming the line and field of every problem found;
    ///   ``CatalogImportError/outputIsInput(csvPath:outputPath:)`` if `outputPath` is the CSV
    ///   itself (under any name), which the atomic rename would otherwise replace.
    @discardableResult
    public static func importCSV(
        at csvPath: String, to outputPath: String, defaults: CatalogCSV.Defaults = CatalogCSV.Defaults(),
        atomically: Bool = true
    ) throws(CatalogImportError) -> [PriceRow] {
        try importFiles([csvPath], to: outputPath, format: .catalogCSV, defaults: defaults, atomically: atomically).rows
    }

    /// Reads `paths` (costsim CSV or the providers' price files, see ``PriceImport``), checks
    /// every row, and writes `outputPath`; nothing is written on any error.
    @discardableResult
    public static func importFiles(
        _ paths: [String], to outputPath: String, format: PriceFileFormat? = nil,
        defaults: CatalogCSV.Defaults = CatalogCSV.Defaults(), atomically: Bool = true
    ) throws(CatalogImportError) -> PriceImport {
        for path in paths where FileIdentity(path: path).isSame(as: FileIdentity(path: outputPath)) {
            throw .outputIsInput(csvPath: path, outputPath: outputPath)
        }
        let imported = try PriceImport.read(paths: paths, format: format, defaults: defaults)
        do {
            try PriceCatalog.writeDatabase(imported.rows, to: outputPath, atomically: atomically)
        } catch {
            throw .writeFailed(error)
        }
        return imported
    }

    /// Writes `rows` as catalog CSV to `path` atomically (temporary file + rename).
    public static func exportCSV(_ rows: [PriceRow], to path: String) throws(CostModelError) {
        do {
            try AtomicFile.write(CatalogCSV.render(rows), to: path)
        } catch let error as OutputError {
            throw .writeFailed(path: path, reason: error.reason)
        } catch {
            throw .writeFailed(path: path, reason: String(describing: error))
        }
    }
}
