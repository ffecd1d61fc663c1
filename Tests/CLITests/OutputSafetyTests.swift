import Foundation
import Testing

/// What the commands do with bad output paths: they refuse devices, FIFOs and directories
/// without touching them, write through symbolic links, keep permissions, write a report's files
/// all or none, check every output before simulating, refuse one file named twice, say what went
/// wrong in plain words, and leave no temporary file behind when interrupted. Every scenario is
/// tiny (six hours of light traffic), so each command takes well under a second.
@Suite struct OutputSafetyTests {
    /// A temporary directory with a tiny one-option scenario `s.yaml`.
    static func setUp() throws -> URL {
        let directory = CLIRunner.temporaryDirectory()
        try """
            name: tiny
            workload:
              generate: {days: 0.25, speechMinutesPerDay: 60}
            options:
              - name: dedicated
                dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
            """.write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    /// A tiny sweep: the scenario above plus an autoscaled option, and a two-point grid.
    static func setUpSweep() throws -> URL {
        let directory = CLIRunner.temporaryDirectory()
        try """
            name: tiny
            seed: 3
            replications: 2
            workload:
              generate: {days: 0.25, speechMinutesPerDay: 60, profile: uniform}
            options:
              - name: stz
                autoscaled:
                  keda: {pollingInterval: 10s, cooldownPeriod: 60s, maxReplicaCount: 5, trigger: {value: 20}}
                  nodePool: {node: {machineType: n1-highmem-4, gpu: T4, spot: true}, min: 0, max: 3}
            """.write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        try "parameters:\n  keda.pollingInterval: [5s, 30s]\n"
            .write(to: directory.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    static func run(_ arguments: [String], in directory: URL) throws -> CLIRunner.Outcome {
        try CLIRunner.run(arguments, in: directory)
    }

    /// `S_IFMT` bits of `path` itself (not following links); `nil` if it does not exist.
    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func hiddenTemporaries(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    }

    /// Starts `trace generate` writing big.csv in `directory` (about 8 GB if left to finish) and
    /// returns once its temporary file appears, it exits, or 30 s pass; the caller kills it.
    static func startWritingLargeTrace(in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = [
            "trace", "generate", "--output", "big.csv", "--days", "36000", "--speech-minutes-per-day", "3000",
        ]
        process.currentDirectoryURL = directory
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while try hiddenTemporaries(in: directory).isEmpty, process.isRunning, Date() < deadline { usleep(20_000) }
        return process
    }

    // MARK: Devices, FIFOs, directories, links, permissions

    /// Each command that writes a file refuses a FIFO, a directory and a character device, names
    /// the path and what it is, and leaves it as it was.
    @Test(arguments: [
        ["run", "--scenario", "s.yaml", "--format", "csv", "--output"],
        ["report", "--scenario", "s.yaml", "--output"],
        ["trace", "generate", "--days", "0.1", "--output"],
        ["pricing", "export", "--output"],
    ])
    func refusesDevicesFIFOsAndDirectories(command: [String]) throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let targets: [(name: String, kind: String, type: mode_t)] = [
            ("fifo", "a named pipe (FIFO)", S_IFIFO), ("dir", "a directory", S_IFDIR),
            ("null", "a character device", S_IFCHR),
        ]
        #expect(mkfifo(directory.appendingPathComponent("fifo").path, 0o644) == 0)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("dir"), withIntermediateDirectories: false)
        // A character device like /dev/null (1, 3), made inside the temporary directory: making it
        // needs root, as the suite runs (a failure here, not a silently skipped case, otherwise).
        let device = directory.appendingPathComponent("null").path
        #expect(mknod(device, S_IFCHR | 0o666, (1 << 8) | 3) == 0, "mknod needs root")
        for target in targets {
            let outcome = try Self.run(command + [target.name], in: directory)
            #expect(outcome.status == 1, "\(command) \(target.name): \(outcome.standardError)")
            #expect(
                outcome.standardError.contains("cannot write \(target.name): it is \(target.kind)"),
                "\(outcome.standardError)")
            #expect(
                Self.fileType(directory.appendingPathComponent(target.name).path) == target.type,
                "\(command) replaced \(target.name)")
        }
        #expect(try Self.hiddenTemporaries(in: directory).isEmpty)
    }

