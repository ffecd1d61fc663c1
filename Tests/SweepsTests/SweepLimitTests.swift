import Scenarios
import Simulator
import Testing
@testable import Sweeps

/// Grids and sweeps too large to be anything but a mistyped value are refused before anything
/// is built or run (a million-configuration grid took 5 GB; a billion replications trapped).
@Suite struct SweepLimitTests {
    @Test func aGridWhoseProductIsTooLargeIsRefusedBeforeItIsBuilt() throws {
        let error = try #require(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: """
                parameters:
                  keda.cooldownPeriod: {from: 1s, to: 1000s, step: 1s}
                  keda.pollingInterval: {from: 1s, to: 1000s, step: 1s}
                """, file: "big.yaml")
        }
        #expect(error.message.contains("1000000 configurations (the product of its axes)"), "\(error)")
        #expect(error.file == "big.yaml" && error.line == 2 && error.field == "parameters")
        let largest = try Grid.parse(
            yaml: "parameters:\n  keda.cooldownPeriod: {from: 1s, to: 100000s, step: 1s}\n", file: "g.yaml")
        #expect(largest.configurations.count == Grid.maxConfigurations)
    }

    @Test func replicationsAndRunsAreBounded() throws {
        let tooMany = try #require(throws: SweepError.self) {
            try Sweep(
                scenario: Fixtures.scenario(), grid: Fixtures.grid(), replications: Scenario.maxReplications + 1,
                calculator: Fixtures.calculator())
        }
        #expect("\(tooMany)".contains("replications must be within 1…\(Scenario.maxReplications)"), "\(tooMany)")
        let grid = try Grid.parse(
            yaml: "parameters:\n  keda.cooldownPeriod: {from: 1s, to: 1001s, "
                + "step: 1s}\n", file: "g.yaml")  // 1,001 configurations
        let tooLong = try #require(throws: SweepError.self) {
            try Sweep(scenario: Fixtures.scenario(), grid: grid, replications: 1_000, calculator: Fixtures.calculator())
        }
        #expect("\(tooLong)".contains("is more than \(Sweep.maxRuns) runs"), "\(tooLong)")
        _ = try Sweep(scenario: Fixtures.scenario(), grid: grid, replications: 999, calculator: Fixtures.calculator())
    }
}
