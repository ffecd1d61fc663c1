import CostModel
import Simulator
@testable import Sweeps

enum Fixtures {
    static let workPerDay = 4_000.0

    /// Six hours of light office traffic: a run takes milliseconds.
    static func scenario(replications: Int = 3) -> Scenario {
        var scenario = Scenario(
            name: "tiny",
            workload: .synthetic(SyntheticTrace.Description(workPerDay: workPerDay, days: 0.25, profile: .uniform)),
            seed: 7, replications: replications)
        var scaleToZero = DeploymentOption.articleScaleToZero
        if case .autoscaled(var deployment) = scaleToZero.kind {
            deployment.spot = SpotModel(preemptionsPerNodeHour: 0.05)
            scaleToZero.kind = .autoscaled(deployment)
        }
        scenario.options = [.articleDedicated, scaleToZero]
        return scenario
    }

    static func calculator() throws -> CostCalculator { CostCalculator(catalog: try PriceCatalog.bundled()) }

    static func grid() throws -> Grid {
        try Grid.parse(yaml: """
            parameters:
              keda.pollingInterval: [5s, 30s]
              keda.cooldownPeriod: [30s, 300s]
              node.spot: [true, false]
            """, file: "tiny-grid.yaml")
    }

    static func sweep(replications: Int = 3) throws -> Sweep {
        try Sweep(scenario: scenario(), grid: grid(), replications: replications, calculator: calculator())
    }

    /// A summary built from hand-made runs: costs and p95s per replication.
    static func summary(_ index: Int, costs: [Double], p95: [Double], timeouts: [Int] = []) -> ConfigurationSummary {
        let runs = costs.indices.map { r in
            RunOutcome(
                configuration: index, replication: r, monthlyCostNanoDollars: Int64(costs[r] * 1e9),
                p50Seconds: p95[r] / 2,
                p95Seconds: p95[r], p99Seconds: p95[r] * 1.5, meanSeconds: p95[r] / 2, arrived: 1000,
                timedOut: timeouts.isEmpty ? 0 : timeouts[r], coldStarts: 0)
        }
        return ConfigurationSummary(
            configuration: index, settings: [ParameterSetting(.kedaValue, .number(Double(index + 1)))], runs: runs)
    }
}
