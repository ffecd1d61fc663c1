/// Reads one numeric column of a CSV file with a header, for example the model-load latencies
/// of `alibaba_GenTD26_basemodel_update_latency_anon.csv` that back an empirical cold-start
/// distribution.
public enum CSVColumn {
    /// All values of `column`, multiplied by `scale`. Fails on a missing column, a non-numeric
    /// value, or a file without data rows.
    public static func values(path: String, column: String, scale: Double = 1) throws(TraceError) -> [Double] {
        let lines = try LineReader(path: path)
        let header: [String]? = try lines.withNextLine { bytes throws(TraceError) -> [String] in
            try CSVTraceReader.splitHeader(bytes, path: path)
        }
        guard let header else { throw TraceError(file: path, message: "file is empty (no header line)") }
        let index = try CSVTraceReader.index(of: column, in: header, path: path)
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: index + 1)
        let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: index + 1)
        defer {
            starts.deallocate()
            ends.deallocate()
        }
        starts.initialize(repeating: 0)
        ends.initialize(repeating: 0)
        var values: [Double] = []
        while let value: Double? = try lines.withNextLine({ bytes throws(TraceError) -> Double? in
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") }) { return nil }
            let found = try CSVTraceReader.split(bytes, starts: starts, ends: ends, path: path, line: lines.lineNumber)
            guard found > index else {
                throw TraceError(file: path, line: lines.lineNumber, field: column, message: "row has no value for this column")
            }
            let field = UnsafeBufferPointer(rebasing: bytes[starts[index]..<ends[index]])
            guard let number = NumberParser.parseDouble(field), number.isFinite else {
                throw TraceError(
                    file: path, line: lines.lineNumber, field: column,
                    message: "\(TraceLimits.quote(field)) is not a number")
            }
            return number * scale
        }) {
            if let value { values.append(value) }
        }
        guard !values.isEmpty else { throw TraceError(file: path, field: column, message: "no data rows") }
        return values
    }
}
