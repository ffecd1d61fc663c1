import CostModel
import Foundation
import Simulator

/// Runs a scenario: every option, every replication, priced, pooled per option.
public enum ScenarioRun {
    /// Runs every option for every replication and prices the results, folding each into its
    /// option's ``OptionOutcome`` as it finishes (only replication 0 is kept whole). The runs are
    /// independent: up to `jobs` run at once, and the outcome does not depend on `jobs`; the
    /// error reported is that of the first failing run in start order (longest options first,
    /// then option and replication order).
    public static func run(
        _ scenario: Scenario, calculator: CostCalculator, keepDecisions: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async throws -> [OptionOutcome] {
        let replications = scenario.replications
        let count = scenario.options.count * replications
        // Stable: within an option, replications start — and are folded in — in order.
        let longestFirst = (0..<count).sorted {
            (-expectedWork(scenario.options[$0 / replications]), $0) < (
                -expectedWork(scenario.options[$1 / replications]), $1
            )
        }
        var outcomes = [OptionOutcome?](repeating: nil, count: scenario.options.count)
        try await concurrentForEach(
            count: count, jobs: jobs, startOrder: longestFirst,
            { index in
                let result = try Simulation.run(
                    scenario, option: scenario.options[index / replications], replication: index % replications,
                    keepDecisions: keepDecisions)
                return (result, try calculator.price(result))
            }
        ) { index, run in
            let option = index / replications
            if outcomes[option] == nil {
                outcomes[option] = OptionOutcome(
                    option: scenario.options[option], first: run.0, cost: run.1, replications: replications)
            } else {
                outcomes[option]!.add(run.0, cost: run.1)
            }
        }
        return outcomes.map { $0! }
    }

    /// A rough rank of how long an option's runs take, to start the longest first: Knative's
    /// decider ticks every 2 s (the bundled scenario: 88 ms against 10–38 ms for the others), KEDA's
    /// controllers every 10–15 s, a dedicated option has no controllers. The order changes no result.
    static func expectedWork(_ option: DeploymentOption) -> Int {
        guard case .autoscaled(let deployment) = option.kind else { return 0 }
        if case .knative = deployment.autoscaler { return 2 }
        return 1
    }
}
