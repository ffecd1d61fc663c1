/// Streams an access log, one ``TraceRecord`` per line, split by the format's
/// ``AccessLogFormat`` (by default ingress-nginx's). Columns are the format's variable names
/// (`time_local`, `status`, `upstream_response_time`, ...). Blank lines are skipped; a line that
/// does not match the format is an error naming the variable where it stops matching.
public final class AccessLogTraceReader: TraceFileSource {
    private let lines: LineReader
    // Unchecked exclusivity: see LineReader; single-threaded, never re-entered.
    @exclusivity(unchecked) private var decoder: TraceRecordDecoder
    private let logFormat: AccessLogFormat
    private let fields: RecordFields
    @exclusivity(unchecked) private var filters: RowFilters
    @exclusivity(unchecked) private var ranges: [Range<Int>]

    /// Opens `path`. Fails if a column the format reads is not a variable of the log format.
    public init(path: String, format: TraceFormat) throws(TraceError) {
        let logFormat = format.logFormat ?? .ingressNginx
        let variables = TraceLimits.quote(logFormat.variables.joined(separator: ", "))
        func index(_ column: String) throws(TraceError) -> Int {
            guard let found = logFormat.variables.firstIndex(of: column) else {
                throw TraceError(
                    file: path, field: column,
                    message: "no such variable in the log format (variables: \(variables))"
                )
            }
            guard logFormat.variables.lastIndex(of: column) == found else {
                throw TraceError(
                    file: path, field: column, message: "variable appears more than once in the log format")
            }
            return found
        }
        self.logFormat = logFormat
        fields = try RecordFields(format, position: index)
        var positions: [Int] = []
        for filter in format.filters { positions.append(try index(filter.column)) }
        filters = RowFilters(format.filters, positions: positions)
        ranges = Array(repeating: 0..<0, count: logFormat.variables.count)
        lines = try LineReader(path: path)
        decoder = TraceRecordDecoder(path: path, format: format)
    }

    public var timeFrame: TraceTimeFrame? { decoder.frame }

    public var droppedRows: Int { filters.dropped }

    public func next() throws(TraceError) -> TraceRecord? {
        while let text = try lines.nextLine() {
            let bytes = lines.lineNumber == 1 ? JSONLinesTraceReader.droppingByteOrderMark(text) : text
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let line = lines.lineNumber
            if let failed = logFormat.match(bytes, into: &ranges) {
                throw TraceError(
                    file: lines.path, line: line, field: logFormat.variables[failed],
                    message: "the line does not match the log format at this variable (the format has "
                        + "\(TraceLimits.quote(logFormat.textAround(failed)))); is it this log's format?")
            }
            @inline(__always) func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[ranges[index]])
            }
            guard filters.isEmpty || filters.keep(field) else { continue }
            return try decoder.decode(fields, line: line, field: field)
        }
        try decoder.finish(filters: filters, noRecords: "trace has no records (the log has no lines)")
        return nil
    }
}
