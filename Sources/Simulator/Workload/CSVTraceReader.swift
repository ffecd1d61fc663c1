/// Streams a CSV trace with a header line, one ``TraceRecord`` per row.
///
/// Fields are split on commas with RFC 4180 quoting (`"a,b"`, `""` inside quotes); blank
/// lines are skipped. Columns are found by name in the header, so extra columns are fine and
/// their order does not matter; every row must have as many fields as the header (a row with
/// more or fewer has a stray or missing comma, and its values would land in the wrong columns).
/// A file with a header and no rows is an error.
public final class CSVTraceReader: TraceFileSource {
    private let lines: LineReader
    // Unchecked exclusivity: see LineReader; single-threaded, never re-entered.
    @exclusivity(unchecked) private var decoder: TraceRecordDecoder
    private let fields: RecordFields
    @exclusivity(unchecked) private var filters: RowFilters
    private let headerFields: Int
    /// Where each field of the current row starts and ends, one slot per header field: owned by
    /// the reader (freed in `deinit`), so the per-row writes need no uniqueness checks.
    private let fieldStarts: UnsafeMutableBufferPointer<Int>
    private let fieldEnds: UnsafeMutableBufferPointer<Int>

    /// Opens `path` and reads its header. Fails if a configured column is missing.
    public init(path: String, format: TraceFormat) throws(TraceError) {
        lines = try LineReader(path: path)
        decoder = TraceRecordDecoder(path: path, format: format)
        let header: [String]? = try lines.withNextLine { bytes throws(TraceError) -> [String] in
            try CSVTraceReader.splitHeader(bytes, path: path)
        }
        guard let header else { throw TraceError(file: path, message: "trace is empty (no header line)") }
        fields = try RecordFields(format) { column throws(TraceError) in try Self.index(of: column, in: header, path: path) }
        var filterIndices: [Int] = []
        for filter in format.filters { filterIndices.append(try Self.index(of: filter.column, in: header, path: path)) }
        filters = RowFilters(format.filters, positions: filterIndices)
        headerFields = header.count
        fieldStarts = .allocate(capacity: header.count)
        fieldStarts.initialize(repeating: 0)
        fieldEnds = .allocate(capacity: header.count)
        fieldEnds.initialize(repeating: 0)
    }

    deinit {
        fieldStarts.deallocate()
        fieldEnds.deallocate()
    }

    /// Where `column` is in `header`; an error if it is missing or there twice.
    static func index(of column: String, in header: [String], path: String) throws(TraceError) -> Int {
        guard let found = header.firstIndex(of: column) else {
            let columns = TraceLimits.quote(header.joined(separator: ", "))
            var message = "column not found in header (columns: \(columns))"
            if header.first?.trimmingPrefix(while: { $0 == " " || $0 == "\t" }).hasPrefix("{") == true {
                message += "; the file looks like JSON Lines: read it as such (a .jsonl name, `format: jsonl` in the scenario, or --trace-preset mooncake)"
            }
            throw TraceError(file: path, line: 1, field: column, message: message)
        }
        guard header.lastIndex(of: column) == found else {
            throw TraceError(file: path, line: 1, field: column, message: "column appears more than once in the header")
        }
        return found
    }

    public var timeFrame: TraceTimeFrame? { decoder.frame }

    public var droppedRows: Int { filters.dropped }

    public func next() throws(TraceError) -> TraceRecord? {
        while let bytes = try lines.nextLine() {
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") }) { continue }   // blank line
            let line = lines.lineNumber
            let found = try CSVTraceReader.split(
                bytes, starts: fieldStarts, ends: fieldEnds, path: lines.path, line: line)
            guard found == headerFields else {
                throw TraceError(
                    file: lines.path, line: line,
                    message: "row has \(found) field\(found == 1 ? "" : "s"), the header has \(headerFields)")
            }
            @inline(__always) func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[fieldStarts[index]..<fieldEnds[index]])
            }
            guard filters.isEmpty || filters.keep(field) else { continue }
            return try decoder.decode(fields, line: line, field: field)
        }
        try decoder.finish(filters: filters, noRecords: "trace has no records (only a header line)")
        return nil
    }

    /// Splits a line, recording the ranges (quotes excluded) of its first `starts.count` fields.
    /// Returns how many fields the line has, all of them counted. `path` is read only for an error.
    static func split(
        _ bytes: UnsafeBufferPointer<UInt8>,
        starts: UnsafeMutableBufferPointer<Int>, ends: UnsafeMutableBufferPointer<Int>,
        path: @autoclosure () -> String, line: Int
    ) throws(TraceError) -> Int {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
        var index = 0
        var field = 0
        while true {
            let start: Int, end: Int
            if index < bytes.count && bytes[index] == quote {
                index += 1
                start = index
                while true {
                    guard index < bytes.count else {
                        throw TraceError(
                            file: path(), line: line, message: "unterminated quoted field (field \(field + 1))")
                    }
                    if bytes[index] == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote { index += 2; continue }
                        break
                    }
                    index += 1
                }
                end = index
                index += 1
                guard index == bytes.count || bytes[index] == comma else {
                    throw TraceError(
                        file: path(), line: line, message: "unexpected text after a closing quote (field \(field + 1))")
                }
            } else {
                start = index
                while index < bytes.count && bytes[index] != comma { index += 1 }
                end = index
            }
            if field < starts.count {
                starts[field] = start
                ends[field] = end
            }
            field += 1
            if index >= bytes.count { return field }
            index += 1   // skip the comma
        }
    }

    static func splitHeader(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(TraceError) -> [String] {
        var commas = 1
        for byte in bytes where byte == UInt8(ascii: ",") { commas += 1 }
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: commas)
        let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: commas)
        defer {
            starts.deallocate()
            ends.deallocate()
        }
        starts.initialize(repeating: 0)
        ends.initialize(repeating: 0)
        let count = try split(bytes, starts: starts, ends: ends, path: path, line: 1)
        var names: [String] = []
        for index in 0..<count {
            var name = String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[index]..<ends[index]]), as: UTF8.self)
            if index == 0 && name.hasPrefix("\u{FEFF}") { name.removeFirst() }   // UTF-8 byte-order mark
            names.append(String(name.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()))
        }
        return names
    }
}
