/// Everything one simulated run of one deployment option produced: what users saw and what
/// capacity was used. It is the only thing the cost model and the reports read.
public struct SimulationResult: Sendable {
    public var scenarioName: String
    public var option: DeploymentOption
    public var seed: UInt64
    public var replication: Int
    /// Observation period used for monthly projections, seconds.
    public var horizonSeconds: Double
    /// When the last event happened (at least `horizonSeconds`), seconds.
    public var endSeconds: Double
    /// The client timeout the run used, seconds.
    public var clientTimeoutSeconds: Double
    public var requests: RequestStatistics
    /// Every VM lifetime, GPU and system nodes alike.
    public var nodeRuns: [NodeRun]
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

    /// Node runs that carry GPUs.
    public var gpuNodeRuns: [NodeRun] { nodeRuns.filter { $0.machine.gpuCount > 0 } }

    /// GPU node-seconds by state, summed over GPU node runs.
    public var gpuNodeSecondsByState: NodeStateDurations {
        gpuNodeRuns.reduce(NodeStateDurations()) { $0 + $1.durations }
    }
}
