/// The KEDA operator's scale loop for one ScaledObject: on each poll it reads the trigger and
/// decides activation (0 → 1 or minReplicaCount) and scale-to-zero (N → 0 or idleReplicaCount),
/// in the exact branch order of `RequestScale` (kedacore/keda `pkg/scaling/executor/scale_scaledobjects.go`;
/// scaling-semantics.md §1.4). 1 ↔ N belongs to the HPA.
struct KEDAScaler {
    let configuration: KEDAConfiguration
    /// `status.lastActiveTime`; nil until the first active poll with replicas > 0 or activation.
    private(set) var lastActiveSeconds: Double?
    /// Creation of the ScaledObject (the start of the run).
    let creationSeconds: Double
    /// Consecutive scaler errors (`status.health.numberOfFailures`).
    private(set) var consecutiveFailures = 0
    /// The queue length read at the last successful poll (served to the HPA with `useCachedMetrics`).
    private(set) var cachedQueueLength = 0
    /// The last poll found the trigger inactive.
    private(set) var lastPollInactive = true

    init(configuration: KEDAConfiguration, creationSeconds: Double = 0) {
        self.configuration = configuration
        self.creationSeconds = creationSeconds
    }

    /// One poll. `queueLength` is nil when the scaler query fails. Returns the replica count to
    /// write, if any, with the rule that fired.
    mutating func poll(now: Double, queueLength: Int?, currentReplicas: Int) -> (replicas: Int, rule: Rule)? {
        let trigger = configuration.trigger
        if let queueLength {
            consecutiveFailures = 0
            cachedQueueLength = queueLength
        } else {
            consecutiveFailures += 1
        }
        // Past the failure threshold a fallback answers for the scaler, and the poll counts as
        // active without an error (`getScalerState`: `isActiveOrFallback := fallbackActive ||
        // isMetricActive`, KEDA ≥ 2.19): it activates from zero and keeps refreshing lastActiveTime.
        let fallbackActive = queueLength == nil && fallbackReplicas != nil
        let isError = queueLength == nil && !fallbackActive
        let isActive = fallbackActive || (queueLength.map(trigger.isActive(queueLength:)) ?? false)
        lastPollInactive = !isActive
        let minimum = configuration.minReplicaCount
        if isActive {
            if (configuration.idleReplicaCount != nil && currentReplicas < minimum) || currentReplicas == 0 {
                let target = minimum > 0 ? minimum : 1
                lastActiveSeconds = now
                let rule: Rule = fallbackActive
                    ? .fallbackActivation(failures: consecutiveFailures)
                    : .activation(queueLength: queueLength ?? 0, activationValue: trigger.activationValue)
                return (target, rule)
            }
            lastActiveSeconds = now     // refreshed on every active poll while replicas > 0
            return nil
        }
        if isError {
            // With fallback (replicas ≠ 0) the HPA is driven to fallback.replicas; without it KEDA
            // holds — either way, no scale-to-zero while the scaler fails.
            if configuration.fallback == nil || configuration.fallback?.replicas != 0 { return nil }
        }
        if let idle = configuration.idleReplicaCount, currentReplicas > idle {
            return cooldownElapsed(now) ? (idle, .cooldownToIdle(idleReplicaCount: idle)) : nil
        }
        if currentReplicas > 0 && minimum == 0 {
            guard cooldownElapsed(now) else { return nil }
            return (0, .cooldownToZero(
                lastActiveSeconds: lastActiveSeconds, cooldownSeconds: configuration.cooldownPeriodSeconds,
                initialCooldownSeconds: configuration.initialCooldownPeriodSeconds))
        }
        if configuration.idleReplicaCount == nil && currentReplicas < minimum {
            return (minimum, .belowMinReplicaCount)
        }
        return nil
    }

    /// `lastActiveTime + cooldownPeriod < now` (strict), or the initial cooldown if never active.
    private func cooldownElapsed(_ now: Double) -> Bool { cooldownEndSeconds < now }

    private var cooldownEndSeconds: Double {
        if let last = lastActiveSeconds { return last + configuration.cooldownPeriodSeconds }
        return creationSeconds + configuration.initialCooldownPeriodSeconds
    }

    /// After a poll that changed nothing: the earliest time at which a poll reading the same
    /// queue length and replica count could act. Active polls with replicas > 0 only refresh
    /// `lastActiveTime` (see ``refreshActivity(at:)``); inactive ones can act only once the
    /// cooldown has run out — strictly after its end, so the poll due exactly at the end (the
    /// common case: `lastActiveTime` is a poll, the cooldown a multiple of the interval) is
    /// skipped too — and only if there is something to scale in.
    func earliestActionSeconds(currentReplicas: Int) -> Double {
        guard lastPollInactive else { return .infinity }
        let scalesIn = configuration.idleReplicaCount.map { currentReplicas > $0 }
            ?? (currentReplicas > 0 && configuration.minReplicaCount == 0)
        return scalesIn ? cooldownEndSeconds.nextUp : .infinity
    }

    /// Replays a skipped active poll at `time`: the only thing it did was refresh `lastActiveTime`.
    mutating func refreshActivity(at time: Double) {
        if !lastPollInactive { lastActiveSeconds = time }
    }

    /// Why a poll scaled; its text is built only for the decision log.
    enum Rule {
        case activation(queueLength: Int, activationValue: Double)
        case fallbackActivation(failures: Int)
        case cooldownToIdle(idleReplicaCount: Int)
        case cooldownToZero(lastActiveSeconds: Double?, cooldownSeconds: Double, initialCooldownSeconds: Double)
        case belowMinReplicaCount

        var text: String {
            switch self {
            case .activation(let queueLength, let activationValue):
                return "activation: queue \(queueLength) > activationValue \(KEDAScaler.format(activationValue))"
            case .fallbackActivation(let failures):
                return "activation: fallback active after \(failures) consecutive scaler failures"
            case .cooldownToIdle(let idle):
                return "cooldown elapsed: scale to idleReplicaCount \(idle)"
            case .cooldownToZero(let last?, let cooldown, _):
                return "scale to zero: lastActiveTime \(KEDAScaler.format(last)) + cooldownPeriod \(KEDAScaler.format(cooldown)) < now"
            case .cooldownToZero(nil, _, let initialCooldown):
                return "scale to zero: never active, initialCooldownPeriod \(KEDAScaler.format(initialCooldown)) elapsed"
            case .belowMinReplicaCount:
                return "below minReplicaCount"
            }
        }
    }

    /// Whether the fallback replaces the metric the HPA reads (`numberOfFailures > failureThreshold`).
    var fallbackReplicas: Int? {
        guard let fallback = configuration.fallback, consecutiveFailures > fallback.failureThreshold else { return nil }
        return fallback.replicas
    }

    /// Counts an HPA-driven metric query (KEDA's adapter counts failures there too).
    mutating func recordMetricQuery(succeeded: Bool) {
        consecutiveFailures = succeeded ? 0 : consecutiveFailures + 1
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
