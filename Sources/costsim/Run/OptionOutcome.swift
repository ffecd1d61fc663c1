import CostModel
import Simulator

/// All replications of one deployment option, pooled for display: latency distributions are
/// merged, counts summed, node-hours and costs averaged per replication.
struct OptionOutcome {
    let option: DeploymentOption
    let results: [SimulationResult]
    /// One cost report per replication.
    let costs: [CostReport]

    /// Mean monthly cost over replications.
    var cost: CostSummary? { CostSummary(costs) }

    var replications: Int { results.count }

    var response: LatencyDistribution { pooled(\.response) }
    var wait: LatencyDistribution { pooled(\.wait) }
    var coldStartWait: LatencyDistribution { pooled(\.coldStartWait) }
    var service: LatencyDistribution { pooled(\.service) }

    var arrived: Int { results.reduce(0) { $0 + $1.requests.arrived } }
    var served: Int { results.reduce(0) { $0 + $1.requests.served } }
    var timedOut: Int { results.reduce(0) { $0 + $1.requests.timedOut } }
    var waitedForColdStart: Int { results.reduce(0) { $0 + $1.requests.waitedForColdStart } }
    /// Requests still waiting or in service when the runs stopped (counted as timed out too).
    var unanswered: Int { results.reduce(0) { $0 + $1.requests.unanswered } }
    /// GPU VMs started, summed over replications.
    var gpuNodesCreatedTotal: Int { results.reduce(0) { $0 + $1.gpuNodesCreated } }
    /// Scale-ups from zero replicas, summed over replications.
    var activationsFromZeroTotal: Int { results.reduce(0) { $0 + $1.activationsFromZero } }
    var gpuNodesCreated: Double { Double(gpuNodesCreatedTotal) / Double(max(1, results.count)) }
    var activationsFromZero: Double { Double(activationsFromZeroTotal) / Double(max(1, results.count)) }
    var timeoutShare: Double { arrived == 0 ? 0 : Double(timedOut) / Double(arrived) }
    var coldStartShare: Double { arrived == 0 ? 0 : Double(waitedForColdStart) / Double(arrived) }

    /// GPU node-seconds by state, mean over replications.
    var gpuNodeSeconds: NodeStateDurations {
        var mean = NodeStateDurations()
        for result in results {
            let durations = result.gpuNodeSecondsByState
            for state in NodeState.allCases { mean[state] += durations[state] / Double(results.count) }
        }
        return mean
    }

    private func pooled(_ keyPath: KeyPath<RequestStatistics, LatencyDistribution>) -> LatencyDistribution {
        var merged = LatencyDistribution()
        for result in results { merged.add(result.requests[keyPath: keyPath]) }
        return merged
    }
}
