import Foundation
import Testing

@Suite struct RunCommandTests {
    /// From a directory without the repository: the bundled scenario is in the binary; its
    /// temporary copy is gone when the process exits.
    @Test func bundledScenarioPrintsTheComparisonFromAnyDirectory() throws {
        let directory = CLIRunner.temporaryDirectory()
        let temporary = CLIRunner.temporaryDirectory()
        let outcome = try CLIRunner.run(["run"], in: directory, environment: ["TMPDIR": temporary.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        #expect(outcome.standardOutput.contains("Scenario article-gke-t4"))
        #expect(outcome.standardOutput.contains("dedicated"))
        #expect(outcome.standardOutput.contains("GPU node-hours by state"))
        #expect(outcome.standardOutput.contains("Monthly cost by component"))
        #expect(outcome.standardOutput.contains("What this means"))
    }

    @Test func explainPrintsTheDecisionLogAndKedaAppliesAManifest() throws {
        // The scenario's own KEDA block has KEDA's defaults (polling 30 s, cooldown 300 s) and no
        // phase: the manifest replaces it, and the run draws the first poll φ in [0, 10 s).
        let (directory, scenario) = try CommandOptionsTests.explainScenario(keda: "{preset: keda-defaults}")
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-scaledobject.yaml").path
        let outcome = try CLIRunner.run([
            "run", "--scenario", scenario, "--keda", manifest, "--explain", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let option = (document?["options"] as? [[String: Any]])?.first
        let decisions = option?["decisions"] as? [[String: Any]] ?? []
        // The article's ScaledObject polls every 10 s: activation at the first poll a after the
        // request at 5 s (5 < a < 15); the pod is ready at a + 270 s, the time of a poll too. If
        // the poll sees the message taken, the last active poll is a + 260 and scale to zero comes
        // at a + 330 (with φ = 0: 10 and 340 s, see the timeline tests); if the pod's start, a sum
        // of its phases, lands a rounding error after the poll, a + 340. KEDA's defaults would
        // scale to zero after a 300-s cooldown instead.
        let keda = decisions.filter { $0["actor"] as? String == "KEDA" }.compactMap { $0["timeSeconds"] as? Double }
        let activation = try #require(keda.first)
        #expect(activation > 5 && activation < 15, "\(keda)")
        #expect(keda.count == 2 && [330.0, 340].contains { abs(keda[1] - activation - $0) < 1e-9 }, "\(keda)")
        let table = try CLIRunner.run(["run", "--scenario", scenario, "--explain"])
        #expect(table.standardOutput.contains("Decisions: stz"))
        #expect(table.standardOutput.contains("activation: queue 1 > activationValue 0"))
    }

    @Test func reportCommandWritesAPDFAndPNGs() throws {
        let directory = CLIRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("s.yaml")
        try """
            name: tiny
            workload:
              generate: {days: 1, speechMinutesPerDay: 60}
            options:
              - name: dedicated
                dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let pdf = directory.appendingPathComponent("r.pdf").path
        let outcome = try CLIRunner.run([
            "report", "--scenario", scenario.path, "--output", pdf, "--png-dir",
            directory.appendingPathComponent("png").path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Data("%PDF".utf8)))
        let pngs = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("png").path)
        #expect(pngs.contains("latency-cdf.png"))
    }

    @Test func jsonIsValidAndDeterministic() throws {
        let first = try CLIRunner.run(["run", "--format", "json", "--seed", "3"])
        let second = try CLIRunner.run(["run", "--format", "json", "--seed", "3"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        let document = try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any]
        let options = document?["options"] as? [[String: Any]]
        #expect(options?.first?["name"] as? String == "dedicated")
        let hours = options?.first?["gpuNodeHours"] as? [String: Double]
        #expect(hours?["total"] == 720)
        let other = try CLIRunner.run(["run", "--format", "json", "--seed", "4"])
        #expect(other.standardOutput != first.standardOutput)
    }

    @Test func csvHasAHeaderAndARowPerOption() throws {
        let outcome = try CLIRunner.run(["run", "--format", "csv"])
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 5)   // header + dedicated, scale-to-zero, warm-pool, knative
        #expect(lines.first?.hasPrefix("option,monthlyCost,monthlyCostNanoDollars,arrived,served,timedOut") == true)
        #expect(
            lines.dropFirst().map { $0.split(separator: ",").first ?? "" } == [
                "dedicated", "scale-to-zero", "warm-pool", "knative",
            ])
    }

    @Test func replaysARealTraceWithAPreset() throws {
        let directory = CLIRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("llm.yaml")
        let trace = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/AzureLLMInferenceTrace_code.csv").path
        try """
            name: azure-code
            workload:
              trace: {path: \(trace), preset: azure-llm}
            inference: {workUnit: tokens, overhead: 20ms, secondsPerWorkUnit: 0.00002, secondsPerOutputToken: 0.02, \
            noise: 1}
            options:
              - name: dedicated-4
                dedicated: {nodes: 4, node: {machineType: g2-standard-4, gpu: L4}}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--scenario", scenario.path, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains(",8819,8819,"))
        #expect(outcome.standardOutput.contains("dedicated-4,"))
    }

    @Test func aTokenTraceNeedsATokenInferenceModel() throws {
        let trace = CLIRunner.fixture("traces/mooncake_conversation_trace-head200.jsonl")
        let outcome = try CLIRunner.run(["run", "--trace", trace, "--trace-preset", "mooncake"])
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains("counts tokens, but the scenario's inference model counts audio-seconds"))
    }

    @Test func missingScenarioFileFailsWithItsName() throws {
        let outcome = try CLIRunner.run(["run", "--scenario", "/nonexistent/s.yaml"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("/nonexistent/s.yaml"))
        #expect(outcome.standardError.contains("not found"))
    }

    @Test func malformedTraceFailsAndWritesNoOutputFile() throws {
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("bad.csv")
        try "arrival_seconds,work_size\n0,1\n1,oops\n".write(to: trace, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.json")
        let outcome = try CLIRunner.run(["run", "--trace", trace.path, "--format", "json", "--output", output.path])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("bad.csv:3: field 'work_size'"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["bad.csv"])
    }

    @Test func unknownScenarioKeyFailsWithLine() throws {
        let directory = CLIRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("typo.yaml")
        try ("workload:\n  generate: {days: 1}\noptions:\n  - name: d\n    dedicated: {node: {machineType: m}}\n"
            + "    spto: true\n").write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--scenario", scenario.path])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("typo.yaml:6: field 'options[0].spto': unknown key"))
    }

    @Test(arguments: [
        ["--help"], ["run", "--help"], ["trace", "--help"], ["trace", "generate", "--help"],
        ["trace", "inspect", "--help"],
    ])
    func everyCommandHasHelp(_ arguments: [String]) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("USAGE:"))
    }
}
