/// One SQLite value as bound to a statement parameter or read from a result column.
public enum SQLValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as text (`null` → `nil`; numbers are rendered in decimal).
    public var textValue: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        }
    }

    /// The value as an integer, if it is one (or integral decimal text).
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .text(let value): Int64(value)
        default: nil
        }
    }

    /// For error messages: numbers as stored, text quoted (shortened to 40 characters), NULL.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "'" + (value.count > 40 ? value.prefix(40) + "…" : value) + "'"
        case .null: "NULL"
        }
    }
}
