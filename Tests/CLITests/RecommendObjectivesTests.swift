import Foundation
import Testing

/// `costsim recommend` with several latency objectives, and with one that cannot be broken.
@Suite(.serialized) struct RecommendObjectivesTests {
    static let scenario = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-gke-t4.yaml").path

    func grid() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-\(UUID().uuidString).yaml").path
        try "option: scale-to-zero\nparameters:\n  keda.cooldownPeriod: [60s, 600s]\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func severalObjectivesAllHold() throws {
        let run = try CLIRunner.run(["recommend", "--scenario", Self.scenario, "--grid", grid(), "--replications", "2",
                                     "--slo", "p99<=59s", "--slo", "p50<=10s"])
        #expect(run.standardOutput.contains("Objective: p99 <= 59s and p50 <= 10s"), "\(run.standardOutput)\(run.standardError)")
        let twice = try CLIRunner.run(["recommend", "--scenario", Self.scenario, "--grid", grid(), "--slo", "p95<=30s", "--slo", "p95<=40s"])
        #expect(twice.status != 0 && twice.standardError.contains("two objectives on p95"), "\(twice.standardError)")
        let none = try CLIRunner.run(["recommend", "--scenario", Self.scenario, "--grid", grid()])
        #expect(none.status != 0 && none.standardError.contains("give a latency objective"), "\(none.standardError)")
    }

    @Test func anObjectiveAtTheClientTimeoutIsFlagged() throws {
        let run = try CLIRunner.run(["recommend", "--scenario", Self.scenario, "--grid", grid(), "--replications", "2", "--slo", "p95<=60s"])
        #expect(run.standardError.contains("p95 <= 60s is always met"), "\(run.standardError)")
    }
}
