import Simulator

extension CSVFileRecords {
    /// Opens the price file `path` for `pricing import`.
    static func importing(_ path: String) throws(CatalogImportError) -> CSVFileRecords {
        do {
            return try CSVFileRecords(path: path, limits: .priceFile)
        } catch {
            throw CatalogImportError(reading: error)
        }
    }

    /// The next record of a price file, `nil` at the end, with `pricing import`'s errors.
    func nextImported() throws(CatalogImportError) -> CSVParser.Record? {
        do {
            return try next()
        } catch {
            throw CatalogImportError(reading: error)
        }
    }
}

extension CatalogImportError {
    /// A price file that cannot be opened (no line) or whose line `error.line` is not CSV.
    init(reading error: InputError) {
        if let line = error.line {
            self = .invalidRows(path: error.file, issues: [CatalogImportIssue(line: line, message: error.message)])
        } else {
            self = .fileUnreadable(path: error.file, reason: error.message)
        }
    }
}
