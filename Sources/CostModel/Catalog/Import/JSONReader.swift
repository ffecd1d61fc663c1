import Simulator

/// A pull parser for the providers' JSON price files that never holds more than one line of
/// the file plus the one record the caller asks it to build (``readValue(path:)``), so an AWS
/// offer file of hundreds of MB is read in bounded memory.
///
/// The file is read line by line (``Simulator/LineReader``): a JSON token never spans a line
/// break (strings cannot hold a raw one), so whitespace is the only thing that crosses lines.
/// The limit is therefore the reader's longest line, 64 MiB: the providers' files are
/// pretty-printed or, for API pages, far smaller; a larger single-line file must be
/// re-indented first (`jq . big.json > pretty.json`). Strings are at most ``maxStringLength``
/// bytes, numbers ``maxNumberLength`` characters, nesting ``maxDepth`` levels and a built
/// record ``maxRecordValues`` values, so input that is not a price file fails early.
/// Numbers are kept as their text: prices are converted exactly by the caller.
final class JSONReader {
    /// 64 KiB: the longest string in a price file, a disclaimer, is a few hundred bytes.
    static let maxStringLength = 64 * 1024
    /// Longer than any price or count the providers write.
    static let maxNumberLength = 64
    /// A Price List offer file nests 7 levels deep.
    static let maxDepth = 64
    /// An AWS product or term, a GCP SKU or an Azure item has a few dozen values.
    static let maxRecordValues = 100_000

    let path: String
    private let lines: LineReader
    private var line: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    private var position = 0
    private var atEnd = false
    /// One entry per open object or array: `true` until its first member has been read.
    private var expectingFirst: [Bool] = []
    /// Where ``readValue(path:)`` is inside the value it builds (`.key`, `[index]`), joined into
    /// a message's field only when there is an error: building every value's path would cost
    /// as much as reading it.
    private var pathInRecord: [PathComponent] = []

    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    /// 1-based line of the token read last (for messages).
    var lineNumber: Int { lines.lineNumber }

    /// Opens `path` (a regular UTF-8 file).
    init(path: String) throws(CatalogImportError) {
        self.path = path
        lines = try LineReader.importing(path)
    }

    /// An error at the current line: `field` is the JSON path of the value at fault.
    func error(_ message: String, field: String? = nil, sku: String? = nil) -> CatalogImportError {
        var field = field
        for component in pathInRecord {
            switch component {
            case .key(let key): field = (field.map { $0 + "." } ?? "") + key
            case .index(let index): field = (field ?? "") + "[\(index)]"
            }
        }
        return .at(path, line: max(lineNumber, 1), sku: sku, field: field, message: message)
    }

    // MARK: structure

    /// Consumes `{`.
    func beginObject(_ field: String) throws(CatalogImportError) {
        guard try nextByte(field) == UInt8(ascii: "{") else { throw error("expected an object", field: field) }
        try open(field)
    }

    /// The next member's key (the `:` consumed), or `nil` after the closing `}`.
    func nextKey(_ field: String) throws(CatalogImportError) -> String? {
        guard try continues(closing: UInt8(ascii: "}"), field) else { return nil }
        guard try peekByte(field) == UInt8(ascii: "\"") else {
            throw error("expected a member name in quotes", field: field)
        }
        let key = try readString(field)
        guard try nextByte(field) == UInt8(ascii: ":") else {
            throw error("expected ':' after \"\(TraceLimits.shortened(key))\"", field: field)
        }
        return key
    }

    /// Consumes `[`.
    func beginArray(_ field: String) throws(CatalogImportError) {
        guard try nextByte(field) == UInt8(ascii: "[") else { throw error("expected an array", field: field) }
        try open(field)
    }

    /// `true` if another element follows (its comma consumed), `false` after the closing `]`.
    func nextElement(_ field: String) throws(CatalogImportError) -> Bool {
        try continues(closing: UInt8(ascii: "]"), field)
    }

    /// Skips one value of any kind, in constant memory apart from the nesting depth.
    func skipValue(_ field: String) throws(CatalogImportError) {
        switch try peekByte(field) {
        case UInt8(ascii: "{"):
            try beginObject(field)
            while try nextKey(field) != nil { try skipValue(field) }
        case UInt8(ascii: "["):
            try beginArray(field)
            while try nextElement(field) { try skipValue(field) }
        default:
            _ = try readScalar(field)
        }
    }

