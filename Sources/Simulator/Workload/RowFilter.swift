/// A condition on one column of a trace row: `column=value` keeps the rows whose field is
/// exactly `value`, `column!=value` those whose field is not. A trace keeps the rows that meet
/// all of its filters (``TraceFormat/filters``); the others are counted and skipped unread.
public struct RowFilter: Sendable, Hashable, CustomStringConvertible {
    /// Column (CSV), key (JSON Lines) or log-format variable compared.
    public var column: String
    /// The text the field is compared with, exactly (case and spaces count; CSV quotes are not part of it).
    public var value: String
    /// `true` for `=`, `false` for `!=`.
    public var keepsEqual: Bool

    public init(column: String, value: String, keepsEqual: Bool = true) {
        self.column = column
        self.value = value
        self.keepsEqual = keepsEqual
    }

    /// Reads `COLUMN=VALUE` or `COLUMN!=VALUE`; `nil` if `text` has neither form or names no column.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        var columnEnd = equals
        var keepsEqual = true
        if equals > text.startIndex, text[text.index(before: equals)] == "!" {
            columnEnd = text.index(before: equals)
            keepsEqual = false
        }
        let column = String(text[..<columnEnd])
        guard !column.isEmpty else { return nil }
        self.init(column: column, value: String(text[text.index(after: equals)...]), keepsEqual: keepsEqual)
    }

    public var description: String { "\(column)\(keepsEqual ? "=" : "!=")\(value)" }

    /// Whether a row whose field holds `field` passes.
    func keeps(_ field: UnsafeBufferPointer<UInt8>, value bytes: [UInt8]) -> Bool {
        field.elementsEqual(bytes) == keepsEqual
    }
}
