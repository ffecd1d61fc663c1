import Foundation
import Testing

/// The verdict `run` prints first and puts in its JSON, under the scenario's objectives or the
/// command line's.
@Suite struct RunVerdictTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The bundled scenario under `--timeouts "<=1%"`: scale-to-zero is cheapest but times out
    /// 11.5 % of requests; warm-pool (0.81 %) is the cheapest that meets the objective.
    @Test func theBundledScenarioRecommendsWarmPoolUnderATimeoutObjective() throws {
        let outcome = try CLIRunner.run(["run", "--timeouts", "<=1%", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let verdict = try #require(try Self.json(outcome.standardOutput)["verdict"] as? [String: Any])
        #expect(verdict["recommended"] as? String == "warm-pool")
        #expect(
            (verdict["sentence"] as? String)?.hasPrefix("Run warm-pool: $311 a month, 27% cheaper than dedicated")
                == true)
        #expect(
            (verdict["breaches"] as? [String])?.first?.hasPrefix(
                "scale-to-zero: $285 a month, but 11.5% of requests time out") == true)
        #expect(verdict["defaultObjectives"] as? Bool == false)
    }

    @Test func theCommandLineReplacesTheScenariosObjectivesAndTheTableOpensWithTheVerdict() throws {
        let directory = CLIRunner.temporaryDirectory()
        let article = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-gke-t4.yaml"),
            encoding: .utf8)
        let scenario = directory.appendingPathComponent("strict.yaml")
        try (article.replacingOccurrences(of: "horizon: 30d", with: "horizon: 2d") + "\nobjectives: {p95: 1ms}\n")
            .write(to: scenario, atomically: true, encoding: .utf8)
        let strict = try CLIRunner.run(["run", "--scenario", scenario.path])
        #expect(strict.status == 0, "\(strict.standardError)")
        #expect(
            strict.standardOutput.hasPrefix("Verdict: No option meets every objective (p95 ≤ 1 ms)."),
            "\(strict.standardOutput)")
        #expect(strict.standardOutput.contains("\nObjectives: p95 ≤ 1 ms.\n"))
        let relaxed = try CLIRunner.run(["run", "--scenario", scenario.path, "--slo", "p95<=2m", "--format", "json"])
        #expect(relaxed.standardError.contains("warning: p95 <= 120s is always met"), "\(relaxed.standardError)")
        let verdict = try #require(try Self.json(relaxed.standardOutput)["verdict"] as? [String: Any])
        let objectives = try #require(verdict["objectives"] as? [[String: Any]])
        #expect(
            objectives.count == 1 && objectives[0]["metric"] as? String == "p95"
                && objectives[0]["threshold"] as? Double == 120)
        // Every response is capped at the 60 s timeout, so all meet p95 <= 2 min: the cheapest wins.
        #expect(verdict["recommended"] as? String == "scale-to-zero")
    }

    @Test(
        "bad objectives on the command line name the flag",
        arguments: [
            (["--slo", "p95<=fast"], "--slo: 'p95<=fast'"), (["--timeouts", "<=150%"], "--timeouts: '<=150%'"),
            (["--slo", "p95<=30s", "--slo", "p95<=40s"], "--slo: two objectives on p95"),
        ])
    func badObjectives(arguments: [String], message: String) throws {
        let outcome = try CLIRunner.run(["run"] + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}
