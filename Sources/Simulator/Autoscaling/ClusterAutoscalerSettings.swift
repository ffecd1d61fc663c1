/// Cluster-autoscaler flags (kubernetes/autoscaler `config/flags/flags.go`, `config/const.go`).
/// Defaults are upstream's.
public struct ClusterAutoscalerSettings: Sendable, Hashable {
    /// `--scan-interval` (10 s).
    public var scanIntervalSeconds: Double
    /// `--scale-down-unneeded-time` (10 min).
    public var scaleDownUnneededSeconds: Double
    /// `--scale-down-unready-time` (20 min): the same for nodes not ready (GPU not yet allocatable).
    public var scaleDownUnreadySeconds: Double
    /// `--scale-down-delay-after-add` (10 min, cluster-wide).
    public var scaleDownDelayAfterAddSeconds: Double
    /// `--scale-down-delay-after-delete` (0 s).
    public var scaleDownDelayAfterDeleteSeconds: Double
    /// `--scale-down-gpu-utilization-threshold` (0.5): GPU requests / GPU allocatable.
    public var gpuUtilizationThreshold: Double
    /// Hard-coded: GPU pods younger than this do not trigger a scale-up (30 s).
    public var gpuPodAgeBufferSeconds: Double
    /// Hard-coded: any pending pod younger than this blocks a scale-up (2 s).
    public var podAgeBufferSeconds: Double
    /// `--node-delete-delay-after-taint` (5 s).
    public var deleteDelayAfterTaintSeconds: Double
    /// `--max-scale-down-parallelism` (10): empty nodes deleted per loop.
    public var maxEmptyBulkDelete: Int
    /// `--max-node-provision-time` (15 min).
    public var maxNodeProvisionSeconds: Double
    /// `--initial-node-group-backoff-duration` (5 min) after a failed scale-up.
    public var initialBackoffSeconds: Double
    /// `--max-node-group-backoff-duration` (30 min): each failure after a back-off ended doubles it up to this.
    public var maxBackoffSeconds: Double
    /// `--node-group-backoff-reset-timeout` (3 h): failures older than this are forgotten.
    public var backoffResetTimeoutSeconds: Double
    /// `--frequent-loops-enabled` (true): a loop starts at once when a new unschedulable pod appears.
    public var frequentLoops: Bool
    /// Time of the first loop after the run starts; `nil`: drawn per replication, uniformly in
    /// [0, scan interval) (docs/model.md, "Controller phases").
    public var phaseSeconds: Double?
    /// Name of a preset these settings came from (for reports), e.g. `upstream-defaults`.
    public var profile: String

    public init(
        scanIntervalSeconds: Double = 10, scaleDownUnneededSeconds: Double = 600, scaleDownUnreadySeconds: Double = 1200,
        scaleDownDelayAfterAddSeconds: Double = 600, scaleDownDelayAfterDeleteSeconds: Double = 0,
        gpuUtilizationThreshold: Double = 0.5, gpuPodAgeBufferSeconds: Double = 30, podAgeBufferSeconds: Double = 2,
        deleteDelayAfterTaintSeconds: Double = 5, maxEmptyBulkDelete: Int = 10, maxNodeProvisionSeconds: Double = 900,
        initialBackoffSeconds: Double = 300, maxBackoffSeconds: Double = 1800,
        backoffResetTimeoutSeconds: Double = 10_800,
        frequentLoops: Bool = true, phaseSeconds: Double? = nil, profile: String = "upstream-defaults"
    ) {
        self.scanIntervalSeconds = scanIntervalSeconds
        self.scaleDownUnneededSeconds = scaleDownUnneededSeconds
        self.scaleDownUnreadySeconds = scaleDownUnreadySeconds
        self.scaleDownDelayAfterAddSeconds = scaleDownDelayAfterAddSeconds
        self.scaleDownDelayAfterDeleteSeconds = scaleDownDelayAfterDeleteSeconds
        self.gpuUtilizationThreshold = gpuUtilizationThreshold
        self.gpuPodAgeBufferSeconds = gpuPodAgeBufferSeconds
        self.podAgeBufferSeconds = podAgeBufferSeconds
        self.deleteDelayAfterTaintSeconds = deleteDelayAfterTaintSeconds
        self.maxEmptyBulkDelete = maxEmptyBulkDelete
        self.maxNodeProvisionSeconds = maxNodeProvisionSeconds
        self.initialBackoffSeconds = initialBackoffSeconds
        self.maxBackoffSeconds = maxBackoffSeconds
        self.backoffResetTimeoutSeconds = backoffResetTimeoutSeconds
        self.frequentLoops = frequentLoops
        self.phaseSeconds = phaseSeconds
        self.profile = profile
    }

    /// Upstream defaults; also what GKE's `balanced` profile is assumed to use (GKE does not
    /// publish its values; scaling-semantics.md §4.7).
    public static let upstreamDefaults = ClusterAutoscalerSettings()

    /// GKE `optimize-utilization`, **assumed** values: GKE documents only that it "scales down
    /// more aggressively … removes more nodes and removes them sooner". costsim assumes an
    /// unneeded time of 1 minute and a 1-minute delay after add; label results accordingly.
    public static let gkeOptimizeUtilization = ClusterAutoscalerSettings(
        scaleDownUnneededSeconds: 60, scaleDownDelayAfterAddSeconds: 60, profile: "gke-optimize-utilization (assumed values)")

    public func validate() throws(ParameterError) {
        let durations = [scanIntervalSeconds, scaleDownUnneededSeconds, scaleDownUnreadySeconds, scaleDownDelayAfterAddSeconds,
                         scaleDownDelayAfterDeleteSeconds, gpuPodAgeBufferSeconds, podAgeBufferSeconds, deleteDelayAfterTaintSeconds,
                         maxNodeProvisionSeconds, initialBackoffSeconds, maxBackoffSeconds, backoffResetTimeoutSeconds]
        guard durations.allSatisfy({ $0 >= 0 && $0.isFinite }), scanIntervalSeconds > 0 else {
            throw .invalidParameter("cluster-autoscaler durations must be >= 0 (scan interval > 0)")
        }
        guard ControllerPhases.isValid(phaseSeconds) else {
            throw .invalidParameter("cluster-autoscaler phase must be a finite time >= 0 s")
        }
        guard gpuUtilizationThreshold >= 0, gpuUtilizationThreshold <= 1 else {
            throw .invalidParameter("scale-down GPU utilization threshold must be in [0, 1]")
        }
        guard maxEmptyBulkDelete >= 1 else { throw .invalidParameter("max-scale-down-parallelism must be >= 1") }
    }
}
