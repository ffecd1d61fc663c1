/// The Kubernetes HPA controller for one External metric with an `AverageValue` target (what KEDA
/// creates), reproducing `pkg/controller/podautoscaler/horizontal.go` and `replica_calculator.go`
/// (scaling-semantics.md §3): the proposal `ceil(usage / target)` outside the tolerance band,
/// then one of two normalisation paths — legacy when `behavior` is nil (5-minute downscale
/// window, scale-up limit `max(2 × current, 4)`), or stabilization windows and rate policies.
struct HorizontalPodAutoscaler {
    let settings: HPASettings
    let behavior: HPABehavior?
    let minReplicas: Int
    let maxReplicas: Int
    let targetAverageValue: Double

    private var recommendations: [(replicas: Int, time: Double)] = []
    private var scaleUpEvents: [(change: Int, time: Double)] = []
    private var scaleDownEvents: [(change: Int, time: Double)] = []
    private var seeded = false
    /// The proposal the last sync added to the recommendations, if it added one.
    private var lastProposal: Int?
    /// The replica count the last sync saw.
    private var lastSpecReplicas = 0

    init(
        settings: HPASettings, behavior: HPABehavior?, minReplicas: Int, maxReplicas: Int, targetAverageValue: Double
    ) {
        self.settings = settings
        self.behavior = behavior
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.targetAverageValue = targetAverageValue
    }

    /// One sync. `usage` is the metric's value (nil when the query failed). Returns the new replica
    /// count and the rule, or nil for no change.
    mutating func sync(
        now: Double, specReplicas: Int, statusReplicas: Int, usage: Double?
    ) -> (replicas: Int, rule: Rule)? {
        lastProposal = nil
        lastSpecReplicas = specReplicas
        if isScalingDisabled(specReplicas: specReplicas) { return nil }
        if !seeded {
            recommendations.append((specReplicas, now))                    // first sync seeds the history
            seeded = true
        }
        let desired: Int
        var proposal: Int?
        if specReplicas > maxReplicas {
            desired = maxReplicas
        } else if specReplicas < minReplicas {
            desired = minReplicas
        } else {
            guard let usage else { return nil }                            // metric failed: no change
            let proposed = self.proposal(usage: usage, statusReplicas: statusReplicas, specReplicas: specReplicas)
            proposal = proposed
            lastProposal = proposed
            if let behavior {
                desired = normalizeWithBehavior(now: now, current: specReplicas, proposal: proposed, behavior: behavior)
            } else {
                desired = normalizeLegacy(now: now, current: specReplicas, proposal: proposed)
            }
        }
        guard desired != specReplicas else { return nil }
        if desired > specReplicas { scaleUpEvents.append((desired - specReplicas, now)) }
        else { scaleDownEvents.append((specReplicas - desired, now)) }
        if let proposal, let usage {
            let legacy = behavior == nil
            return (desired, .proposal(usage: usage, target: targetAverageValue, proposal: proposal, legacy: legacy))
        }
        return (desired, specReplicas > maxReplicas ? .aboveMaxReplicas : .belowMinReplicas)
    }

    /// Why a sync scaled; its text is built only for the decision log.
    enum Rule {
        case proposal(usage: Double, target: Double, proposal: Int, legacy: Bool)
        case aboveMaxReplicas
        case belowMinReplicas

        var text: String {
            switch self {
            case .proposal(let usage, let target, let proposal, let legacy):
                "usage \(KEDAScaler.format(usage)) / target \(KEDAScaler.format(target)) → proposal \(proposal)"
                    + (legacy ? " (legacy path)" : " (behavior path)")
            case .aboveMaxReplicas: "above maxReplicas"
            case .belowMinReplicas: "below minReplicas"
            }
        }
    }

    /// After a sync that changed nothing: the earliest time after which a sync with the same
    /// inputs could change the replica count. Only the windows move: a recommendation other than
    /// the last proposal leaving a stabilization window, or a scaling event leaving a policy period.
    func earliestActionSeconds(now: Double) -> Double {
        guard let proposal = lastProposal else { return .infinity }     // disabled or no metric: nothing moves
        var earliest = Double.infinity
        func consider(_ time: Double) { if time >= now { earliest = Swift.min(earliest, time) } }
        guard let behavior else {
            // Legacy: the window's maximum only falls as old recommendations leave it (oldest
            // first); the result changes at the first departure after which the clamped maximum
            // of what remains differs. Walking back from the newest, the remaining maximum grows.
            let window = settings.downscaleStabilizationSeconds
            let maximum = recommendations.reduce(proposal) { Swift.max($0, $1.replicas) }
            let current = normalizedLegacy(recommendation: maximum, current: lastSpecReplicas)
            var remainingMaximum = proposal
            var firstChange: Double?
            for record in recommendations.reversed() {
                guard normalizedLegacy(recommendation: remainingMaximum, current: lastSpecReplicas) != current else {
                    break
                }
                firstChange = record.time + window
                remainingMaximum = Swift.max(remainingMaximum, record.replicas)
            }
            if let firstChange { consider(firstChange) }
            return earliest
        }
        for record in recommendations where record.replicas != proposal {
            consider(record.time + behavior.scaleUp.stabilizationWindowSeconds)
            consider(record.time + behavior.scaleDown.stabilizationWindowSeconds)
        }
        for policy in behavior.scaleUp.policies + behavior.scaleDown.policies {
            for event in scaleUpEvents { consider(event.time + policy.periodSeconds) }
            for event in scaleDownEvents { consider(event.time + policy.periodSeconds) }
        }
        return earliest
    }