    /// Builds the next value (an object, array or scalar) in memory, at most
    /// ``maxRecordValues`` values.
    func readValue(path field: String) throws(CatalogImportError) -> JSONValue {
        var budget = Self.maxRecordValues
        return try build(field, budget: &budget)
    }

    /// The next value built as a record (``readValue(path:)``) that knows its file, first line,
    /// JSON path and SKU, for messages.
    func readRecord(path field: String, sku: String? = nil) throws(CatalogImportError) -> JSONRecord {
        let line = lineNumber
        return JSONRecord(value: try readValue(path: field), file: path, line: line, path: field, sku: sku)
    }

    /// Reads a whole document `{ …, "KEY": [ record, … ], … }`, calling `body` with each element
    /// of the top-level array `key` (path `KEY[i]`) and skipping every other member; an error
    /// saying the file is not `what` if there is no such array.
    func forEachRecord(
        inTopLevelArray key: String, what: String, _ body: (inout JSONRecord) throws(CatalogImportError) -> Void
    ) throws(CatalogImportError) {
        try beginObject("")
        var sawArray = false
        while let member = try nextKey("") {
            guard member == key else {
                try skipValue(member)
                continue
            }
            sawArray = true
            try beginArray(key)
            var index = 0
            while try nextElement(key) {
                var record = try readRecord(path: "\(key)[\(index)]")
                index += 1
                try body(&record)
            }
        }
        try finish()
        guard sawArray else { throw error("not \(what): no '\(key)' array") }
    }

    /// The next value, which must be a string.
    func readStringValue(_ field: String) throws(CatalogImportError) -> String {
        guard case .string(let text) = try readScalar(field) else { throw error("expected a string", field: field) }
        return text
    }

    /// Checks that nothing but whitespace follows the top-level value.
    func finish() throws(CatalogImportError) {
        if try peekByteOrEnd() != nil { throw error("text after the end of the JSON document") }
    }

    private func build(_ field: String, budget: inout Int) throws(CatalogImportError) -> JSONValue {
        budget -= 1
        guard budget >= 0 else { throw error("a record holds more than \(Self.maxRecordValues) values", field: field) }
        switch try peekByte(field) {
        case UInt8(ascii: "{"):
            try beginObject(field)
            var members: [(String, JSONValue)] = []
            while let key = try nextKey(field) {
                pathInRecord.append(.key(key))
                members.append((key, try build(field, budget: &budget)))
                pathInRecord.removeLast()
            }
            return .object(members)
        case UInt8(ascii: "["):
            try beginArray(field)
            var elements: [JSONValue] = []
            while try nextElement(field) {
                pathInRecord.append(.index(elements.count))
                elements.append(try build(field, budget: &budget))
                pathInRecord.removeLast()
            }
            return .array(elements)
        default:
            return try readScalar(field)
        }
    }

    private func open(_ field: String) throws(CatalogImportError) {
        guard expectingFirst.count < Self.maxDepth else {
            throw error("nested more than \(Self.maxDepth) levels deep", field: field)
        }
        expectingFirst.append(true)
    }

