/// Knative Serving's KPA for a revision, as far as it changes scaling
/// (knative/serving `config-autoscaler`; scaling-semantics.md §5). Defaults are Knative's.
public struct KnativeConfiguration: Sendable, Hashable {
    /// `containerConcurrency` (0 = unlimited, then the target default 100 applies).
    public var containerConcurrency: Int
    /// `container-concurrency-target-default` (100), used when containerConcurrency is 0.
    public var targetConcurrencyDefault: Double
    /// `container-concurrency-target-percentage` (0.7).
    public var targetUtilization: Double
    /// `stable-window` (60 s).
    public var stableWindowSeconds: Double
    /// `panic-window-percentage` (10 %).
    public var panicWindowPercentage: Double
    /// `panic-threshold-percentage` (200 %).
    public var panicThresholdPercentage: Double
    /// `max-scale-up-rate` (1000) and `max-scale-down-rate` (2).
    public var maxScaleUpRate: Double
    public var maxScaleDownRate: Double
    /// `scale-to-zero-grace-period` (30 s) and `scale-to-zero-pod-retention-period` (0 s).
    public var scaleToZeroGracePeriodSeconds: Double
    public var podRetentionSeconds: Double
    /// `initial-scale` (1), `min-scale` (0), `max-scale` (0 = unbounded).
    public var initialScale: Int
    public var minScale: Int
    public var maxScale: Int
    /// Decider tick (hard-coded 2 s).
    public var tickSeconds: Double
    /// `target-burst-capacity` (211): requests beyond the ready pods' capacity that the revision
    /// should absorb without the activator; below it the activator stays in the request path
    /// (`-1`: always in it, `0`: only at zero). Decides whether the last pod may go at once.
    public var targetBurstCapacity: Double
    /// Time of the decider's first tick after the run starts; `nil`: drawn per replication,
    /// uniformly in [0, tick) (docs/model.md, "Controller phases").
    public var phaseSeconds: Double?

    public init(
        containerConcurrency: Int = 1, targetConcurrencyDefault: Double = 100, targetUtilization: Double = 0.7,
        stableWindowSeconds: Double = 60, panicWindowPercentage: Double = 10, panicThresholdPercentage: Double = 200,
        maxScaleUpRate: Double = 1000, maxScaleDownRate: Double = 2, scaleToZeroGracePeriodSeconds: Double = 30,
        podRetentionSeconds: Double = 0, initialScale: Int = 1, minScale: Int = 0, maxScale: Int = 0, tickSeconds: Double = 2,
        targetBurstCapacity: Double = 211, phaseSeconds: Double? = nil
    ) {
        self.containerConcurrency = containerConcurrency
        self.targetConcurrencyDefault = targetConcurrencyDefault
        self.targetUtilization = targetUtilization
        self.stableWindowSeconds = stableWindowSeconds
        self.panicWindowPercentage = panicWindowPercentage
        self.panicThresholdPercentage = panicThresholdPercentage
        self.maxScaleUpRate = maxScaleUpRate
        self.maxScaleDownRate = maxScaleDownRate
        self.scaleToZeroGracePeriodSeconds = scaleToZeroGracePeriodSeconds
        self.podRetentionSeconds = podRetentionSeconds
        self.initialScale = initialScale
        self.minScale = minScale
        self.maxScale = maxScale
        self.tickSeconds = tickSeconds
        self.targetBurstCapacity = targetBurstCapacity
        self.phaseSeconds = phaseSeconds
    }

    /// A pod's capacity in the decider's terms (`TotalValue`, knative `resources/target.go`):
    /// containerConcurrency, or the target default when it is 0.
    public var totalConcurrencyPerPod: Double { containerConcurrency > 0 ? Double(containerConcurrency) : targetConcurrencyDefault }

    /// Seconds between the reconcile that marks the PodAutoscaler inactive and the next one,
    /// which scales to zero by the fast path (`kpa/scaler.go`: `enqueueCB(pa, 3*time.Second)`).
    public static let inactiveReconcileDelaySeconds = 3.0

    /// Requests per pod the decider aims for: `containerConcurrency × utilization`, or the default target × utilization.
    public var targetConcurrency: Double { totalConcurrencyPerPod * targetUtilization }

    /// Panic window in seconds: stable × percentage / 100, rounded, at least 1 s.
    public var panicWindowSeconds: Double { Swift.max(1, (stableWindowSeconds * panicWindowPercentage / 100).rounded()) }

    public func validate() throws(ParameterError) {
        guard containerConcurrency >= 0, targetConcurrency > 0 else { throw .invalidParameter("Knative target concurrency must be > 0") }
        guard stableWindowSeconds >= 6, stableWindowSeconds <= 3600 else { throw .invalidParameter("stable-window must be within 6 s … 1 h") }
        guard panicWindowPercentage > 0, panicThresholdPercentage > 0, maxScaleUpRate > 1, maxScaleDownRate > 1 else {
            throw .invalidParameter("panic window/threshold must be > 0 and scale rates > 1")
        }
        guard scaleToZeroGracePeriodSeconds >= 0, podRetentionSeconds >= 0, tickSeconds > 0 else {
            throw .invalidParameter("Knative periods must be >= 0")
        }
        guard ControllerPhases.isValid(phaseSeconds) else {
            throw .invalidParameter("Knative phase must be a finite time >= 0 s")
        }
        guard targetBurstCapacity == -1 || (targetBurstCapacity >= 0 && targetBurstCapacity <= 1e9) else {
            throw .invalidParameter("target-burst-capacity must be -1 (activator always in the path) or within 0 … 1e9, got \(targetBurstCapacity)")
        }
        guard minScale >= 0, initialScale >= 0, maxScale >= 0, maxScale == 0 || maxScale >= minScale,
              [minScale, initialScale, maxScale].allSatisfy({ $0 <= SimulationLimits.maxReplicas }) else {
            throw .invalidParameter("Knative min-scale/max-scale/initial-scale out of range (0…\(SimulationLimits.maxReplicas), min <= max)")
        }
    }
}
