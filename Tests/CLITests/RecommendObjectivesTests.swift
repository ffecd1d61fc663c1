import Foundation
import Testing

/// `costsim recommend` with several latency objectives, and with one that cannot be broken.
@Suite(.serialized) struct RecommendObjectivesTests {
    static let scenario = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-gke-t4.yaml").path

    func grid() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-\(UUID().uuidString).yaml")
            .path
        try "option: scale-to-zero\nparameters:\n  keda.cooldownPeriod: [60s, 600s]\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The upper 95 % bound the recommendation prints for `metric` on its first line, in seconds.
    static func recommendedUpperBound(_ output: String, _ metric: String) -> Double? {
        guard let line = output.split(separator: "\n").drop(while: { !$0.hasPrefix("Recommended:") }).dropFirst().first,
            let range = line.range(of: #"\#(metric) [0-9.]+ s \(95% CI up to [0-9.]+ s\)"#, options: .regularExpression)
        else { return nil }
        return Double(line[range].split(separator: " ")[7])
    }

    /// On the bundled scenario the 60-s cooldown is the cheaper configuration and meets p50 <= 20s
    /// alone, but its p95 sits at the 60-s client timeout; the 600-s cooldown meets both. So both
    /// objectives together must pick the 600-s one, and its printed upper bounds must respect both.
    @Test func severalObjectivesAllHold() throws {
        let run = try CLIRunner.run(["recommend", "--scenario", Self.scenario, "--grid", grid(), "--replications", "2",
                                     "--slo", "p50<=20s", "--slo", "p95<=59s"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Objective: p50 <= 20s and p95 <= 59s"),
                "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("Recommended: #1 keda.cooldownPeriod=600s"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("1 of 2 configurations meet the objective."))
        let p50 = try #require(Self.recommendedUpperBound(run.standardOutput, "p50"), "\(run.standardOutput)")
        let p95 = try #require(Self.recommendedUpperBound(run.standardOutput, "p95"), "\(run.standardOutput)")
        #expect(p50 <= 20 && p95 <= 59)
        let one = try CLIRunner.run(["recommend", "--scenario", Self.scenario, "--grid", grid(), "--replications", "2",
                                     "--slo", "p50<=20s"])
        #expect(one.standardOutput.contains("Recommended: #0 keda.cooldownPeriod=60s"), "\(one.standardOutput)")
        #expect(try #require(Self.recommendedUpperBound(one.standardOutput, "p50")) <= 20)
        let twice = try CLIRunner.run([
            "recommend", "--scenario", Self.scenario, "--grid", grid(), "--slo", "p95<=30s", "--slo", "p95<=40s",
        ])
        #expect(twice.status != 0 && twice.standardError.contains("two objectives on p95"), "\(twice.standardError)")
        let none = try CLIRunner.run(["recommend", "--scenario", Self.scenario, "--grid", grid()])
        #expect(none.status != 0 && none.standardError.contains("give a latency objective"), "\(none.standardError)")
    }

    @Test func anObjectiveAtTheClientTimeoutIsFlagged() throws {
        let run = try CLIRunner.run([
            "recommend", "--scenario", Self.scenario, "--grid", grid(), "--replications", "2", "--slo", "p95<=60s",
        ])
        #expect(run.standardError.contains("p95 <= 60s is always met"), "\(run.standardError)")
    }
}
