import Foundation
import Testing

@testable import Storage

/// A writer killed with SIGKILL leaves its hidden temporary file; the next write of the same
/// destination removes it — but only if its process is gone and nobody holds its lock.
@Suite struct StaleTemporaryFileTests {
    /// The id of a process that has exited (and been reaped).
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func staleFilesOfDeadWritersAreRemovedOthersKept() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dead = try Self.deadProcessID()
        #expect(kill(dead, 0) != 0 && errno == ESRCH, "the process \(dead) is gone")
        let stale = [".out.json.tmp-\(dead)", ".out.json.tmp-\(dead)-3"]
        let kept = [
            ".out.json.tmp-\(getppid())",  // a live process (the test runner's parent)
            ".other.json.tmp-\(dead)",  // another destination's
            ".out.json.tmp-\(dead)x",  // not costsim's pattern
            ".out.json.tmp-\(dead)-locked",  // not the pattern either
        ]
        for name in stale + kept {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("x".utf8)))
        }
        // A dead process's file whose lock is held (a writer in another PID namespace) is kept.
        let locked = ".out.json.tmp-\(dead)-7"
        #expect(FileManager.default.createFile(atPath: directory + "/" + locked, contents: nil))
        let descriptor = open(directory + "/" + locked, O_RDONLY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)

        try AtomicFile.write("new", to: directory + "/out.json")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory))
        #expect(left == Set(kept + [locked, "out.json"]))
        #expect(try String(contentsOfFile: directory + "/out.json", encoding: .utf8) == "new")
    }

    @Test func processIDsAreParsedStrictly() {
        #expect(StaleTemporaryFiles.processID(in: "123") == 123)
        #expect(StaleTemporaryFiles.processID(in: "123-4") == 123)
        for suffix in ["", "-1", "12a", "1-2-3", "0", "+5", "١٢"] {
            #expect(StaleTemporaryFiles.processID(in: Substring(suffix)) == nil)
        }
    }
}
