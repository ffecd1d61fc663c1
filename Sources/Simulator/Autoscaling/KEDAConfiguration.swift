/// A KEDA ScaledObject with one RabbitMQ trigger, as far as it changes scaling.
///
/// Defaults are KEDA's (`apis/keda/v1alpha1`, keda.sh/docs/2.20 ScaledObject spec): polling 30 s,
/// cooldown 300 s, initial cooldown 0 s, min 0, max 100, no idle replica count, no fallback,
/// no HPA behavior. The article's ScaledObject sets polling 10 s, cooldown 60 s, max 5, value 20.
public struct KEDAConfiguration: Sendable, Hashable {
    public var pollingIntervalSeconds: Double
    public var cooldownPeriodSeconds: Double
    public var initialCooldownPeriodSeconds: Double
    public var minReplicaCount: Int
    public var maxReplicaCount: Int
    /// Replicas while inactive instead of 0 (must be below `minReplicaCount`).
    public var idleReplicaCount: Int?
    public var trigger: RabbitMQTrigger
    /// `fallback`: after more than `failureThreshold` consecutive scaler errors, drive the HPA
    /// to `replicas`.
    public var fallback: Fallback?
    /// `advanced.horizontalPodAutoscalerConfig.behavior`, copied into the HPA; `nil` = legacy HPA path.
    public var hpaBehavior: HPABehavior?
    /// Time of the first poll after the run starts (not a ScaledObject field: when KEDA reconciled
    /// it); `nil`: drawn per replication, uniformly in [0, pollingInterval) (docs/model.md,
    /// "Controller phases").
    public var phaseSeconds: Double?

    public struct Fallback: Sendable, Hashable {
        public var failureThreshold: Int
        public var replicas: Int

        public init(failureThreshold: Int, replicas: Int) {
            self.failureThreshold = failureThreshold
            self.replicas = replicas
        }
    }

    public init(
        pollingIntervalSeconds: Double = 30, cooldownPeriodSeconds: Double = 300, initialCooldownPeriodSeconds: Double = 0,
        minReplicaCount: Int = 0, maxReplicaCount: Int = 100, idleReplicaCount: Int? = nil,
        trigger: RabbitMQTrigger = RabbitMQTrigger(), fallback: Fallback? = nil, hpaBehavior: HPABehavior? = nil,
        phaseSeconds: Double? = nil
    ) {
        self.pollingIntervalSeconds = pollingIntervalSeconds
        self.cooldownPeriodSeconds = cooldownPeriodSeconds
        self.initialCooldownPeriodSeconds = initialCooldownPeriodSeconds
        self.minReplicaCount = minReplicaCount
        self.maxReplicaCount = maxReplicaCount
        self.idleReplicaCount = idleReplicaCount
        self.trigger = trigger
        self.fallback = fallback
        self.hpaBehavior = hpaBehavior
        self.phaseSeconds = phaseSeconds
    }

    /// The article's ScaledObject: pollingInterval 10, maxReplicaCount 5, cooldownPeriod 60,
    /// rabbitmq QueueLength value "20" over AMQP (`host: amqp://...`).
    public static let article = KEDAConfiguration(
        pollingIntervalSeconds: 10, cooldownPeriodSeconds: 60, maxReplicaCount: 5, trigger: RabbitMQTrigger(targetValue: 20))

    /// HPA `minReplicas` KEDA creates: `max(1, minReplicaCount)`.
    public var hpaMinReplicas: Int { Swift.max(1, minReplicaCount) }

    public func validate() throws(ParameterError) {
        // KEDA's CRD requires >= 1 s (the manifest loader enforces it); shorter intervals are
        // accepted here for limit studies against queueing theory (polling → 0).
        guard pollingIntervalSeconds > 0, pollingIntervalSeconds.isFinite else { throw .invalidParameter("pollingInterval must be > 0 s") }
        guard cooldownPeriodSeconds >= 0, initialCooldownPeriodSeconds >= 0 else {
            throw .invalidParameter("cooldownPeriod and initialCooldownPeriod must be >= 0")
        }
        guard ControllerPhases.isValid(phaseSeconds) else {
            throw .invalidParameter("KEDA phase must be a finite time >= 0 s")
        }
        guard minReplicaCount >= 0 else { throw .invalidParameter("minReplicaCount must be >= 0") }
        guard maxReplicaCount >= 1, maxReplicaCount >= minReplicaCount, maxReplicaCount <= SimulationLimits.maxReplicas else {
            throw .invalidParameter("maxReplicaCount (\(maxReplicaCount)) must be >= 1, >= minReplicaCount (\(minReplicaCount)) and <= \(SimulationLimits.maxReplicas)")
        }
        if let idle = idleReplicaCount, !(idle >= 0 && idle < minReplicaCount) {
            throw .invalidParameter("idleReplicaCount must be >= 0 and below minReplicaCount")
        }
        if let fallback, fallback.failureThreshold < 0 || fallback.replicas < 0 || fallback.replicas > SimulationLimits.maxReplicas {
            throw .invalidParameter("fallback failureThreshold and replicas must be >= 0")
        }
        try trigger.validate()
    }
}
