/// A CSV file with a header, read row by row as text fields with the trace reader's syntax
/// (``CSVTraceReader``: RFC 4180 quoting within one line, `""` for a quote inside quotes), for CSV
/// inputs that are not traces (cloud billing exports). Streams the file through ``LineReader``.
package final class CSVRows {
    package let path: String
    /// The header's column names (a byte-order mark and surrounding spaces removed).
    package let header: [String]
    private let lines: LineReader
    // Each field's byte range in the current line, one slot per column.
    private let starts: UnsafeMutableBufferPointer<Int>
    private let ends: UnsafeMutableBufferPointer<Int>

    /// The most fields a row may have: a cloud bill has at most a few hundred columns.
    package static let maxFields = 4_096

    /// Opens `path` and reads its header line; an empty file is an error.
    package init(path: String) throws(TraceError) {
        self.path = path
        lines = try LineReader(path: path)
        guard let header = try lines.withNextLine({ bytes throws(TraceError) in
            try CSVTraceReader.splitHeader(bytes, path: path)
        }) else { throw TraceError(file: path, message: "file is empty (no header line)") }
        guard header.count <= Self.maxFields else {
            throw TraceError(file: path, line: 1, message: "more than \(Self.maxFields) columns")
        }
        self.header = header
        starts = .allocate(capacity: header.count)
        ends = .allocate(capacity: header.count)
        starts.initialize(repeating: 0)
        ends.initialize(repeating: 0)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }

    /// 1-based line number of the row most recently returned.
    package var lineNumber: Int { lines.lineNumber }

    /// The next row's fields, or `nil` at the end; blank lines are skipped. A row with a different
    /// number of fields than the header is an error naming its line.
    package func next() throws(TraceError) -> [String]? {
        let width = header.count, path = path, starts = starts, ends = ends
        while let row: [String]? = try lines.withNextLine({ bytes throws(TraceError) -> [String]? in
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") }) { return nil }
            let count = try CSVTraceReader.split(bytes, starts: starts, ends: ends, path: path, line: lines.lineNumber)
            guard count == width else {
                throw TraceError(
                    file: path, line: lines.lineNumber, message: "row has \(count) fields, the header has \(width)")
            }
            return (0..<width).map { index in
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[index]..<ends[index]]),
                                  as: UTF8.self)
                let quoted = starts[index] > 0 && bytes[starts[index] - 1] == UInt8(ascii: "\"")
                return quoted && text.contains("\"\"") ? text.replacing("\"\"", with: "\"") : text
            }
        }) {
            if let row { return row }
        }
        return nil
    }
}
