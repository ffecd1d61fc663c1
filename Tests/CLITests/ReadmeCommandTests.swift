import Foundation
import Testing

/// Every costsim command line in README.md's ```sh blocks runs as written: in order, from a scratch
/// directory holding the repository files the commands name, each exiting 0 and leaving the files
/// it says it writes.
@Suite struct ReadmeCommandTests {
    @Test func everyReadmeCommandRunsAsWritten() throws {
        let readme = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = ReadmeCommands.extract(from: readme)
        #expect(!commands.isEmpty, "README.md has no costsim command in a ```sh block")

        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try copyRepositoryFiles(namedIn: commands, to: directory)
        let binDirectory = CLIRunner.executable.deletingLastPathComponent().path
        let path = binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")

        for command in commands {
            let outcome = try Self.shell(command, in: directory, path: path)
            #expect(outcome.status == 0, "README command failed: \(command)\n\(outcome.standardError.suffix(2000))")
            for written in ReadmeCommands.writtenPaths(of: command) {
                let url = directory.appendingPathComponent(written)
                #expect(
                    FileManager.default.fileExists(atPath: url.path),
                    "README command did not write \(written): \(command)")
                #expect(!Self.isEmpty(url), "README command wrote an empty \(written): \(command)")
            }
        }
    }

    @Test func extractionJoinsContinuationsStripsCommentsAndMapsTheReleaseBinary() {
        let markdown = """
            Text `costsim inline` is prose, not an example.
            ```sh
            bash scripts/setup.sh && swift build -c release && .build/release/costsim run --report out/a
            costsim run --slo "p95<=30s"     # a comment
            costsim run --trace t.csv \\
              --where status=200
                                             # a comment line of its own
            swift test
            ```
            ```
            costsim layout-block is not shell
            ```
            """
        #expect(
            ReadmeCommands.extract(from: markdown) == [
                "costsim run --report out/a", "costsim run --slo \"p95<=30s\"",
                "costsim run --trace t.csv --where status=200",
            ])
    }

    @Test func writtenPathsAreTheOutputOptionsAndRedirections() {
        let report = ReadmeCommands.writtenPaths(of: "costsim report -o report.pdf --png-dir charts")
        #expect(report == ["report.pdf", "charts"])
        #expect(ReadmeCommands.writtenPaths(of: "costsim scenario show x > my.yaml") == ["my.yaml"])
        #expect(ReadmeCommands.writtenPaths(of: "costsim report --html r.html -o r.pdf") == ["r.html", "r.pdf"])
        #expect(ReadmeCommands.writtenPaths(of: "costsim run --report out/article") == ["out/article"])
        #expect(ReadmeCommands.writtenPaths(of: "costsim run --format json --output=out.json") == ["out.json"])
        #expect(ReadmeCommands.writtenPaths(of: "costsim run --seed 7") == [])
    }

    /// Copies every directory holding a repository file a command names (a scenario may name a
    /// trace next to it), at the same relative path.
    private func copyRepositoryFiles(namedIn commands: [String], to directory: URL) throws {
        let manager = FileManager.default
        var directories = Set<String>()
        for token in commands.flatMap(ReadmeCommands.words) where !token.hasPrefix("-") && !token.hasPrefix("/") {
            var isDirectory: ObjCBool = false
            let source = CLIRunner.repositoryRoot.appendingPathComponent(token)
            guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory), token.contains("/") else {
                continue
            }
            // A named file brings its directory's files; a named directory its own.
            directories.insert(isDirectory.boolValue ? token : (token as NSString).deletingLastPathComponent)
        }
        for relative in directories.sorted() {
            let source = CLIRunner.repositoryRoot.appendingPathComponent(relative)
            let target = directory.appendingPathComponent(relative)
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: source.path) {
                var isDirectory: ObjCBool = false
                let file = source.appendingPathComponent(name)
                guard manager.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    !manager.fileExists(atPath: target.appendingPathComponent(name).path)
                else { continue }
                try manager.copyItem(at: file, to: target.appendingPathComponent(name))
            }
        }
    }

    /// True for an empty file or a directory with nothing in it.
    private static func isEmpty(_ url: URL) -> Bool {
        let manager = FileManager.default
        if let names = try? manager.contentsOfDirectory(atPath: url.path) { return names.isEmpty }
        let size = (try? manager.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        return size == 0
    }

    /// Runs `command` with /bin/sh (redirections work as in a terminal), `costsim` found on `path`.
    private static func shell(_ command: String, in directory: URL, path: String) throws -> CLIRunner.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { $1 }
        let error = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: error) }
        let errorHandle = try FileHandle(forWritingTo: error)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()
        try errorHandle.close()
        let errorText = (try? String(contentsOf: error, encoding: .utf8)) ?? ""
        return CLIRunner.Outcome(status: process.terminationStatus, standardOutput: "", standardError: errorText)
    }
}
