/// A small RFC 4180 CSV reader: comma-separated fields, `"`-quoted fields that may contain
/// commas, `""` and line breaks, records ended by LF or CRLF. Blank lines and a leading byte-order mark are skipped.
/// Internal; ``CatalogCSV`` gives the fields their meaning.
enum CSVParser {
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

    static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var afterClosingQuote = false
        let bytes = Array(text.utf8)
        // Skip a UTF-8 byte-order mark (spreadsheet exports often start with one).
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: ","):
                    endField()
                case UInt8(ascii: "\n"):
                    endRecord()
                    line += 1
                    recordLine = line
                case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                    break
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw SyntaxError(line: line, message: "a quote (\") inside an unquoted field; quote the whole field and double the quote")
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                default:
                    guard !afterClosingQuote else {
                        throw SyntaxError(line: line, message: "text after a closing quote")
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    /// Renders one field: quoted (with doubled quotes) only if it contains `,`, `"`, CR or LF,
    /// the same rule as Python's `csv.QUOTE_MINIMAL`.
    static func render(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return field }
        var escaped = "\""
        for character in field {
            if character == "\"" { escaped += "\"\"" } else { escaped.append(character) }
        }
        return escaped + "\""
    }
}
