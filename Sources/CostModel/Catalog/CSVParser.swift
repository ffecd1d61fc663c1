/// A small RFC 4180 CSV reader fed one line at a time (by ``CSVFileRecords`` for a file):
/// comma-separated fields, `"`-quoted fields that may contain commas, `""` and line breaks.
/// Blank lines and a leading byte-order mark are skipped. Each byte is looked at once, and a
/// field may be at most ``Limits/fieldBytes`` bytes and a record hold at most ``Limits/fields``
/// fields, so a file that is not of the kind expected fails early in bounded memory.
/// The price catalog (``CatalogCSV``), AWS offer files and cloud bills give the fields their meaning.
package struct CSVParser {
    /// One record and the 1-based line it starts on.
    package struct Record: Equatable {
        package var line: Int
        package var fields: [String]
    }

    /// A syntax error: where and what (the message names the field by its 1-based position).
    struct SyntaxError: Error, Equatable {
        var line: Int
        var message: String
    }

    /// How large a record may be, and what the file should be (for the errors).
    package struct Limits: Sendable {
        /// The most fields a record may hold.
        package var fields: Int
        /// The longest field, in bytes.
        package var fieldBytes: Int
        /// What the file is expected to be, as in "is this a price CSV?".
        package var kind: String

        package init(fields: Int, fieldBytes: Int, kind: String) {
            self.fields = fields
            self.fieldBytes = fieldBytes
            self.kind = kind
        }

        /// Price files (the catalog and AWS offer files): a catalog has 20 columns, and its longest
        /// field, a source URL or a note, is a few hundred bytes.
        package static let priceFile = Limits(fields: 1_000, fieldBytes: 64 * 1024, kind: "a price CSV")
    }

    private let limits: Limits
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var recordLine = 1
    private var quoteLine = 1
    private var inQuotes = false
    private var fieldWasQuoted = false
    private var afterClosingQuote = false
    private var atFirstLine = true

    init(limits: Limits = .priceFile) {
        self.limits = limits
    }

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
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
        while index < line.count {
            if inQuotes {
                // Copy up to the next quote in one piece.
                var end = index
                while end < line.count && line[end] != quote { end += 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<end]))
                index = end
                guard index < line.count else { break }
                if index + 1 < line.count, line[index + 1] == quote {
                    field.append(quote)
                    index += 2
                } else {
                    inQuotes = false
                    afterClosingQuote = true
                    index += 1
                }
            } else if line[index] == comma {
                try endField(number)
                index += 1
            } else if line[index] == quote {
                guard field.isEmpty, !fieldWasQuoted else {
                    throw SyntaxError(
                        line: number,
                        message: "field \(fields.count + 1): a quote (\") inside an unquoted field; "
                            + "quote the whole field and double the quote")
                }
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = number
                index += 1
            } else {
                guard !afterClosingQuote else {
                    throw SyntaxError(line: number, message: "field \(fields.count + 1): text after a closing quote")
                }
                // Copy up to the next comma or quote in one piece.
                var end = index + 1
                while end < line.count && line[end] != comma && line[end] != quote { end += 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<end]))
                index = end
            }
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
        if inQuotes {
            throw SyntaxError(line: quoteLine, message: "field \(fields.count + 1): a quoted field is never closed")
        }
    }

    private func checkLength(_ line: Int) throws(SyntaxError) {
        guard field.count <= limits.fieldBytes else {
            throw SyntaxError(
                line: line,
                message:
                    "field \(fields.count + 1) is longer than \(limits.fieldBytes / 1024) KiB; is this \(limits.kind)?"
            )
        }
    }

    private mutating func endField(_ line: Int) throws(SyntaxError) {
        try checkLength(line)
        guard fields.count < limits.fields else {
            throw SyntaxError(line: line, message: "more than \(limits.fields) fields; is this \(limits.kind)?")
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