    /// Writing to a symbolic link writes (atomically) the file it points to and keeps the link;
    /// a replaced file keeps its permission bits.
    @Test func writesThroughSymbolicLinksAndKeepsPermissions() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target.csv").path
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("link.csv").path, withDestinationPath: "target.csv")

        let throughLink = try Self.run(
            ["run", "--scenario", "s.yaml", "--format", "csv", "--output", "link.csv"], in: directory)
        #expect(throughLink.status == 0, "\(throughLink.standardError)")
        #expect(Self.fileType(directory.appendingPathComponent("link.csv").path) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("option,monthlyCost,"))

        let readOnly = directory.appendingPathComponent("read-only.csv").path
        try "old\n".write(toFile: readOnly, atomically: false, encoding: .utf8)
        #expect(chmod(readOnly, 0o444) == 0)
        let replaced = try Self.run(
            ["run", "--scenario", "s.yaml", "--format", "csv", "--output", "read-only.csv"], in: directory)
        #expect(replaced.status == 0, "\(replaced.standardError)")
        #expect(try String(contentsOfFile: readOnly, encoding: .utf8).hasPrefix("option,"))
        let mode = try FileManager.default.attributesOfItem(atPath: readOnly)[.posixPermissions] as? Int
        #expect(mode == 0o444)
        #expect(try Self.hiddenTemporaries(in: directory).isEmpty)
    }

    // MARK: Reports: all files or none

    /// One PNG that cannot be written (its name is a directory): no PDF, no other PNG, the old
    /// PDF untouched.
    @Test func reportWritesNoFileWhenOneChartCannotBeWritten() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("png")
        try FileManager.default.createDirectory(
            at: png.appendingPathComponent("latency-cdf.png"), withIntermediateDirectories: true)
        try "old report".write(to: directory.appendingPathComponent("r.pdf"), atomically: false, encoding: .utf8)

        let outcome = try Self.run(
            ["report", "--scenario", "s.yaml", "--output", "r.pdf", "--png-dir", "png"], in: directory)
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("cannot write png/latency-cdf.png: it is a directory"),
            "\(outcome.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("r.pdf"), encoding: .utf8) == "old report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: png.path) == ["latency-cdf.png"])
        #expect(try Self.hiddenTemporaries(in: directory).isEmpty)
    }

    /// `run --report DIR --output FILE` is one output: when a chart cannot be written, neither
    /// report.pdf, the other charts nor --output are written.
    @Test func runReportWritesNoFileWhenItFails() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: report.appendingPathComponent("monthly-cost.png"), withIntermediateDirectories: true)

        let outcome = try Self.run(
            ["run", "--scenario", "s.yaml", "--report", "out", "--format", "csv", "--output", "o.csv"], in: directory)
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("cannot write out/monthly-cost.png: it is a directory"),
            "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: report.path) == ["monthly-cost.png"])
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("o.csv").path))
    }

    /// A write that fails for lack of room (here: the file-size limit, like a full disk) says so in
    /// plain words, and the directories `run --report` created for the report are removed again.
    @Test func aFailedWriteIsReportedPlainlyAndLeavesNothing() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        // SIGXFSZ ignored: a write past `ulimit -f` fails with EFBIG instead of killing the process.
        let limited = "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", limited, CLIRunner.executable.path, "run", "--scenario", "s.yaml", "--format", "json", "--output",
            "o.json", "--report", "new/report",
        ]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("cannot write new/report/report.pdf: file too large"), "\(message)")
        #expect(!message.contains("NSCocoaErrorDomain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["s.yaml"])
    }

    // MARK: Checked before simulating

    /// Output paths are checked before anything runs: the error is about the output, not about
    /// the malformed trace the simulation would have read, and nothing is written.
    @Test func outputsAreCheckedBeforeSimulating() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "arrival_seconds,work_size\n0,1\n1,oops\n".write(
            to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        try "a file".write(to: directory.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], message: String)] = [
            (
                ["run", "--trace", "bad.csv", "--output", "nodir/o.json"],
                "cannot write nodir/o.json: directory nodir does not exist"
            ),
            (
                ["run", "--trace", "bad.csv", "--report", "file"],
                "--report: cannot write into file: it is a regular file, not a directory"
            ),
            (
                ["report", "--trace", "bad.csv", "--output", "r.pdf", "--png-dir", "missing/png"],
                "--png-dir: cannot create missing/png: directory missing does not exist"
            ),
            (
                ["report", "--trace", "bad.csv", "--output", "nodir/r.pdf"],
                "cannot write nodir/r.pdf: directory nodir does not exist"
            ),
            (["run", "--trace", "bad.csv", "--output", ""], "--output: no file name given"),
        ]
        for item in cases {
            let outcome = try Self.run(item.arguments, in: directory)
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains(item.message), "\(item.arguments): \(outcome.standardError)")
            #expect(
                !outcome.standardError.contains("bad.csv"), "\(item.arguments) simulated before checking its outputs")
            #expect(!outcome.standardError.contains("NSCocoaErrorDomain"))
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "bad.csv", "file", "s.yaml",
            ])
    }

    /// A sweep with one bad output path computes nothing and writes nothing (not even the good --db).
    @Test func sweepChecksEveryOutputBeforeRunning() throws {
        let directory = try Self.setUpSweep()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try Self.run(
            ["sweep", "--scenario", "s.yaml", "--grid", "g.yaml", "--db", "good.sqlite", "--output", "nodir/x.txt"],
            in: directory)
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("cannot write nodir/x.txt: directory nodir does not exist"),
            "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("good.sqlite").path))

        let written = try Self.run(
            [
                "sweep", "--scenario", "s.yaml", "--grid", "g.yaml", "--db", "good.sqlite", "--output", "x.txt",
                "--chart", "x.png",
            ], in: directory)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "g.yaml", "good.sqlite", "s.yaml", "x.png", "x.txt",
            ])
    }

    // MARK: One file named twice

    /// Two outputs on one file, or an output on an input, are refused with both options named,
    /// also when the two paths differ but resolve to one file through a symbolic link.
    @Test func refusesOneFileNamedTwice() throws {
        let directory = try Self.setUpSweep()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "target".write(to: directory.appendingPathComponent("target"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("link").path, withDestinationPath: "target")
        let sweep = ["sweep", "--scenario", "s.yaml", "--grid", "g.yaml"]
        let cases: [(arguments: [String], message: String)] = [
            (sweep + ["--db", "x.out", "--output", "x.out"], "--output and --db name the same file (x.out)"),
            (sweep + ["--chart", "x.png", "--output", "x.png"], "--output and --chart name the same file (x.png)"),
            (sweep + ["--db", "link", "--output", "target"], "--output and --db name the same file (target and link)"),
            (sweep + ["--db", "g.yaml"], "--db names the same file as --grid (g.yaml)"),
            (
                ["run", "--scenario", "s.yaml", "--output", "./s.yaml"],
                "--output names the same file as --scenario (./s.yaml and s.yaml)"
            ),
        ]
        for item in cases {
            let outcome = try Self.run(item.arguments, in: directory)
            #expect(outcome.status == 1, "\(item.arguments)")
            #expect(outcome.standardError.contains(item.message), "\(item.arguments): \(outcome.standardError)")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "g.yaml", "link", "s.yaml", "target",
            ])
        #expect(try String(contentsOf: directory.appendingPathComponent("target"), encoding: .utf8) == "target")
        #expect(
            try String(contentsOf: directory.appendingPathComponent("s.yaml"), encoding: .utf8).hasPrefix("name: tiny"))
    }

    /// `pricing import cat.csv -o cat.csv` (or through a link) keeps the CSV.
    @Test func pricingImportDoesNotReplaceItsInput() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let exported = try Self.run(["pricing", "export", "--output", "cat.csv"], in: directory)
        #expect(exported.status == 0, "\(exported.standardError)")
        let csv = try Data(contentsOf: directory.appendingPathComponent("cat.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("alias.csv").path, withDestinationPath: "cat.csv")
        for output in ["cat.csv", "alias.csv"] {
            let outcome = try Self.run(["pricing", "import", "cat.csv", "--output", output], in: directory)
            #expect(outcome.status == 1)
            #expect(
                outcome.standardError.contains("--output names the same file as the file to import"),
                "\(outcome.standardError)")
            #expect(try Data(contentsOf: directory.appendingPathComponent("cat.csv")) == csv)
        }
        let imported = try Self.run(["pricing", "import", "cat.csv", "--output", "cat.sqlite"], in: directory)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "alias.csv", "cat.csv", "cat.sqlite",
            ])
    }

    // MARK: Interrupts

    /// Ctrl-C or SIGTERM while `trace generate` writes a large file removes the temporary file and
    /// exits with 128 + signal.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedWriteLeavesNoTemporaryFile(signal: Int32) throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try Self.startWritingLargeTrace(in: directory)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        #expect(try Self.hiddenTemporaries(in: directory).count == 1, "no temporary file appeared")
        usleep(100_000)
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning, "still running after the signal")
        guard !process.isRunning else { return }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
