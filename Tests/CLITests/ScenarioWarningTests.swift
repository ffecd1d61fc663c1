import Foundation
import Testing

/// What `costsim run` says about scenario options that would make its numbers misleading.
@Suite struct ScenarioWarningTests {
    @Test func aShortObservationIsFlaggedAndADayIsNot() throws {
        let directory = CLIRunner.temporaryDirectory()
        let article = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-gke-t4.yaml"),
            encoding: .utf8)
        for (horizon, flagged) in [("5s", true), ("2h", true), ("1d", false)] {
            let scenario = directory.appendingPathComponent("s-\(horizon).yaml")
            try article.replacingOccurrences(of: "horizon: 30d", with: "horizon: \(horizon)").write(
                to: scenario, atomically: true, encoding: .utf8)
            let outcome = try CLIRunner.run(["run", "--scenario", scenario.path])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(
                outcome.standardError.contains("monthly figures scale it up") == flagged,
                "\(horizon): \(outcome.standardError)")
            if horizon == "5s" {
                #expect(outcome.standardError.contains("counts 525,600 times over"), "\(outcome.standardError)")
            }  // 730 h / 5 s
        }
    }

    /// 730 h / 1e-300 s once trapped converting the quotient to Int; billing needs at least 1 µs.
    @Test func aHorizonBelowAMicrosecondIsAnErrorNotATrap() throws {
        let directory = CLIRunner.temporaryDirectory()
        let article = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-gke-t4.yaml"),
            encoding: .utf8)
        let scenario = directory.appendingPathComponent("tiny.yaml")
        try article.replacingOccurrences(of: "horizon: 30d", with: "horizon: 1e-300s").write(
            to: scenario, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--scenario", scenario.path])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("counts 2.6e+306 times over"), "\(outcome.standardError)")
        #expect(
            outcome.standardError.contains("horizon 1e-300 s is shorter than a microsecond"), "\(outcome.standardError)"
        )
    }

    /// An option on a GPU without a known speed runs at the reference GPU's speed, and says so on
    /// standard error and on the report's assumptions page; a speed in the scenario silences it.
    @Test func anOptionOnAGPUWithoutASpeedIsFlagged() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = """
            workload:
              generate: {days: 1, speechMinutesPerDay: 60}
            inference: {model: tacotron2-waveglow, gpuSpeed: {SPEEDS}}
            options:
              - name: t4
                dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
              - name: l4
                dedicated: {node: {machineType: g2-standard-4, gpuCount: 1}}
            """
        let warning = "costsim: warning: option l4 runs on L4; no speed given for L4: service times are T4's "
            + "(set inference.gpuSpeed.L4, docs/model.md)\n"
        for (speeds, warned) in [("{}", true), ("{L4: 2}", false)] {
            let file = directory.appendingPathComponent("s.yaml")
            try scenario.replacingOccurrences(of: "{SPEEDS}", with: speeds).write(
                to: file, atomically: true, encoding: .utf8)
            let outcome = try CLIRunner.run(
                ["report", "--scenario", file.path, "--html", directory.appendingPathComponent("r.html").path])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardError.contains(warning) == warned, "\(speeds): \(outcome.standardError)")
            let html = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
            #expect(html.contains("<td>GPU speed of t4</td>"))
            #expect(
                html.contains(
                    warned
                        ? "<td>1, assumed: no speed known for L4, service times are T4&#39;s</td>"
                        : "<td>2.00 × T4 on L4: service times ÷ 2.00</td>"), "\(html)")
        }
    }

    @Test func aShortTraceWithoutAHorizonIsFlagged() throws {
        // A trace replayed without a horizon is observed from its first to its last arrival:
        // 2 minutes here, flagged; costs, the footer and the warning all use that period.
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("two-minutes.csv")
        try "arrival_seconds,work_size\n0,5\n60,5\n120,5\n".write(to: trace, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--trace", trace.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            outcome.standardError.contains("the trace spans 2 min from its first to its last arrival"),
            "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("projected from 2 min simulated"), "\(outcome.standardOutput)")
    }

    @Test func requestsLeftWhenTheRunStopsAreReported() throws {
        // One dedicated GPU, 2 h of work arriving at once: the run stops an hour after the last
        // arrival with most of it unanswered, and says so.
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("burst.csv")
        try ("arrival_seconds,work_size\n" + (0..<400).map { "\($0),40\n" }.joined()).write(
            to: trace, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--trace", trace.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            outcome.standardOutput.contains(
                "were still waiting or in service when the run stopped, 60 min after the observed period"),
            "\(outcome.standardOutput)")
    }

    @Test func aTraceOfAnotherSyntaxThanTheScenariosNeedsAPreset() throws {
        // azure-llm-code.yaml reads CSV columns; a .jsonl trace cannot inherit them.
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("conversation.jsonl")
        try "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 5}\n".write(
            to: trace, atomically: true, encoding: .utf8)
        let scenario = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/azure-llm-code.yaml").path
        let outcome = try CLIRunner.run(["run", "--scenario", scenario, "--trace", trace.path])
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains("is JSON Lines by its name")
                && outcome.standardError.contains("--trace-preset (costsim, azure-llm, mooncake, nginx, envoy-json)"),
            "\(outcome.standardError)")
    }

    @Test func aTracePresetWithoutATraceIsAnError() throws {
        let outcome = try CLIRunner.run(["run", "--trace-preset", "azure-llm"])
        #expect(
            outcome.status != 0 && outcome.standardError.contains("--trace-preset needs --trace"),
            "\(outcome.standardError)")
    }
}

/// Negative numbers are values, not flags (ArgumentParser took `-1` for an option name).
@Suite struct NegativeOptionValueTests {
    @Test(arguments: [
        ["run", "--seed", "-1"], ["sweep", "--grid", "g.yaml", "--jobs", "-1"],
        ["sweep", "--grid", "g.yaml", "--replications", "-2"],
        ["run", "--month-hours", "-5"], ["article", "--gpu-hours-per-day", "-1"],
    ])
    func negativeValuesGetARangeError(arguments: [String]) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status != 0)
        #expect(!outcome.standardError.contains("Missing value"), "\(outcome.standardError)")
        #expect(
            outcome.standardError.contains("must be") || outcome.standardError.contains("invalid"),
            "\(outcome.standardError)")
    }
}