    /// `ScalingDisabled`: the target was scaled to zero (by KEDA) and the HPA's minimum is not 0.
    /// Such a sync reads nothing and only forgets the last proposal (``forgetLastProposal()``).
    func isScalingDisabled(specReplicas: Int) -> Bool { specReplicas == 0 && minReplicas != 0 }

    /// What a sync with the scaling disabled leaves behind, for a sync that need not run.
    mutating func forgetLastProposal() {
        lastProposal = nil
        lastSpecReplicas = 0
    }

    /// Replays a skipped sync at `time` that read the same inputs as the last one: it added the
    /// same proposal. (Of a run of equal recommendations only the newest matters to any window.)
    mutating func replaySkippedSync(at time: Double) {
        if let lastProposal { recommendations.append((lastProposal, time)) }
    }

    /// `GetExternalPerPodMetricReplicas` (`replica_calculator.go`): the replica proposal for a
    /// metric value, `ceil(usage / target)`; inside the tolerance band keep `status.replicas`.
    /// Capped at ``SimulationLimits/proposalCeiling`` (above every accepted `maxReplicas`, so the
    /// cap changes no decision): a tiny target would overflow the conversion to an integer.
    func proposal(usage: Double, statusReplicas: Int, specReplicas: Int) -> Int {
        let replicas = statusReplicas > 0 ? statusReplicas : specReplicas
        let ratio = usage / (targetAverageValue * Double(replicas))
        if abs(ratio - 1) <= settings.tolerance { return statusReplicas }
        return Int(Swift.min((usage / targetAverageValue).rounded(.up), SimulationLimits.proposalCeiling))
    }

    private mutating func normalizeLegacy(now: Double, current: Int, proposal: Int) -> Int {
        recommendations.append((proposal, now))
        let cutoff = now - settings.downscaleStabilizationSeconds
        if let oldest = recommendations.first, oldest.time < cutoff { recommendations.removeAll { $0.time < cutoff } }
        var stabilized = proposal                     // the window's maximum (a loop: this runs every 15 s)
        for recommendation in recommendations where recommendation.replicas > stabilized {
            stabilized = recommendation.replicas
        }
        return normalizedLegacy(recommendation: stabilized, current: current)
    }

    /// The legacy clamps: min replicas, max replicas and the scale-up limit `max(2 × current, 4)`.
    private func normalizedLegacy(recommendation: Int, current: Int) -> Int {
        if recommendation < minReplicas { return minReplicas }
        return Swift.min(recommendation, Swift.min(maxReplicas, Swift.max(2 * current, 4)))
    }

    private mutating func normalizeWithBehavior(
        now: Double, current: Int, proposal: Int, behavior: HPABehavior
    ) -> Int {
        let upWindow = behavior.scaleUp.stabilizationWindowSeconds
        let downWindow = behavior.scaleDown.stabilizationWindowSeconds
        var upRecommendation = proposal
        var downRecommendation = proposal
        // A record counts while strictly inside a window (`rec.timestamp.After(cutoff)` in
        // `stabilizeRecommendationWithBehaviors`): the one from exactly a window ago no longer does.
        for record in recommendations {
            if record.time > now - upWindow { upRecommendation = Swift.min(upRecommendation, record.replicas) }
            if record.time > now - downWindow { downRecommendation = Swift.max(downRecommendation, record.replicas) }
        }
        var desired = current
        if desired < upRecommendation { desired = upRecommendation }
        if desired > downRecommendation { desired = downRecommendation }
        recommendations.append((proposal, now))
        let longest = Swift.max(upWindow, downWindow)
        recommendations.removeAll { $0.time < now - longest }
        let longestPeriod = (behavior.scaleUp.policies + behavior.scaleDown.policies).map(\.periodSeconds).max() ?? 0
        scaleUpEvents.removeAll { $0.time <= now - longestPeriod }
        scaleDownEvents.removeAll { $0.time <= now - longestPeriod }

        func periodStart(_ policy: HPABehavior.Policy) -> Int {
            let since = now - policy.periodSeconds
            let up = scaleUpEvents.filter { $0.time > since }.reduce(0) { $0 + $1.change }
            let down = scaleDownEvents.filter { $0.time > since }.reduce(0) { $0 + $1.change }
            return current - up + down
        }
        if desired > current {
            let rules = behavior.scaleUp
            if rules.selectPolicy == .disabled || rules.policies.isEmpty { return current }
            let limits = rules.policies.map { policy -> Int in
                let start = periodStart(policy)
                let value = policy.boundedValue
                if policy.kind == .pods { return start + value }
                return Int((Double(start) * (1 + Double(value) / 100)).rounded(.up))
            }
            var limit = rules.selectPolicy == .min ? limits.min()! : limits.max()!
            limit = Swift.max(limit, current)
            return Swift.min(desired, Swift.min(maxReplicas, limit))
        }
        if desired < current {
            let rules = behavior.scaleDown
            if rules.selectPolicy == .disabled || rules.policies.isEmpty { return current }
            let limits = rules.policies.map { policy -> Int in
                let start = periodStart(policy)
                let value = policy.boundedValue
                return policy.kind == .pods ? start - value : Int(Double(start) * (1 - Double(value) / 100))
            }
            var limit = rules.selectPolicy == .min ? limits.max()! : limits.min()!
            limit = Swift.min(limit, current)
            return Swift.max(desired, Swift.max(minReplicas, limit))
        }
        return desired
    }
}
