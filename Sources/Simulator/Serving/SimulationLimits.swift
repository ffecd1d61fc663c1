/// Upper bounds on the sizes one simulation accepts: far above any real deployment, low enough
/// that a run cannot exhaust memory or run for days on a mistyped value (docs/model.md, "Limits").
///
/// Kubernetes' own scalability thresholds are 5,000 nodes and 150,000 pods per cluster, 110
/// pods per node (kubernetes.io, "Considerations for large clusters"); one GPU deployment of
/// 10,000 replicas is beyond any case costsim is for.
public enum SimulationLimits {
    /// The longest duration anything may last — a file's durations, a trace's span, generated
    /// traffic: 100 Julian years, beyond any period costsim simulates or prices.
    public static let maxDurationSeconds = 100 * 365.25 * 86_400
    /// Replicas of one deployment: KEDA's min/max/idle replica counts, Knative's scales, the pods
    /// of a dedicated option.
    public static let maxReplicas = 10_000
    /// Nodes of one option: a node pool's minimum and maximum, a dedicated option's nodes, an
    /// always-on node group.
    public static let maxNodes = 10_000
    /// Pods per node and GPUs per node (the largest GPU machines carry 8 or 16 GPUs).
    public static let maxPerNode = 110
    /// Requests a worker serves at once and messages it may hold (concurrency and prefetch).
    public static let maxWorkerSlots = 10_000
    /// Spot preemptions per node-hour: one a minute on average is far beyond any provider's rate
    /// (GCP: 5–15 % of VMs a day, ≈ 0.004 per node-hour).
    public static let maxPreemptionsPerNodeHour = 60.0
    /// Requests a generated workload may produce in one run (the `year-10rps` benchmark has 315 M).
    public static let maxGeneratedRequests = 1e9
    /// Requests waiting or in service at once. Beyond it the option cannot keep up with the
    /// traffic and a run stops with ``SimulationError/overloaded(option:timeSeconds:requestsInSystem:)``
    /// instead of filling the memory (≈ 70 bytes per waiting request, twice that while the
    /// array grows: ≈ 4 GB at the limit).
    public static let maxRequestsInSystem = 30_000_000
    /// HPA replica proposals are capped here before they become integers: every proposal above
    /// the largest `maxReplicas` normalises alike, and a tiny target value (1e-300) would
    /// otherwise overflow the conversion.
    static let proposalCeiling = 1e15
}