    /// After `{`/`[` or a member: `true` if a member follows, `false` (and the container
    /// closed) at `closing`.
    private func continues(closing: UInt8, _ field: String) throws(CatalogImportError) -> Bool {
        let byte = try peekByte(field)
        if byte == closing {
            position += 1
            expectingFirst.removeLast()
            return false
        }
        if expectingFirst[expectingFirst.count - 1] {
            expectingFirst[expectingFirst.count - 1] = false
            return true
        }
        guard byte == UInt8(ascii: ",") else {
            throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))'", field: field)
        }
        position += 1
        return true
    }

    // MARK: scalars

    private func readScalar(_ field: String) throws(CatalogImportError) -> JSONValue {
        let byte = try peekByte(field)
        switch byte {
        case UInt8(ascii: "\""):
            return .string(try readString(field))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try readNumber(field))
        case UInt8(ascii: "t"):
            try literal("true", field)
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false", field)
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null", field)
            return .null
        default:
            throw error("unexpected character \(Self.describe(byte)); expected a JSON value", field: field)
        }
    }

    private func literal(_ word: StaticString, _ field: String) throws(CatalogImportError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= line.count,
            (0..<count).allSatisfy({ line[position + $0] == word.utf8Start[$0] })
        else {
            throw error("expected \(word)", field: field)
        }
        position += count
        if position < line.count, Self.isWordByte(line[position]) { throw error("expected \(word)", field: field) }
    }

    /// A JSON number as text, checked against the JSON grammar.
    private func readNumber(_ field: String) throws(CatalogImportError) -> String {
        let start = position
        var index = position
        func digits() -> Int {
            let first = index
            while index < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) { index += 1 }
            return index - first
        }
        if line[index] == UInt8(ascii: "-") { index += 1 }
        let leading = index
        guard digits() > 0, line[leading] != UInt8(ascii: "0") || index == leading + 1 else {
            throw error("malformed number", field: field)
        }
        if index < line.count, line[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("malformed number", field: field) }
        }
        if index < line.count, line[index] == UInt8(ascii: "e") || line[index] == UInt8(ascii: "E") {
            index += 1
            if index < line.count, line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("malformed number", field: field) }
        }
        if index < line.count, Self.isWordByte(line[index]) || line[index] == UInt8(ascii: ".") {
            throw error("malformed number", field: field)
        }
        guard index - start <= Self.maxNumberLength else {
            throw error("number longer than \(Self.maxNumberLength) characters", field: field)
        }
        position = index
        return String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self)
    }

    /// A quoted string with its escapes decoded; the opening quote is at `position`.
    private func readString(_ field: String) throws(CatalogImportError) -> String {
        position += 1
        var bytes: [UInt8] = []
        while true {
            guard position < line.count else { throw error("a string is not closed on its line", field: field) }
            let byte = line[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < line.count else { throw error("a string is not closed on its line", field: field) }
                let escape = line[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(8)
                case UInt8(ascii: "f"): bytes.append(12)
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "r"): bytes.append(13)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "u"): try appendUnicodeEscape(to: &bytes, field)
                default: throw error("invalid escape \\\(Character(Unicode.Scalar(escape))) in a string", field: field)
                }
            case 0..<0x20:
                throw error("control character \(Self.describe(byte)) in a string", field: field)
            default:
                bytes.append(byte)
            }
            guard bytes.count <= Self.maxStringLength else {
                throw error("a string is longer than \(Self.maxStringLength / 1024) KiB", field: field)
            }
        }
    }

    private func appendUnicodeEscape(to bytes: inout [UInt8], _ field: String) throws(CatalogImportError) {
        var value = try hex4(field)
        if (0xD800..<0xDC00).contains(value) {
            guard position + 1 < line.count, line[position] == UInt8(ascii: "\\"),
                line[position + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in a \\u escape", field: field) }
            position += 2
            let low = try hex4(field)
            guard (0xDC00..<0xE000).contains(low) else {
                throw error("unpaired surrogate in a \\u escape", field: field)
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(value) {
            throw error("unpaired surrogate in a \\u escape", field: field)
        }
        bytes.append(contentsOf: String(Character(Unicode.Scalar(value)!)).utf8)
    }

    private func hex4(_ field: String) throws(CatalogImportError) -> UInt32 {
        guard position + 4 <= line.count else { throw error("a \\u escape needs four hex digits", field: field) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = line[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits", field: field)
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    // MARK: bytes

    /// The next non-whitespace byte, not consumed; an error at the end of the file.
    private func peekByte(_ field: String) throws(CatalogImportError) -> UInt8 {
        guard let byte = try peekByteOrEnd() else {
            throw error("the file ends inside the JSON document", field: field)
        }
        return byte
    }

    private func nextByte(_ field: String) throws(CatalogImportError) -> UInt8 {
        let byte = try peekByte(field)
        position += 1
        return byte
    }

    private func peekByteOrEnd() throws(CatalogImportError) -> UInt8? {
        while true {
            while position < line.count {
                let byte = line[position]
                if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                    position += 1
                } else if lineNumber == 1, position == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) {
                    position = 3  // a byte-order mark
                } else {
                    return byte
                }
            }
            if atEnd { return nil }
            do {
                if let next = try lines.nextLine() {
                    line = next
                    position = 0
                } else {
                    atEnd = true
                    line = UnsafeBufferPointer(start: nil, count: 0)
                    position = 0
                }
            } catch {
                throw .at(path, line: error.line ?? lineNumber, message: error.message)
            }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
