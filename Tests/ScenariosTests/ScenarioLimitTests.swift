import Foundation
import Testing
import Scenarios
import Simulator

/// Sizes beyond ``SimulationLimits`` are refused when the scenario is read, naming the field:
/// a mistyped value must not make a run exhaust the memory or never finish.
@Suite struct ScenarioLimitTests {
    static let article = try! String(
        contentsOfFile: ScenarioLoaderTests.repositoryRoot + "/scenarios/article-gke-t4.yaml", encoding: .utf8)

    func load(replacing old: String, with new: String) throws(ScenarioFileError) -> Scenario {
        precondition(Self.article.contains(old), "the bundled scenario no longer contains '\(old)'")
        return try ScenarioLoader.parse(
            yaml: Self.article.replacingOccurrences(of: old, with: new), file: "s.yaml",
            baseDirectory: ScenarioLoaderTests.repositoryRoot + "/scenarios")
    }

    @Test(arguments: [
        (
            "maxReplicaCount: 5,", "maxReplicaCount: \(SimulationLimits.maxReplicas),",
            "maxReplicaCount: \(SimulationLimits.maxReplicas + 1),", "keda.maxReplicaCount"
        ),
        ("max: 3", "max: \(SimulationLimits.maxNodes)", "max: \(SimulationLimits.maxNodes + 1)", "nodePool.max"),
        (
            "preemptionsPerNodeHour: 0.0041667", "preemptionsPerNodeHour: 60", "preemptionsPerNodeHour: 60.5",
            "spot.preemptionsPerNodeHour"
        ),
        (
            "replications: 1", "replications: \(Scenario.maxReplications)",
            "replications: \(Scenario.maxReplications + 1)", "replications"
        ),
        (
            "nodes: 1\n", "nodes: \(SimulationLimits.maxNodes)\n", "nodes: \(SimulationLimits.maxNodes + 1)\n",
            "dedicated.nodes"
        ),
        (
            "count: 2,", "count: \(SimulationLimits.maxNodes),", "count: \(SimulationLimits.maxNodes + 1),",
            "systemNodes[0].count"
        ),
        (
            "concurrency: 1 ", "concurrency: 1 ", "concurrency: \(SimulationLimits.maxWorkerSlots + 1) ",
            "workers.concurrency"
        ),
    ])
    func countsAboveTheLimitsAreRefused(old: String, atLimit: String, beyond: String, field: String) throws {
        _ = try load(replacing: old, with: atLimit)
        let error = try #require(throws: ScenarioFileError.self) { try load(replacing: old, with: beyond) }
        #expect(error.field?.hasSuffix(field) == true, "\(error)")
        #expect(error.line != nil && error.message.contains("within"), "\(error)")
    }

    /// Durations are decimal (`Double("0x10")` is 16, `Double("inf")` infinity) and at most 100 years.
    @Test(arguments: [
        ("timeout: 60s", "timeout: 0x10s", "is not a duration"),
        ("timeout: 60s", "timeout: 1e20s", "more than 100 years"),
        ("timeout: 60s", "timeout: inf", "is not a duration"),
        ("readiness: 5s", "readiness: 36600d", "more than 100 years"),
    ])
    func durationsAreDecimalAndBounded(old: String, new: String, message: String) throws {
        let error = try #require(throws: ScenarioFileError.self) { try load(replacing: old, with: new) }
        #expect(error.message.contains(message) && error.line != nil, "\(error)")
    }

    @Test func aWorkloadOfMoreThanABillionRequestsIsRefused() throws {
        // Requests of 15 s: 9,000,000 min of speech a day is 36 M requests a day, 1.08 × 10⁹ in 30 days.
        let error = try #require(throws: ScenarioFileError.self) {
            try load(replacing: "speechMinutesPerDay: 300", with: "speechMinutesPerDay: 9000000")
        }
        #expect(error.message.contains("one run simulates at most"), "\(error)")
        _ = try load(replacing: "speechMinutesPerDay: 300", with: "speechMinutesPerDay: 8000000")
    }

    @Test func generatedDaysAreAtMostACentury() throws {
        let error = try #require(throws: ScenarioFileError.self) {
            try load(replacing: "days: 30", with: "days: 36526")
        }
        #expect(error.message.contains("at most 36525 (100 years)"), "\(error)")
        _ = try load(replacing: "days: 30", with: "days: 36525")
    }
}
