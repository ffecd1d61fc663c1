import CSQLite

/// One prepared statement of a ``SQLiteConnection``. Finalized when released.
public final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection
    private let sql: String

    init(statement: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.statement = statement
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Resets the statement and binds `values` to parameters 1…n.
    public func bind(_ values: [SQLValue]) throws(SQLiteError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 =
                switch value {
                case .null: sqlite3_bind_null(statement, index)
                case .integer(let integer): sqlite3_bind_int64(statement, index, integer)
                case .real(let real): sqlite3_bind_double(statement, index, real)
                case .text(let text): sqlite3_bind_text(statement, index, text, -1, csqlite_transient())
                }
            guard code == SQLITE_OK else { throw connection.error(code, sql: sql) }
        }
    }

    /// Advances to the next row; `nil` when done.
    public func step() throws(SQLiteError) -> [SQLValue]? {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW:
            return (0..<sqlite3_column_count(statement)).map(column)
        case SQLITE_DONE:
            return nil
        default:
            throw connection.error(code, sql: sql)
        }
    }

    /// Binds `values` and runs the statement to its end, ignoring any rows (e.g. `INSERT`).
    public func run(_ values: [SQLValue]) throws(SQLiteError) {
        try bind(values)
        while try step() != nil {}
    }

    private func column(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: .real(sqlite3_column_double(statement, index))
        case SQLITE_NULL: .null
        default: .text(sqlite3_column_text(statement, index).map { String(cString: $0) } ?? "")
        }
    }
}
