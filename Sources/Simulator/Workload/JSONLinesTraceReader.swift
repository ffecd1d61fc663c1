/// Streams a JSON Lines trace: one JSON object per line, with the arrival time and sizes as
/// top-level members (numbers, or strings holding numbers or timestamps).
///
/// Only the members the ``TraceFormat`` names are looked at; other members — such as
/// Mooncake's `hash_ids` arrays — are skipped without being decoded, which keeps replay of
/// large files fast. Lines that are not a well-formed JSON object are errors, and so is an object
/// naming one of those members twice (which value counts would be a guess) or a file without
/// records. A UTF-8 byte-order mark before the first line is skipped.
public final class JSONLinesTraceReader: TraceFileSource {
    private let lines: LineReader
    // Unchecked exclusivity: see LineReader; single-threaded, never re-entered.
    @exclusivity(unchecked) private var decoder: TraceRecordDecoder
    private let keys: [[UInt8]]
    /// Positions in ``keys`` of the members the decoder reads (the time is at 0).
    private let fields: RecordFields
    @exclusivity(unchecked) private var filters: RowFilters
    @exclusivity(unchecked) private var ranges: [Range<Int>?]

    /// Opens `path`; lines are read as ``next()`` asks for them.
    public init(path: String, format: TraceFormat) throws(TraceError) {
        lines = try LineReader(path: path)
        decoder = TraceRecordDecoder(path: path, format: format)
        var names: [String] = []
        func slot(_ name: String) -> Int {
            if let known = names.firstIndex(of: name) { return known }
            names.append(name)
            return names.count - 1
        }
        fields = try RecordFields(format) { column throws(TraceError) in slot(column) }
        filters = RowFilters(format.filters, positions: format.filters.map { slot($0.column) })
        keys = names.map { Array($0.utf8) }
        ranges = Array(repeating: nil, count: names.count)
    }

    public var timeFrame: TraceTimeFrame? { decoder.frame }

    public var droppedRows: Int { filters.dropped }

    public func next() throws(TraceError) -> TraceRecord? {
        while let text = try lines.nextLine() {
            let bytes = lines.lineNumber == 1 ? Self.droppingByteOrderMark(text) : text
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let line = lines.lineNumber
            var scanner = JSONObjectScanner(bytes: bytes, path: lines.path, line: line)
            for index in ranges.indices { ranges[index] = nil }
            do throws(TraceError) {
                try scanner.scanObject(keys: keys, into: &ranges)
            } catch {
                // A first line that is not an object at all is likely a CSV header.
                guard line == 1, let first = bytes.first(where: { !JSONObjectScanner.isSpace($0) }),
                      first != UInt8(ascii: "{")
                else { throw error }
                var hinted = error
                hinted.message += "; the file looks like CSV, not JSON Lines: read it as such (a .csv name, "
                    + "`format: csv` in the scenario, or a CSV --trace-preset such as costsim or azure-llm)"
                throw hinted
            }
            func value(_ index: Int) throws(TraceError) -> UnsafeBufferPointer<UInt8> {
                guard let range = ranges[index] else {
                    throw TraceError(
                        file: lines.path, line: line, field: String(decoding: keys[index], as: UTF8.self),
                        message: "key missing from the JSON object")
                }
                return UnsafeBufferPointer(rebasing: bytes[range])
            }
            if !filters.isEmpty {
                guard try filters.keep(value) else { continue }
            }
            return try decoder.decode(fields, line: line, field: value)
        }
        try decoder.finish(filters: filters, noRecords: "trace has no records (the file has no JSON lines)")
        return nil
    }

    /// `bytes` without a leading UTF-8 byte-order mark (EF BB BF).
    static func droppingByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[3...])
    }
}

/// A validating scanner for one JSON object on one line. It records where the values of the
/// wanted top-level keys are (string values without their quotes) and skips everything else.
struct JSONObjectScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let line: Int
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int) {
        self.bytes = bytes
        self.path = path
        self.line = line
    }

    func error(_ message: String) -> TraceError {
        TraceError(file: path, line: line, message: "malformed JSON at column \(index + 1): \(message)")
    }

    /// JSON whitespace.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Whether `byte` ends a number or literal (`true`, `null`): a separator or whitespace.
    static func endsBareValue(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isSpace(byte)
    }

    mutating func skipSpaces() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    mutating func expect(_ byte: UInt8) throws(TraceError) {
        skipSpaces()
        guard index < bytes.count, bytes[index] == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        index += 1
    }

    mutating func scanObject(keys: [[UInt8]], into ranges: inout [Range<Int>?]) throws(TraceError) {
        try expect(UInt8(ascii: "{"))
        skipSpaces()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpaces()
                let key = try scanString()
                try expect(UInt8(ascii: ":"))
                skipSpaces()
                let value = try scanValue()
                let keyBytes = UnsafeBufferPointer(rebasing: bytes[key])
                if let wanted = keys.firstIndex(where: { $0.elementsEqual(keyBytes) }) {
                    guard ranges[wanted] == nil else {
                        throw TraceError(
                            file: path, line: line, field: String(decoding: keyBytes, as: UTF8.self),
                            message: "key appears more than once in the JSON object")
                    }
                    ranges[wanted] = value
                }
                skipSpaces()
                guard index < bytes.count else { throw error("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw error("expected ',' or '}'")
            }
        }
        skipSpaces()
        guard index == bytes.count else { throw error("text after the end of the object") }
    }

    /// Scans a string and returns the range of its contents (without quotes).
    mutating func scanString() throws(TraceError) -> Range<Int> {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string") }
        index += 1
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                let range = start..<index
                index += 1
                return range
            default: index += 1
            }
        }
        throw error("unterminated string")
    }

    /// Scans any value; returns its range (string contents without quotes).
    mutating func scanValue() throws(TraceError) -> Range<Int> {
        guard index < bytes.count else { throw error("expected a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return try scanString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): _ = try scanString(); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { index += 1; return start..<index }
                default: break
                }
                index += 1
            }
            throw error("unterminated array or object")
        default:
            while index < bytes.count, !Self.endsBareValue(bytes[index]) { index += 1 }
            guard index > start else { throw error("expected a value") }
            return start..<index
        }
    }
}
