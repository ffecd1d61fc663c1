import CSQLite

/// A thin wrapper over one `sqlite3*` handle: open, run parameterised statements, close.
///
/// Only this file and ``SQLiteStatement`` call the C API. Connections are opened in
/// serialized threading mode (`SQLITE_OPEN_FULLMUTEX`), so one may be used from several
/// threads; that is why the type can be `@unchecked Sendable`.
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer

    /// How to open the database file.
    enum Mode {
        /// Existing file, no writes (`SQLITE_OPEN_READONLY`).
        case readOnly
        /// Create the file if needed (`SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE`).
        case readWriteCreate
    }

    /// Opens `path` (`":memory:"` for a private in-memory database).
    init(path: String, mode: Mode) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let flags: Int32 = switch mode {
        case .readOnly: SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        }
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let pointer { sqlite3_close_v2(pointer) }
            throw SQLiteError(code: code, message: message, sql: nil)
        }
        handle = pointer
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no parameters (schema DDL, `BEGIN`/`COMMIT`).
    func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, message: message, sql: sql)
        }
    }

    /// Prepares one statement; bind values with ``SQLiteStatement/bind(_:)``.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError(code: code, message: lastErrorMessage, sql: sql)
        }
        return SQLiteStatement(statement: statement, connection: self, sql: sql)
    }

    /// Runs a query with parameters `?1, ?2, …` bound to `arguments` and returns all rows.
    func query(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) -> [[SQLValue]] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var rows: [[SQLValue]] = []
        while let row = try statement.step() { rows.append(row) }
        return rows
    }

    /// Runs a statement with parameters and no result rows (e.g. `INSERT`).
    func run(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) {
        _ = try query(sql, arguments)
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
