/// Everything one simulated run of one deployment option produced: what users saw and what
/// capacity was used. It is the only thing the cost model and the reports read.
public struct SimulationResult: Sendable {
    public var scenarioName: String
    public var option: DeploymentOption
    public var seed: UInt64
    public var replication: Int
    /// The observation period [0, horizonSeconds] that costs cover and monthly projections scale
    /// up: the scenario's horizon (or generated days), or a trace's last arrival. The same for
    /// every option of a scenario, so their costs compare.
    public var horizonSeconds: Double
    /// When the last event happened (at least `horizonSeconds`): the run goes on after the
    /// observation period to answer the requests admitted in it, and without a horizon until the
    /// cluster comes to rest.
    public var endSeconds: Double
    /// The client timeout the run used, seconds.
    public var clientTimeoutSeconds: Double
    public var requests: RequestStatistics
    /// Every VM lifetime within the observation period, GPU and system nodes alike: VMs started
    /// before its end, their time by state up to it. What costs and node-hours are made of.
    public var nodeRuns: [NodeRun]
    /// Every VM lifetime over the whole run, also after the observation period (for timelines).
    public var nodeRunsToEnd: [NodeRun]
    public var timeline: Timeline
    /// Per-request detail, only when the run was asked to keep it.
    public var requestRecords: [RequestRecord]
    /// Every scaling decision, only when the run was asked to keep them.
    public var decisions: [ScalingDecision]
    /// GPU VMs the cluster autoscaler created (each one a paid node cold start).
    public var gpuNodesCreated: Int
    /// Times the worker deployment went from 0 replicas to at least 1.
    public var activationsFromZero: Int
    /// Spot VMs preempted.
    public var preemptions: Int
    /// Events the engine processed.
    public var eventCount: Int
    /// Trace rows the trace's filters left out (``TraceFormat/filters``), among those read.
    public var droppedTraceRows = 0

    /// Node runs that carry GPUs, within the observation period.
    public var gpuNodeRuns: [NodeRun] { nodeRuns.filter { $0.machine.gpuCount > 0 } }

    /// Node runs that carry GPUs, over the whole run.
    public var gpuNodeRunsToEnd: [NodeRun] { nodeRunsToEnd.filter { $0.machine.gpuCount > 0 } }

    /// GPU node-seconds by state, summed over GPU node runs.
    public var gpuNodeSecondsByState: NodeStateDurations {
        gpuNodeRuns.reduce(NodeStateDurations()) { $0 + $1.durations }
    }
}
