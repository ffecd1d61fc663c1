/// A failure reported by libsqlite3: the result code and `sqlite3_errmsg` text, plus the SQL
/// being run when there was one. Internal: ``PriceCatalog`` turns these into
/// ``PriceCatalogError`` values that say what was wrong with the catalog.
struct SQLiteError: Error, CustomStringConvertible {
    /// Primary or extended SQLite result code (e.g. 1 = SQLITE_ERROR, 26 = SQLITE_NOTADB).
    var code: Int32
    var message: String
    var sql: String?

    var description: String {
        sql.map { "SQLite error \(code): \(message) (in: \($0))" } ?? "SQLite error \(code): \(message)"
    }
}
