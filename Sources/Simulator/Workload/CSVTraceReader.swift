/// Streams a CSV trace with a header line, one ``TraceRecord`` per row.
///
/// Fields are split on commas with RFC 4180 quoting (`"a,b"`, `""` inside quotes); blank
/// lines are skipped. Columns are found by name in the header, so extra columns are fine and
/// their order does not matter.
public final class CSVTraceReader: TraceSource {
    private let lines: LineReader
    // Unchecked exclusivity: see LineReader; single-threaded, never re-entered.
    @exclusivity(unchecked) private var decoder: TraceRecordDecoder
    private let timeIndex: Int
    private let sizeIndex: Int
    private let outputIndex: Int?
    private let neededFields: Int
    @exclusivity(unchecked) private var fieldStarts: [Int]
    @exclusivity(unchecked) private var fieldEnds: [Int]

    /// Opens `path` and reads its header. Fails if a configured column is missing.
    public init(path: String, format: TraceFormat) throws(TraceError) {
        lines = try LineReader(path: path)
        decoder = TraceRecordDecoder(path: path, format: format)
        let header: [String]? = try lines.withNextLine { bytes throws(TraceError) -> [String] in
            try CSVTraceReader.splitHeader(bytes, path: path)
        }
        guard let header else { throw TraceError(file: path, message: "trace is empty (no header line)") }
        func index(of column: String) throws(TraceError) -> Int {
            guard let found = header.firstIndex(of: column) else {
                throw TraceError(
                    file: path, line: 1, field: column,
                    message: "column not found in header (columns: \(header.joined(separator: ", ")))")
            }
            return found
        }
        timeIndex = try index(of: format.timeColumn)
        sizeIndex = try index(of: format.sizeColumn)
        if let column = format.outputTokensColumn { outputIndex = try index(of: column) } else { outputIndex = nil }
        neededFields = Swift.max(timeIndex, sizeIndex, outputIndex ?? 0) + 1
        fieldStarts = Array(repeating: 0, count: neededFields)
        fieldEnds = Array(repeating: 0, count: neededFields)
    }

    public func next() throws(TraceError) -> TraceRecord? {
        while true {
            let outcome: TraceRecord?? = try lines.withNextLine { bytes throws(TraceError) -> TraceRecord? in
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") }) { return nil }   // blank line
                let line = lines.lineNumber
                let found = try CSVTraceReader.split(bytes, starts: &fieldStarts, ends: &fieldEnds, path: lines.path, line: line)
                guard found >= neededFields else {
                    throw TraceError(
                        file: lines.path, line: line,
                        message: "row has \(found) field\(found == 1 ? "" : "s"), the header needs at least \(neededFields)")
                }
                func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[fieldStarts[index]..<fieldEnds[index]])
                }
                return try decoder.decode(
                    time: field(timeIndex), size: field(sizeIndex), outputTokens: outputIndex.map(field), line: line)
            }
            switch outcome {
            case .none: return nil                  // end of file
            case .some(.none): continue             // blank line
            case .some(.some(let record)): return record
            }
        }
    }

    /// Splits a data line, recording up to `starts.count` field ranges (quotes excluded).
    /// Returns how many fields the line has, counting at most `starts.count`.
    static func split(
        _ bytes: UnsafeBufferPointer<UInt8>, starts: inout [Int], ends: inout [Int], path: String, line: Int
    ) throws(TraceError) -> Int {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
        var index = 0
        var field = 0
        while field < starts.count {
            if index < bytes.count && bytes[index] == quote {
                index += 1
                starts[field] = index
                while true {
                    guard index < bytes.count else {
                        throw TraceError(file: path, line: line, message: "unterminated quoted field (field \(field + 1))")
                    }
                    if bytes[index] == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote { index += 2; continue }
                        break
                    }
                    index += 1
                }
                ends[field] = index
                index += 1
                guard index == bytes.count || bytes[index] == comma else {
                    throw TraceError(file: path, line: line, message: "unexpected text after a closing quote (field \(field + 1))")
                }
            } else {
                starts[field] = index
                while index < bytes.count && bytes[index] != comma { index += 1 }
                ends[field] = index
            }
            field += 1
            if index >= bytes.count { return field }
            index += 1   // skip the comma
        }
        return field
    }

    static func splitHeader(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(TraceError) -> [String] {
        var commas = 1
        for byte in bytes where byte == UInt8(ascii: ",") { commas += 1 }
        var starts = [Int](repeating: 0, count: commas)
        var ends = [Int](repeating: 0, count: commas)
        let count = try split(bytes, starts: &starts, ends: &ends, path: path, line: 1)
        var names: [String] = []
        for index in 0..<count {
            var name = String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[index]..<ends[index]]), as: UTF8.self)
            if index == 0 && name.hasPrefix("\u{FEFF}") { name.removeFirst() }   // UTF-8 byte-order mark
            names.append(String(name.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()))
        }
        return names
    }
}
