/// A small RFC 4180 CSV reader fed one line at a time (by ``Simulator/LineReader`` for a file):
/// comma-separated fields, `"`-quoted fields that may contain commas, `""` and line breaks.
/// Blank lines and a leading byte-order mark are skipped. Each byte is looked at once, and a
/// field may be at most ``maxFieldLength`` bytes and a record hold at most ``maxFields``
/// fields, so a file that is not a catalog fails early in bounded memory.
/// Internal; ``CatalogCSV`` gives the fields their meaning.
struct CSVParser {
    /// One record and the 1-based line it starts on.
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    /// A syntax error: where and what.
    struct SyntaxError: Error, Equatable {
        var line: Int
        var message: String
    }

    /// 64 KiB: a catalog's longest field, a source URL or a note, is a few hundred bytes.
    static let maxFieldLength = 64 * 1024
    /// A catalog has 20 columns.
    static let maxFields = 1_000

    private var fields: [String] = []
    private var field: [UInt8] = []
    private var recordLine = 1
    private var inQuotes = false
    private var fieldWasQuoted = false
    private var afterClosingQuote = false
    private var atFirstLine = true

    /// Reads line `number` (without its line ending); returns the record it completes, nil when
    /// it is blank or ends inside a quoted field.
    mutating func read(line: UnsafeBufferPointer<UInt8>, number: Int) throws(SyntaxError) -> Record? {
        var index = 0
        // Skip a UTF-8 byte-order mark (spreadsheet exports often start with one).
        if atFirstLine, line.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        atFirstLine = false
        if inQuotes {
            field.append(UInt8(ascii: "\n"))   // the line break belongs to the quoted field
        } else {
            recordLine = number
        }
        while index < line.count {
            let byte = line[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < line.count, line[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: ","):
                    try endField(number)
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw SyntaxError(
                            line: number,
                            message: "a quote (\") inside an unquoted field; quote the whole field and double the quote"
                        )
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                default:
                    guard !afterClosingQuote else {
                        throw SyntaxError(line: number, message: "text after a closing quote")
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes {
            try checkLength(number)
            return nil
        }
        try endField(number)
        defer { fields.removeAll(keepingCapacity: true) }
        return fields.count == 1 && fields[0].isEmpty ? nil : Record(line: recordLine, fields: fields)
    }

    /// Checks the end of the input.
    func finish() throws(SyntaxError) {
        if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is never closed") }
    }

    private func checkLength(_ line: Int) throws(SyntaxError) {
        guard field.count <= Self.maxFieldLength else {
            throw SyntaxError(
                line: line,
                message:
                    "field \(fields.count + 1) is longer than \(Self.maxFieldLength / 1024) KiB; is this a price CSV?")
        }
    }

    private mutating func endField(_ line: Int) throws(SyntaxError) {
        try checkLength(line)
        guard fields.count < Self.maxFields else {
            throw SyntaxError(line: line, message: "more than \(Self.maxFields) fields; is this a price CSV?")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        afterClosingQuote = false
    }

    /// Every record of `text` (split into lines as ``Simulator/LineReader`` does: LF or CRLF).
    static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var parser = CSVParser()
        var records: [Record] = []
        var bytes = Array(text.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        try bytes.withUnsafeBufferPointer { all throws(SyntaxError) in
            var start = 0
            var number = 0
            while let newline = all[start...].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                let end = newline > start && all[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
                if let record = try parser.read(line: UnsafeBufferPointer(rebasing: all[start..<end]), number: number) {
                    records.append(record)
                }
                start = newline + 1
            }
        }
        try parser.finish()
        return records
    }

    /// Renders one field: quoted (with doubled quotes) only if it contains `,`, `"`, CR or LF,
    /// the same rule as Python's `csv.QUOTE_MINIMAL`.
    static func render(_ field: String) -> String {
        let needsQuotes = field.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
        }
        guard needsQuotes else { return field }
        var escaped = "\""
        for character in field {
            if character == "\"" { escaped += "\"\"" } else { escaped.append(character) }
        }
        return escaped + "\""
    }
}
