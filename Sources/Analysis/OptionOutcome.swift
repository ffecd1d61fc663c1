import CostModel
import Simulator

/// All replications of one deployment option, pooled for display as they finish: latency
/// distributions are merged, counts summed, node-hours and costs averaged per replication.
///
/// Only replication 0 is kept whole (its timelines, decision log and itemised costs, which the
/// tables and the report show); every other replication is folded in by ``add(_:cost:)`` and
/// dropped, so memory does not grow with the number of replications (a 30-day result is ≈ 9 MB).
/// Replications must be added in order: the pooled means are sums of doubles.
public struct OptionOutcome: Sendable {
    public let option: DeploymentOption
    /// Replication 0's result and cost report.
    public let first: SimulationResult
    public let firstCost: CostReport
    /// Replications folded in so far.
    public private(set) var replications = 0
    private let expectedReplications: Int
    /// Each replication's cost report without its itemised lines (what ``cost`` needs).
    private var monthlyReports: [CostReport] = []
    public private(set) var response = LatencyDistribution()
    public private(set) var wait = LatencyDistribution()
    public private(set) var coldStartWait = LatencyDistribution()
    public private(set) var service = LatencyDistribution()
    public private(set) var arrived = 0
    public private(set) var served = 0
    /// Requests that timed out or were rejected (failed).
    public private(set) var timedOut = 0
    /// Requests the platform rejected (counted in ``timedOut`` too).
    public private(set) var rejected = 0
    public private(set) var waitedForColdStart = 0
    /// Requests still waiting or in service when the runs stopped (counted as timed out too).
    public private(set) var unanswered = 0
    /// GPU VMs started, summed over replications.
    public private(set) var gpuNodesCreatedTotal = 0
    /// Scale-ups from zero replicas, summed over replications.
    public private(set) var activationsFromZeroTotal = 0
    /// GPU node-seconds by state, mean over replications.
    public private(set) var gpuNodeSeconds = NodeStateDurations()

    /// Starts with replication 0 of `replications`.
    public init(option: DeploymentOption, first: SimulationResult, cost: CostReport, replications: Int) {
        self.option = option
        self.first = first
        firstCost = cost
        expectedReplications = replications
        add(first, cost: cost)
    }

    /// Folds in the next replication.
    public mutating func add(_ result: SimulationResult, cost: CostReport) {
        replications += 1
        var slim = cost
        slim.nodeRuns = []
        slim.bySKU = []
        monthlyReports.append(slim)
        response.add(result.requests.response)
        wait.add(result.requests.wait)
        coldStartWait.add(result.requests.coldStartWait)
        service.add(result.requests.service)
        arrived += result.requests.arrived
        served += result.requests.served
        timedOut += result.requests.timedOut
        rejected += result.requests.rejected
        waitedForColdStart += result.requests.waitedForColdStart
        unanswered += result.requests.unanswered
        gpuNodesCreatedTotal += result.gpuNodesCreated
        activationsFromZeroTotal += result.activationsFromZero
        let durations = result.gpuNodeSecondsByState
        for state in NodeState.allCases { gpuNodeSeconds[state] += durations[state] / Double(expectedReplications) }
    }

    /// Mean monthly cost over replications.
    public var cost: CostSummary? { CostSummary(monthlyReports) }

    public var gpuNodesCreated: Double { Double(gpuNodesCreatedTotal) / Double(max(1, replications)) }
    public var activationsFromZero: Double { Double(activationsFromZeroTotal) / Double(max(1, replications)) }
    public var timeoutShare: Double { arrived == 0 ? 0 : Double(timedOut) / Double(arrived) }
    public var rejectedShare: Double { arrived == 0 ? 0 : Double(rejected) / Double(arrived) }
    public var coldStartShare: Double { arrived == 0 ? 0 : Double(waitedForColdStart) / Double(arrived) }
}
