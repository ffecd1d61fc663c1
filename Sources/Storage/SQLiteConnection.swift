import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one wrapper over a `sqlite3*` handle: open, run parameterised statements, close. Only this
/// file and ``SQLiteStatement`` call the C API; every failure is a ``SQLiteError`` naming the file.
///
/// Connections are opened in serialized threading mode (`SQLITE_OPEN_FULLMUTEX`), so one may be
/// used from several threads; that is why the type can be `@unchecked Sendable`.
public final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The path opened, for messages.
    public let path: String

    /// How to open the database file.
    public enum Mode: Sendable {
        /// An existing input file, never written: it must be a regular file (a FIFO would block,
        /// a directory gives SQLite's "disk I/O error"); it is opened read-only and *immutable*
        /// (`file:…?immutable=1`), so SQLite takes no locks and ignores any `-journal` or `-wal`
        /// file beside it — a stale or garbage journal is neither replayed nor touched. The file
        /// is checked to be a database when opened, not at the first query.
        case readOnly
        /// Create the file if needed (`SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE`); `":memory:"`
        /// for a private in-memory database.
        case readWriteCreate
    }

    /// Opens `path` in `mode`.
    public init(path: String, mode: Mode) throws(SQLiteError) {
        self.path = path
        var pointer: OpaquePointer?
        let code: Int32
        switch mode {
        case .readOnly:
            try Self.checkInputFile(path)
            let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX
            code = sqlite3_open_v2(Self.immutableURI(path), &pointer, flags, nil)
        case .readWriteCreate:
            code = sqlite3_open_v2(
                path, &pointer, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nil)
        }
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let pointer { sqlite3_close_v2(pointer) }
            throw SQLiteError(code: code, message: message, path: path, sql: nil)
        }
        handle = pointer
        sqlite3_extended_result_codes(handle, 1)
        // SQLite reads the header lazily: read the schema now, so that a file that is not a
        // database fails here, as "not a SQLite database", and not at some later query.
        if mode == .readOnly { _ = try query("SELECT count(*) FROM sqlite_master") }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no parameters (schema DDL, `BEGIN`/`COMMIT`).
    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, message: message, path: path, sql: sql)
        }
    }

    /// Prepares one statement; bind values with ``SQLiteStatement/bind(_:)``.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return SQLiteStatement(statement: statement, connection: self, sql: sql)
    }

    /// Runs a query with parameters `?1, ?2, …` bound to `arguments` and returns all rows.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) -> [[SQLValue]] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var rows: [[SQLValue]] = []
        while let row = try statement.step() { rows.append(row) }
        return rows
    }

    /// Runs a statement with parameters and no result rows (e.g. `INSERT`).
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) {
        _ = try query(sql, arguments)
    }

    /// The last error of this connection, classified.
    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: lastErrorMessage, path: path, sql: sql)
    }

    private var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Throws unless `path` is an existing, readable regular file (links followed).
    private static func checkInputFile(_ path: String) throws(SQLiteError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            throw SQLiteError(
                kind: code == ENOENT ? .notFound : .unreadable(FilePaths.reason(code)), path: path,
                message: FilePaths.reason(code))
        }
        if let kind = FilePaths.kindIfNotRegular(info.st_mode) {
            throw SQLiteError(kind: .notRegularFile(kind), path: path, message: kind)
        }
        guard access(path, R_OK) == 0 else {
            let reason = FilePaths.reason(errno)
            throw SQLiteError(kind: .unreadable(reason), path: path, message: reason)
        }
    }

    /// `file:PATH?immutable=1`, with every byte of `path` outside `A-Z a-z 0-9 - . _ ~ /`
    /// percent-encoded (`?`, `#` and `%` would otherwise end or change the path).
    static func immutableURI(_ path: String) -> String {
        var encoded = path.hasPrefix("/") ? "file://" : "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                encoded += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xf)])
            }
        }
        return encoded + "?immutable=1"
    }
}
