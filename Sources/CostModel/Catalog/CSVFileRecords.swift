import Simulator

/// The records of a CSV file, read line by line (``Simulator/LineReader``: a regular UTF-8
/// file, lines of at most 64 MiB) through ``CSVParser``, in constant memory per record.
final class CSVFileRecords {
    let path: String
    private let lines: LineReader
    private var parser = CSVParser()

    /// Opens `path`; ``CatalogImportError/fileUnreadable(path:reason:)`` if it cannot be read.
    init(path: String) throws(CatalogImportError) {
        self.path = path
        lines = try LineReader.importing(path)
    }

    /// The next record, `nil` at the end; a syntax error names its line.
    func next() throws(CatalogImportError) -> CSVParser.Record? {
        do {
            while let record = try lines.withNextLine({ line throws(TraceError) -> CSVParser.Record? in
                do throws(CSVParser.SyntaxError) {
                    return try parser.read(line: line, number: lines.lineNumber)
                } catch {
                    throw TraceError(file: path, line: error.line, message: error.message)
                }
            }) {
                if let record { return record }
            }
            try parser.finish()
            return nil
        } catch let error as TraceError {
            throw .invalidRows(
                path: path, issues: [CatalogImportIssue(line: error.line ?? lines.lineNumber, message: error.message)])
        } catch let error as CSVParser.SyntaxError {
            throw .invalidRows(path: path, issues: [CatalogImportIssue(line: error.line, message: error.message)])
        } catch {
            throw .fileUnreadable(path: path, reason: "\(error)")
        }
    }
}
