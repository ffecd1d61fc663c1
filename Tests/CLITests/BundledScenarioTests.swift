import Foundation
import Testing

/// The files of `scenarios/` compiled into the binary: listed, printed, run by name from any
/// directory; the version; the chosen baseline.
@Suite struct BundledScenarioTests {
    static let scenarios = CLIRunner.repositoryRoot.appendingPathComponent("scenarios")

    /// The files `scenarios/embed.sh` embeds, in its order.
    static func embeddedFileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scenarios.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".csv") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    @Test("scenario list names every file of scenarios/; scenario show prints each one byte for byte (else: embed.sh)")
    func bundleMatchesTheRepository() throws {
        let names = try Self.embeddedFileNames()
        let list = try CLIRunner.run(["scenario", "list"])
        #expect(list.status == 0, "\(list.standardError)")
        let listed = list.standardOutput.split(separator: "\n").dropFirst(2).map { String($0.prefix { $0 != " " }) }
        #expect(listed == names)
        for name in names {
            let shown = try CLIRunner.run(["scenario", "show", name])
            let file = try Data(contentsOf: Self.scenarios.appendingPathComponent(name))
            #expect(shown.status == 0 && Data(shown.standardOutput.utf8) == file, "\(name): run scenarios/embed.sh")
        }
    }

    @Test func showTakesANameWithoutItsExtensionAndRejectsUnknownNames() throws {
        let shown = try CLIRunner.run(["scenario", "show", "grid-keda"])
        let grid = try String(contentsOf: Self.scenarios.appendingPathComponent("grid-keda.yaml"), encoding: .utf8)
        #expect(shown.standardOutput == grid)
        let unknown = try CLIRunner.run(["scenario", "show", "nope"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("no bundled file named 'nope'"))
    }

    /// A bundled scenario's relative trace path resolves in its bundled copy: the results equal
    /// those of the repository's file, and the report names the trace without a machine path.
    @Test func aBundledScenarioReplaysItsBundledTraceFromAnyDirectory() throws {
        let elsewhere = CLIRunner.temporaryDirectory()
        let bundled = try CLIRunner.run(["run", "--scenario", "azure-llm-code", "--format", "csv"], in: elsewhere)
        let repository = try CLIRunner.run(["run", "--scenario", "scenarios/azure-llm-code.yaml", "--format", "csv"])
        #expect(bundled.status == 0, "\(bundled.standardError)")
        #expect(bundled.standardOutput.contains(",8819,"))
        #expect(bundled.standardOutput == repository.standardOutput)
    }

    @Test(arguments: [["run", "--scenario"], ["run", "--keda"], ["sweep", "--grid"]])
    func anUnknownNameNamesTheFlagAndTheBundledNames(_ command: [String]) throws {
        let outcome = try CLIRunner.run(command + ["no-such-file"], in: CLIRunner.temporaryDirectory())
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains("\(command[1]): no-such-file: file not found"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("azure-llm-code.yaml"))
    }

    @Test("--version prints the version and the newest effective date of pricing/catalog.csv")
    func version() throws {
        let file = CLIRunner.repositoryRoot.appendingPathComponent("pricing/catalog.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let column = try #require(lines[0].split(separator: ",").firstIndex(of: "effective_date"))
        let newest = try #require(lines.dropFirst().map { String($0.split(separator: ",")[column]) }.max())
        let outcome = try CLIRunner.run(["--version"], in: CLIRunner.temporaryDirectory())
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("costsim "))
        #expect(outcome.standardOutput.contains("(effective \(newest))"))
    }

    /// SIGTERM while a bundled scenario runs removes its temporary copy and exits with 128 + 15.
    @Test func anInterruptedRunRemovesTheBundledCopy() throws {
        let temporary = CLIRunner.temporaryDirectory()
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["run", "--format", "json"]
        process.currentDirectoryURL = CLIRunner.temporaryDirectory()
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(30)
        func copies() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: temporary.path) }
        while try copies().isEmpty, process.isRunning, Date() < deadline { usleep(10_000) }
        #expect(try copies().count == 1, "no bundled copy appeared")
        usleep(100_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(try copies().isEmpty)
    }

    // MARK: Baseline

    /// Two dedicated options over a short generated workload: one node costs half of two.
    static func twoOptions(baseline: String?) throws -> URL {
        let file = CLIRunner.temporaryDirectory().appendingPathComponent("two.yaml")
        try """
            name: two
            workload: {generate: {days: 1}}
            \(baseline.map { "baseline: \($0)" } ?? "")
            options:
              - name: one
                dedicated: {nodes: 1, node: {machineType: n1-highmem-4, gpu: T4}}
              - name: two
                dedicated: {nodes: 2, node: {machineType: n1-highmem-4, gpu: T4}}
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The "cost vs" cell of `option` in the run table.
    static func ratio(_ table: String, option: String) -> String? {
        let row = table.split(separator: "\n").first { $0.hasPrefix(option + " ") }
        return row?.split(separator: " ").dropFirst(2).first.map(String.init)
    }

    @Test func theBaselineIsTheFirstOptionUnlessChosenByKeyOrFlag() throws {
        let first = try CLIRunner.run(["run", "--scenario", Self.twoOptions(baseline: nil).path])
        #expect(first.standardOutput.contains("cost vs one"), "\(first.standardError)")
        #expect(Self.ratio(first.standardOutput, option: "two") == "2.00×")
        let key = try CLIRunner.run(["run", "--scenario", Self.twoOptions(baseline: "two").path])
        #expect(key.standardOutput.contains("cost vs two"), "\(key.standardError)")
        #expect(Self.ratio(key.standardOutput, option: "one") == "0.50×")
        let flag = try CLIRunner.run(
            ["run", "--scenario", Self.twoOptions(baseline: "two").path, "--baseline", "one", "--format", "json"])
        #expect(flag.standardOutput.contains(#""baseline" : "one""#), "\(flag.standardOutput.prefix(600))")
    }

    @Test func anUnknownBaselineNamesTheFileLineAndFieldOrTheFlag() throws {
        let file = try Self.twoOptions(baseline: "three")
        let key = try CLIRunner.run(["run", "--scenario", file.path])
        #expect(key.status != 0)
        let expected = "two.yaml:3: field 'baseline': no option named 'three'; the options are one, two"
        #expect(key.standardError.contains(expected), "\(key.standardError)")
        let flag = try CLIRunner.run(["run", "--scenario", Self.twoOptions(baseline: nil).path, "--baseline", "three"])
        #expect(flag.status != 0)
        #expect(flag.standardError.contains("--baseline: scenario two has no option named 'three'"))
    }
}
