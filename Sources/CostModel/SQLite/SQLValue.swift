/// One SQLite value as bound to a statement parameter or read from a result column.
/// Prices never travel as `real`: the catalog stores them as decimal text.
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as text (`null` → `nil`; integers are rendered in decimal).
    var textValue: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        }
    }

    /// The value as an integer, if it is one (or integral decimal text).
    var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .text(let value): Int64(value)
        default: nil
        }
    }
}
