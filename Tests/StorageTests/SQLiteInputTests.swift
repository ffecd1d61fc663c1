import Foundation
import Testing

@testable import Storage

/// Database inputs are checked before SQLite sees them and opened read-only and immutable: a
/// FIFO, directory or garbage file is an error saying what is wrong with which file (a FIFO used
/// to block forever), and a stale `-journal` beside a database is neither replayed nor touched.
@Suite struct SQLiteInputTests {
    static func kind(opening path: String) -> SQLiteError.Kind? {
        do {
            _ = try SQLiteConnection(path: path, mode: .readOnly)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test func fileKindsAreCheckedBeforeOpening() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe.sqlite"
        let folder = directory + "/folder.sqlite"
        let text = directory + "/text.sqlite"
        #expect(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try String(repeating: "not a database\n", count: 100).write(toFile: text, atomically: false, encoding: .utf8)
        #expect(Self.kind(opening: fifo) == .notRegularFile("a named pipe (FIFO)"))
        #expect(Self.kind(opening: folder) == .notRegularFile("a directory"))
        #expect(Self.kind(opening: text) == .notADatabase)
        #expect(Self.kind(opening: directory + "/absent.sqlite") == .notFound)
        let error = SQLiteError(kind: .notRegularFile("a named pipe (FIFO)"), path: fifo, message: "")
        #expect(error.description == "\(fifo): it is a named pipe (FIFO), not a regular file")
    }

    @Test func aMissingTableIsNamed() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/other.sqlite"
        try SQLiteConnection(path: path, mode: .readWriteCreate).execute("CREATE TABLE other (x)")
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        do {
            _ = try connection.query("SELECT key FROM meta")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .missingTable("meta"))
            #expect(error.description == "\(path): table meta missing")
        }
    }

    /// A garbage `-journal` beside the file: a plain read-only open would try to roll it back
    /// ("disk I/O error", "attempt to write a readonly database"); immutable ignores it.
    @Test func aStaleJournalIsIgnoredAndKept() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/db with ?#% chars.sqlite"
        let writer = try SQLiteConnection(path: path, mode: .readWriteCreate)
        try writer.execute("CREATE TABLE t (x); INSERT INTO t VALUES (42)")
        let journal = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try journal.write(to: URL(fileURLWithPath: path + "-journal"))
        let reader = try SQLiteConnection(path: path, mode: .readOnly)
        #expect(try reader.query("SELECT x FROM t") == [[.integer(42)]])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-journal")) == journal)
        do {
            try reader.execute("DELETE FROM t")
            Issue.record("expected a read-only error")
        } catch {
            #expect(error.kind == .readOnly)
        }
    }
}
