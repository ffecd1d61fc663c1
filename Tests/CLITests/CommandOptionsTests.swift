import Foundation
import Testing

/// The options every command shares: `--format` and `--output`/`-o`, `run --report` saying what
/// it wrote, and `--explain` narrowed by actor and time.
@Suite struct CommandOptionsTests {
    /// One request at 5 s against the article's ScaledObject (polling every 10 s, cooldown 60 s),
    /// its controllers' first ticks pinned to the start of the run: KEDA activates at 10 s and
    /// scales to zero at 340 s; the cluster autoscaler adds and removes a node. `keda` replaces
    /// the scenario's KEDA block.
    static func explainScenario(
        keda: String = "{preset: article, phase: 0s}"
    ) throws -> (directory: URL, scenario: String) {
        let directory = CLIRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("s.yaml")
        try """
            name: small
            horizon: 2h
            workload:
              trace: {path: t.csv}
            options:
              - name: stz
                autoscaled:
                  keda: \(keda)
                  hpa: {phase: 0s}
                  clusterAutoscaler: {phase: 0s}
                  nodePool: {node: {machineType: n1-highmem-4, gpu: T4}, max: 2}
                  coldStart: {vmBoot: 60s, driverInstall: 50s, devicePlugin: 10s, imagePull: 100s, \
            modelLoad: 15s, readiness: 5s}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        try "arrival_seconds,work_size\n5,10\n".write(
            to: directory.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        return (directory, scenario.path)
    }

    static func decisions(_ arguments: [String]) throws -> [(actor: String, time: Double)] {
        let outcome = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let option = try #require((document?["options"] as? [[String: Any]])?.first)
        return (option["decisions"] as? [[String: Any]] ?? []).map {
            ($0["actor"] as? String ?? "", $0["timeSeconds"] as? Double ?? -1)
        }
    }

    @Test func explainIsNarrowedByActorAndTimeWindow() throws {
        let (directory, scenario) = try Self.explainScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = ["run", "--scenario", scenario]
        let all = try Self.decisions(base + ["--explain"])
        #expect(Set(all.map(\.actor)).isSuperset(of: ["KEDA", "CA"]), "\(all)")
        // Names as the log prints them, in any case; a narrowing option implies --explain.
        let keda = try Self.decisions(base + ["--explain-actor", "keda"])
        #expect(keda.map(\.time) == [10, 340])
        #expect(keda.count == all.filter { $0.actor == "KEDA" }.count)
        let both = try Self.decisions(base + ["--explain-actor", "KEDA", "--explain-actor", "ca"])
        #expect(both.count == all.filter { ["KEDA", "CA"].contains($0.actor) }.count)
        // The window is [from, to): 5m30s = 330 s keeps the scale-to-zero at 340 s only; 10 s is the first tick.
        #expect(try Self.decisions(base + ["--explain-actor", "KEDA", "--explain-from", "5m30s"]).map(\.time) == [340])
        #expect(try Self.decisions(base + ["--explain-actor", "KEDA", "--explain-to", "340"]).map(\.time) == [10])
        #expect(
            try Self.decisions(base + ["--explain-actor", "KEDA", "--explain-from", "10", "--explain-to", "1h30m"]).map(
                \.time) == [10, 340])
        let table = try CLIRunner.run(base + ["--explain-actor", "KEDA"])
        #expect(table.standardOutput.contains("activation: queue 1 > activationValue 0"))
        #expect(!table.standardOutput.contains(" CA "), "\(table.standardOutput)")
    }

    @Test(arguments: [
        (["--explain-actor", "Keda2"],
         "--explain-actor: unknown actor 'Keda2'; use one of KEDA, HPA, CA, KPA, Karpenter, cloud, platform"),
        (["--explain-from", "ten minutes"], "--explain-from: 'ten minutes' is not a duration"),
        (["--explain-from", "1h", "--explain-to", "30m"], "--explain-from must be before --explain-to"),
    ])
    func badExplainOptionsAreRefused(arguments: [String], message: String) throws {
        let outcome = try CLIRunner.run(["run"] + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func runReportSaysWhatItWrote() throws {
        let (directory, scenario, _) = try SweepCommandTests.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("out").path
        let outcome = try CLIRunner.run(["run", "--scenario", scenario, "--report", report])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let pngs = try FileManager.default.contentsOfDirectory(atPath: report).filter { $0.hasSuffix(".png") }
        #expect(!pngs.isEmpty)
        #expect(
            outcome.standardError.contains(
                "wrote \(report)/report.pdf, \(report)/report.html and \(pngs.count) charts (PNG) in \(report)\n"),
            "\(outcome.standardError)")
        let html = try String(contentsOfFile: report + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<table class=\"option-figures\">"))
    }

    @Test func recommendAndDiffTakeFormatAndOutput() throws {
        let (directory, scenario, grid) = try SweepCommandTests.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let sweep = try CLIRunner.run([
            "sweep", "--scenario", scenario, "--grid", grid, "--db", path("s.sqlite"), "--format", "csv", "-o",
            path("s.csv"),
        ])
        #expect(sweep.status == 0 && sweep.standardOutput.isEmpty, "\(sweep.standardError)")
        let sweepCSV = try String(contentsOfFile: path("s.csv"), encoding: .utf8).split(separator: "\n")

        let recommend = try CLIRunner.run([
            "recommend", "--results", path("s.sqlite"), "--slo", "p99<=1h", "--format", "csv", "-o", path("r.csv"),
        ])
        #expect(recommend.status == 0 && recommend.standardOutput.isEmpty, "\(recommend.standardError)")
        let rows = try String(contentsOfFile: path("r.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.first == "role,objective," + sweepCSV[0].replacingOccurrences(of: ",pareto", with: ""))
        // The cheapest configuration is first in the sweep's CSV (sorted by cost) and is the one recommended.
        #expect(rows.dropFirst().first == "recommended,," + sweepCSV[1].dropLast(2))
        #expect(rows.dropFirst(2).first?.hasPrefix("runnerUp,,") == true)

        let cheaper = path("cheaper.yaml")
        try String(contentsOfFile: scenario, encoding: .utf8).replacingOccurrences(
            of: "maxReplicaCount: 5", with: "maxReplicaCount: 1")
            .write(toFile: cheaper, atomically: true, encoding: .utf8)
        let diff = try CLIRunner.run([
            "diff", scenario, cheaper, "--replications", "2", "--format", "csv", "--output", path("d.csv"),
        ])
        #expect(diff.status == 0 && diff.standardOutput.isEmpty, "\(diff.standardError)")
        let diffRows = try String(contentsOfFile: path("d.csv"), encoding: .utf8).split(separator: "\n")
        #expect(diffRows.first?.hasPrefix("option,oldMonthlyCost,newMonthlyCost,oldResponseP95Seconds,") == true)
        // The dedicated option is the same on both sides: no change, not significant.
        let dedicated = try #require(diffRows.first { $0.hasPrefix("dedicated,") }).split(
            separator: ",", omittingEmptySubsequences: false)
        #expect(dedicated[1] == dedicated[2])
        #expect(dedicated[9] == "0.00" && dedicated[12] == "0")

        // An output that is also an input is refused before anything runs.
        let clash = try CLIRunner.run(["diff", scenario, cheaper, "--output", cheaper])
        #expect(clash.status != 0)
        #expect(clash.standardError.contains(cheaper), "\(clash.standardError)")
    }

    @Test func reportAndTraceGenerateTakeOutputAndStillReadOut() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let new = try CLIRunner.run(["trace", "generate", "-o", "a.csv", "--days", "0.01"], in: directory)
        let old = try CLIRunner.run(["trace", "generate", "--out", "b.csv", "--days", "0.01"], in: directory)
        #expect(new.status == 0 && old.status == 0, "\(new.standardError) \(old.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("a.csv"), encoding: .utf8)
            == String(contentsOf: directory.appendingPathComponent("b.csv"), encoding: .utf8))
        let both = try CLIRunner.run(["trace", "generate", "-o", "a.csv", "--out", "b.csv"], in: directory)
        #expect(both.standardError.contains("give --output once"))
        let help = try CLIRunner.run(["report", "--help"])
        #expect(
            help.standardOutput.contains("-o, --output <report.pdf>") && !help.standardOutput.contains("--out "),
            "\(help.standardOutput)")
    }

    /// Every command's help ends with worked examples, each a costsim command line.
    @Test(arguments: [[], ["run"], ["report"], ["article"], ["pricing"], ["pricing", "list"], ["pricing", "show"],
                      ["pricing", "import"], ["pricing", "export"], ["sweep"], ["sweep", "run"], ["sweep", "merge"],
                      ["recommend"], ["diff"], ["trace"], ["trace", "generate"], ["trace", "inspect"],
                      ["scenario", "list"]])
    func everyHelpHasWorkedExamples(command: [String]) throws {
        let help = try CLIRunner.run(command + ["--help"]).standardOutput
        let examples = try #require(
            help.components(separatedBy: "Examples:\n").dropFirst().first, "\(command): \(help)")
        // Up to the blank line before USAGE; a line wider than the help wraps into one without "  costsim ".
        let lines = examples.components(separatedBy: "\n\n")[0].split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("  costsim ") }, "\(command): \(examples)")
    }

    @Test func helpStatesWhatTheCodeAccepts() throws {
        let sweep = try CLIRunner.run(["sweep", "run", "--help"]).standardOutput
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            sweep.contains("against: p50, p95, p99 or timeouts. (values: p50, p95, p99, timeouts; default: p95)"),
            "\(sweep)")
        let cost = try CLIRunner.run(["sweep", "--grid", "g.yaml", "--pareto", "cost"])
        #expect(cost.status != 0 && cost.standardError.contains("'cost'"), "\(cost.standardError)")
        // One default for --jobs: the number of cores, not also the number of this machine.
        let jobs = try #require(
            sweep.components(separatedBy: "--jobs <").dropFirst().first?.components(separatedBy: " --format").first)
        #expect(jobs.components(separatedBy: "default").count == 2, "\(jobs)")
    }
}
