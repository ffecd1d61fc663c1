/// CSV output: a header and rows of fields, quoted only when a field needs it (RFC 4180).
enum CSVText {
    static func field(_ text: String) -> String {
        text.contains(",") || text.contains("\"") || text.contains("\n")
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A number as Swift prints it (shortest round-trip form); empty when not finite.
    static func number(_ value: Double) -> String { value.isFinite ? String(value) : "" }

    static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
