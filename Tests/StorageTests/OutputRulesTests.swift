import Foundation
import Testing

@testable import Storage

/// The rules every output obeys beyond "atomic": a link another user planted in a shared sticky
/// directory is not followed, a replaced file keeps its owner, a file another process wrote
/// meanwhile is not overwritten, and a name too long to write is refused before any work.
@Suite struct OutputRulesTests {
    /// A uid and gid no account uses.
    static let stranger: (uid: uid_t, gid: gid_t) = (54_321, 54_321)

    /// A sticky, world-writable directory (as `/tmp`) owned by root, inside a fresh directory.
    /// The tests need root (to hand files to another uid); they fail, not skip, without it.
    static func stickyDirectory() throws -> (root: String, sticky: String) {
        try #require(geteuid() == 0, "these tests create files of another user and must run as root")
        let root = try TestDirectory.make()
        let sticky = root + "/shared"
        #expect(mkdir(sticky, 0o777) == 0)
        try #require(
            chmod(sticky, 0o1777) == 0 && chown(sticky, 0, 0) == 0, "cannot make \(sticky) sticky and world-writable")
        return (root, sticky)
    }

    @Test func anotherUsersLinkInAStickyDirectoryIsNotFollowed() throws {
        let (root, sticky) = try Self.stickyDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let victim = root + "/root-only.txt"
        try "secret".write(toFile: victim, atomically: false, encoding: .utf8)
        #expect(chmod(victim, 0o600) == 0)
        let planted = sticky + "/report.txt"
        #expect(symlink(victim, planted) == 0)
        try #require(lchown(planted, Self.stranger.uid, Self.stranger.gid) == 0, "cannot give the link to another user")

        #expect(throws: OutputError.self) { try AtomicFile.write("overwritten", to: planted) }
        do {
            _ = try OutputFile(checking: planted)
        } catch {
            #expect(error.reason.contains("belongs to another user (uid 54321)"), "\(error)")
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "secret")

        // The same link owned by the writer (or the directory's owner) is followed, as everywhere.
        #expect(lchown(planted, 0, 0) == 0)
        try AtomicFile.write("through", to: planted)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "through")
    }

    @Test func aReplacedFileKeepsItsOwnerGroupAndMode() throws {
        let (root, sticky) = try Self.stickyDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = sticky + "/theirs.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try #require(chown(path, Self.stranger.uid, Self.stranger.gid) == 0 && chmod(path, 0o640) == 0)
        try AtomicFile.write("new", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(
            info.st_uid == Self.stranger.uid && info.st_gid == Self.stranger.gid, "owner \(info.st_uid):\(info.st_gid)")
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test func aFileWrittenByAnotherProcessMeanwhileIsNotReplaced() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Absent when checked, created by someone else before the commit.
        let created = directory + "/created.sqlite"
        let first = try OutputFile(checking: created, option: "--db")
        try "theirs".write(toFile: created, atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputBatch.write { try $0.add("mine", to: first) } }
        #expect(try String(contentsOfFile: created, encoding: .utf8) == "theirs")
        // Present when checked, replaced (a new file renamed over it) before the commit.
        let replaced = directory + "/replaced.sqlite"
        try "old".write(toFile: replaced, atomically: false, encoding: .utf8)
        let second = try OutputFile(checking: replaced, option: "--db")
        try AtomicFile.write("theirs", to: replaced)
        do {
            try OutputBatch.write { try $0.add("mine", to: second) }
            Issue.record("expected an error")
        } catch let error as OutputError {
            #expect(
                error.description
                    == "cannot write \(replaced): another process wrote it while costsim was running; it was "
                    + "not replaced — run again, or give each run its own file")
        }
        #expect(try String(contentsOfFile: replaced, encoding: .utf8) == "theirs")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
                "created.sqlite", "replaced.sqlite",
            ])
        // Unchanged: written.
        let third = try OutputFile(checking: replaced)
        try OutputBatch.write { try $0.add("mine", to: third) }
        #expect(try String(contentsOfFile: replaced, encoding: .utf8) == "mine")
    }

    /// 234 bytes is the longest name (255 minus the temporary file's `.` and `.tmp-PID-N`).
    @Test func namesTooLongToWriteAreRefusedWhenChecked() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let longest = String(repeating: "a", count: 230) + ".pdf"
        try AtomicFile.write("x", to: directory + "/" + longest)
        let tooLong = String(repeating: "a", count: 231) + ".pdf"
        do {
            _ = try OutputFile(checking: directory + "/" + tooLong)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.hasPrefix("the file name is 235 bytes long; at most 234 are possible"))
        }
        // In a directory that does not exist yet, only the name can be checked — and it is.
        let missing = try OutputDirectory(checking: directory + "/new", option: "--png-dir", createParents: false)
        #expect(throws: OutputError.self) { try missing.checkFile(tooLong) }
        try missing.checkFile(longest)
    }
}
