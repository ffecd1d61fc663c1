import Foundation
import Storage
import Sweeps
import Testing

@testable import costsim

/// The storage rules seen from the command line: database inputs that are not regular files or
/// not databases are clear errors (never a hang), a killed writer's temporary file is removed by
/// the next run, an interrupted sweep does not replace a complete results file, and output names
/// too long to write fail before the simulation.
@Suite struct StorageRulesTests {
    @Test func databaseInputsThatAreNotCatalogsOrResultsSayWhy() throws {
        let directory = try OutputSafetyTests.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(mkfifo(directory.appendingPathComponent("pipe").path, 0o644) == 0)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("folder"), withIntermediateDirectories: false)
        try SQLiteConnection(path: directory.appendingPathComponent("other.sqlite").path, mode: .readWriteCreate)
            .execute("CREATE TABLE x (y)")
        let catalog = ["run", "--scenario", "s.yaml", "--pricing"],
            results = ["recommend", "--slo", "p95<=30s", "--results"]
        let cases: [(arguments: [String], message: String)] = [
            (catalog + ["pipe"], "cannot read price catalog 'pipe': it is a named pipe (FIFO), not a regular file"),
            (catalog + ["folder"], "cannot read price catalog 'folder': it is a directory, not a regular file"),
            (catalog + ["s.yaml"], "price catalog 's.yaml' is not a valid SQLite catalog: not a SQLite database"),
            (results + ["pipe"], "pipe: it is a named pipe (FIFO), not a regular file"),
            (results + ["other.sqlite"], "other.sqlite: not a costsim sweep results file: table meta missing"),
            (results + ["s.yaml"], "s.yaml: not a costsim sweep results file: not a SQLite database"),
        ]
        for (arguments, message) in cases {
            let outcome = try CLIRunner.run(arguments, in: directory)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
        }
    }

    /// SIGKILL cannot be caught: the temporary file stays until the next write of that file.
    @Test func aKilledWritersTemporaryFileIsRemovedByTheNextRun() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try OutputSafetyTests.startWritingLargeTrace(in: directory)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try OutputSafetyTests.hiddenTemporaries(in: directory) == [".big.csv.tmp-\(process.processIdentifier)"])

        let again = try CLIRunner.run(["trace", "generate", "--output", "big.csv", "--days", "0.1"], in: directory)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["big.csv"])
    }

    /// Results of an interrupted sweep go beside a --db file that holds a complete sweep.
    @Test func anIncompleteSweepDoesNotReplaceACompleteResultsFile() throws {
        let directory = try OutputSafetyTests.setUpSweep()
        defer { try? FileManager.default.removeItem(at: directory) }
        let complete = try CLIRunner.run(
            ["sweep", "--scenario", "s.yaml", "--grid", "g.yaml", "--db", "r.sqlite"], in: directory)
        #expect(complete.status == 0, "\(complete.standardError)")
        let path = directory.appendingPathComponent("r.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var partial = try ResultsDatabase.read(path: path)
        #expect(partial.complete && partial.runs.count == 4)
        partial.runs.removeLast()
        partial.complete = false

        let options = try SweepOutputOptions.parse([
            "--db", path, "--output", directory.appendingPathComponent("t.txt").path,
        ])
        let written = try options.emit(partial, to: options.checkPaths(inputs: []))
        let beside = directory.appendingPathComponent("r.partial.sqlite").path
        #expect(written?.path == beside)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the complete file is kept")
        let kept = try ResultsDatabase.read(path: beside)
        #expect(!kept.complete && kept.runs == partial.runs)
        // An incomplete file is replaced as before.
        let again = try options.emit(partial, to: SweepOutputOptions.parse(["--db", beside]).checkPaths(inputs: []))
        #expect(again?.path == beside)
        // Another sweep wrote the file after this one checked it: this one fails, the other's file stays.
        let checked = try options.checkPaths(inputs: [])
        try AtomicFile.write("another sweep", to: path)
        #expect(throws: OutputError.self) { try options.emit(partial, to: checked) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "another sweep")
        #expect(SweepOutputOptions.partialPath("a/b.c/results") == "a/b.c/results.partial")
        #expect(SweepOutputOptions.partialPath(".hidden") == ".hidden.partial")
    }

    /// A 400-character option name makes a PNG name too long for the file system: refused before
    /// the simulation, naming the file, and nothing is written.
    @Test(arguments: [["report", "--output", "r.pdf", "--png-dir", "png"], ["run", "--report", "out"]])
    func aTooLongOptionNameFailsBeforeSimulating(command: [String]) throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = String(repeating: "x", count: 400)
        try """
        name: tiny
        workload:
          generate: {days: 0.25, speechMinutesPerDay: 60}
        options:
          - name: \(name)
            dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
        """.write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(command + ["--scenario", "s.yaml"], in: directory)
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains(
                "timeline-\(name).png: the file name is 413 bytes long; at most 234 are possible"),
            "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["s.yaml"])
    }
}
