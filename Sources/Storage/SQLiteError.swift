import CSQLite

/// A database file that could not be opened or read, or a statement SQLite refused: what is
/// wrong (``kind``, to match on), the file, and SQLite's own code and text.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in the terms a caller reports to a user.
    public enum Kind: Sendable, Equatable {
        /// Nothing exists at the path.
        case notFound
        /// The path names a directory, FIFO, device or socket ("a directory", …): never opened,
        /// since opening a FIFO blocks and SQLite's errors for the others say nothing useful.
        case notRegularFile(String)
        /// The file exists but cannot be read (the system's reason).
        case unreadable(String)
        /// The file is not an SQLite database (`SQLITE_NOTADB`).
        case notADatabase
        /// The database is damaged (`SQLITE_CORRUPT`).
        case corrupt
        /// A statement names a table the database does not have.
        case missingTable(String)
        /// A write to a database opened read-only, or on a read-only file system.
        case readOnly
        /// Another connection holds a lock (`SQLITE_BUSY`, `SQLITE_LOCKED`).
        case busy
        /// The system failed to read or write the file (`SQLITE_IOERR`, `SQLITE_FULL`, `SQLITE_CANTOPEN`).
        case io
        /// Anything else (a constraint, a syntax error, …): see ``message``.
        case other
    }

    public let kind: Kind
    /// The database file (`:memory:` for an in-memory database).
    public let path: String
    /// The extended SQLite result code; 0 for problems found before SQLite was called.
    public let code: Int32
    /// SQLite's text (`sqlite3_errmsg`), or the system's for file problems.
    public let message: String
    /// The statement being run, if any.
    public let sql: String?

    public init(kind: Kind, path: String, code: Int32 = 0, message: String, sql: String? = nil) {
        self.kind = kind
        self.path = path
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Classifies a SQLite result code and message.
    init(code: Int32, message: String, path: String, sql: String?) {
        let kind: Kind =
            switch code & 0xff {
            case SQLITE_NOTADB: .notADatabase
            case SQLITE_CORRUPT: .corrupt
            case SQLITE_READONLY: .readOnly
            case SQLITE_BUSY, SQLITE_LOCKED: .busy
            case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: .io
            case SQLITE_ERROR where message.hasPrefix("no such table: "):
                .missingTable(String(message.dropFirst("no such table: ".count)))
            default: .other
            }
        self.init(kind: kind, path: path, code: code, message: message, sql: sql)
    }

    /// What is wrong, without the path: "not a SQLite database", "table meta missing", …
    public var reason: String {
        switch kind {
        case .notFound: "file not found"
        case .notRegularFile(let what): "it is \(what), not a regular file"
        case .unreadable(let why): "cannot read it: \(why)"
        case .notADatabase: "not a SQLite database"
        case .corrupt: "the SQLite database is damaged (\(message))"
        case .missingTable(let table): "table \(table) missing"
        case .readOnly: "the database is read-only (\(message))"
        case .busy: "the database is locked by another process (\(message))"
        case .io: "input/output error (\(message))"
        case .other: sql.map { "\(message) (in: \($0))" } ?? message
        }
    }

    public var description: String { "\(path): \(reason)" }
}
