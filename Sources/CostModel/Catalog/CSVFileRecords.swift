import Simulator

/// The records of a CSV file, read line by line (``Simulator/LineReader``: a regular UTF-8
/// file, lines of at most 64 MiB) through ``CSVParser``, in constant memory per record: price
/// files and cloud bills alike.
package final class CSVFileRecords {
    package let path: String
    private let lines: LineReader
    private var parser: CSVParser

    /// Opens `path`; an error without a line if it is not a regular UTF-8 file.
    package init(path: String, limits: CSVParser.Limits) throws(InputError) {
        self.path = path
        lines = try LineReader(path: path)
        parser = CSVParser(limits: limits)
    }

    /// The next record, `nil` at the end; a syntax error names its line and field.
    package func next() throws(InputError) -> CSVParser.Record? {
        while let record = try lines.withNextLine({ line throws(InputError) -> CSVParser.Record? in
            do throws(CSVParser.SyntaxError) {
                return try parser.read(line: line, number: lines.lineNumber)
            } catch {
                throw located(error)
            }
        }) {
            if let record { return record }
        }
        do throws(CSVParser.SyntaxError) {
            try parser.finish()
        } catch {
            throw located(error)
        }
        return nil
    }

    private func located(_ error: CSVParser.SyntaxError) -> InputError {
        InputError(file: path, line: error.line, message: error.message)
    }
}
