/// Knative's KPA decider and scale-to-zero logic (knative/serving
/// `pkg/autoscaler/scaling/autoscaler.go`, `pkg/reconciler/autoscaling/kpa/scaler.go`;
/// scaling-semantics.md §5.2–5.3), ticking every 2 s.
///
/// The observed concurrency is the number of requests in the system (buffered in the activator
/// or in a pod), averaged exactly over the stable (60 s) and panic (6 s) windows from the
/// integral of that count.
struct KnativeAutoscaler {
    let configuration: KnativeConfiguration
    /// Samples of ∫ concurrency dt at past ticks, oldest first.
    private var integralHistory: [(time: Double, integral: Double)] = []
    /// Index of the oldest point still kept: an array with a moving start rather than a deque,
    /// whose indexing cost showed in this hot loop (compacted now and then).
    private var oldest = 0
    private var panicSince: Double?
    private var maxPanicPods = 0
    /// First tick at which the decider wanted 0 while replicas were above 0.
    private(set) var inactiveSince: Double?
    /// When replicas last went from 0 to above 0.
    private var activeSince: Double?
    /// Since when the activator has been in the request path (the SKS in proxy mode), as of the
    /// last tick; `nil` while the revision serves without it.
    private var proxySince: Double?

    /// ``KnativeConfiguration/panicWindowSeconds``, computed once rather than at every tick.
    private let panicWindowSeconds: Double

    init(configuration: KnativeConfiguration) {
        self.configuration = configuration
        panicWindowSeconds = configuration.panicWindowSeconds
    }

    /// The replica count the KPA wants at `now`, or nil for no change, with the rule.
    /// `compact: false` keeps the history's old points in place, so that ``restore(_:)`` can take
    /// the tick back (dropping them changes no result, only memory).
    mutating func tick(
        now: Double, integral: Double, readyPods: Int, currentReplicas: Int, compact: Bool = true
    ) -> (replicas: Int, rule: Rule)? {
        recordIntegral(at: now, integral: integral)
        let stable = configuration.stableWindowSeconds
        // Keep the newest point at or before the stable window's start: the window interpolates from it.
        while integralHistory.count - oldest > 1, integralHistory[oldest + 1].time <= now - stable { oldest += 1 }
        if compact && oldest >= 256 && oldest * 2 >= integralHistory.count {
            integralHistory.removeFirst(oldest)
            oldest = 0
        }
        if currentReplicas > 0 && activeSince == nil { activeSince = now }
        if currentReplicas == 0 { activeSince = nil }

        let stableAverage = average(over: stable, now: now, integral: integral, startNearOldest: true)
        let panicAverage = average(over: panicWindowSeconds, now: now, integral: integral, startNearOldest: false)
        let ready = Double(Swift.max(1, readyPods))
        let target = configuration.targetConcurrency
        let maxUp = (configuration.maxScaleUpRate * ready).rounded(.up)
        let maxDown = (ready / configuration.maxScaleDownRate).rounded(.down)
        let floor = readyPods > 0 ? maxDown : 0
        let stableDesired = Int(Swift.min(Swift.max((stableAverage / target).rounded(.up), floor), maxUp))
        let panicPods = (panicAverage / target).rounded(.up)
        let panicDesired = Int(Swift.min(Swift.max(panicPods, floor), maxUp))
        if panicPods / ready >= configuration.panicThresholdPercentage / 100 {
            panicSince = now
        } else if let since = panicSince, since + stable < now {
            panicSince = nil
            maxPanicPods = 0
        }
        sawNoConcurrency = stableAverage == 0 && panicAverage == 0
        var desired = stableDesired
        if panicSince != nil {
            desired = Swift.max(desired, panicDesired)
            maxPanicPods = Swift.max(maxPanicPods, desired)
            desired = maxPanicPods
        }
        desired = Swift.max(desired, configuration.minScale)
        if configuration.maxScale > 0 { desired = Swift.min(desired, configuration.maxScale) }

        let decision = decide(
            now: now, desired: desired, currentReplicas: currentReplicas, stableAverage: stableAverage,
            panic: panicSince != nil)
        // An inactive revision is wanted at 0 (the scaler returns the decider's 0 while it waits).
        let want = inactiveSince != nil ? 0 : decision?.replicas ?? currentReplicas
        noteActivatorPath(at: now, wantReplicas: want, readyPods: readyPods, panicAverage: panicAverage)
        return decision
    }

    private mutating func decide(
        now: Double, desired: Int, currentReplicas: Int, stableAverage: Double, panic: Bool
    ) -> (replicas: Int, rule: Rule)? {
        if desired > 0 || currentReplicas == 0 {
            inactiveSince = nil
            guard desired != currentReplicas else { return nil }
            let target = configuration.targetConcurrency
            return (desired, .concurrency(stableAverage: stableAverage, target: target, panic: panic))
        }
        // desired == 0 with pods running: stay active for a stable window, then go inactive and
        // scale to zero (kpa/scaler.go `handleScaleToZero`) once inactive for the grace period (and
        // the pod retention period) — or, by the fast path, once inactive for the retention period
        // and a reconcile if the activator has been in the request path for the grace period.
        if let since = activeSince, now - since < configuration.stableWindowSeconds {
            return currentReplicas == 1 ? nil : (1, .keepOnePod)
        }
        if inactiveSince == nil { inactiveSince = now }
        let wait = Swift.max(configuration.scaleToZeroGracePeriodSeconds, configuration.podRetentionSeconds)
        if now - inactiveSince! >= wait {
            return (0, .scaleToZero(waitSeconds: wait))
        }
        if let fastPath = fastPathSeconds(), now >= fastPath {
            return (0, .scaleToZeroFastPath(inPathSeconds: now - proxySince!))
        }
        return currentReplicas == 1 ? nil : (1, .oneWhileWaiting)
    }

    /// When an inactive revision may go to zero by the fast path: a reconcile (and the pod
    /// retention period) after it went inactive, once the activator has been in the path for the
    /// grace period; `nil` if not inactive or the activator is not in the path.
    private func fastPathSeconds() -> Double? {
        guard let inactiveSince, let proxySince else { return nil }
        let reconciled = inactiveSince
            + Swift.max(configuration.podRetentionSeconds, KnativeConfiguration.inactiveReconcileDelaySeconds)
        return Swift.max(reconciled, proxySince + configuration.scaleToZeroGracePeriodSeconds)
    }

    /// Records whether the activator is in the request path after this tick (kpa.go: the SKS
    /// serves directly only when the revision is wanted and has excess burst capacity ≥ 0;
    /// autoscaler.go: excess = ⌊ready × per-pod capacity − target burst capacity − panic
    /// concurrency⌋, always in the path with a capacity of -1).
    private mutating func noteActivatorPath(at now: Double, wantReplicas: Int, readyPods: Int, panicAverage: Double) {
        let burst = configuration.targetBurstCapacity
        let excess: Double = burst == 0 ? 0 : burst < 0 ? -1
            : (Double(readyPods) * configuration.totalConcurrencyPerPod - burst - panicAverage).rounded(.down)
        if wantReplicas > 0 && excess >= 0 {
            proxySince = nil
        } else if proxySince == nil {
            proxySince = now
        }
    }

    /// Why a tick scaled; its text is built only for the decision log.
    enum Rule {
        case concurrency(stableAverage: Double, target: Double, panic: Bool)
        case keepOnePod
        case scaleToZero(waitSeconds: Double)
        case scaleToZeroFastPath(inPathSeconds: Double)
        case oneWhileWaiting

        var text: String {
            switch self {
            case .concurrency(let stableAverage, let target, let panic):
                let average = KEDAScaler.format((stableAverage * 100).rounded() / 100)
                let rule = "stable concurrency \(average) / target \(KEDAScaler.format(target))"
                return panic ? "panic mode: " + rule : rule
            case .keepOnePod: return "keep 1 pod: active for less than the stable window"
            case .scaleToZero(let wait):
                return "scale to zero: no concurrency for the stable window, then grace \(KEDAScaler.format(wait)) s"
            case .scaleToZeroFastPath(let inPath):
                return "scale to zero (fast path): no concurrency for the stable window, "
                    + "activator in the request path for \(KEDAScaler.format(inPath.rounded())) s"
            case .oneWhileWaiting: return "scale down to 1 while waiting for the scale-to-zero grace period"
            }
        }
    }

    /// True while the decider wants zero pods but is waiting (the "cooldown tail").
    var isWaitingToScaleToZero: Bool { inactiveSince != nil }

    /// The last tick found no concurrency in either window.
    private(set) var sawNoConcurrency = false

    /// Everything a tick changes, to take a tick back (a tick run ahead of its event that turns
    /// out to scale, ``KnativeController``): the history only
    /// grows by a tick, and `compact: false` keeps its start in place.
    struct Checkpoint: Equatable {
        fileprivate var historyCount: Int
        fileprivate var oldest: Int
        fileprivate var panicSince: Double?
        fileprivate var maxPanicPods: Int
        fileprivate var inactiveSince: Double?
        fileprivate var activeSince: Double?
        fileprivate var proxySince: Double?
        fileprivate var sawNoConcurrency: Bool
    }

    func checkpoint() -> Checkpoint {
        Checkpoint(
            historyCount: integralHistory.count, oldest: oldest, panicSince: panicSince, maxPanicPods: maxPanicPods,
            inactiveSince: inactiveSince, activeSince: activeSince, proxySince: proxySince,
            sawNoConcurrency: sawNoConcurrency)
    }

    /// Takes back the ticks since `checkpoint` (which were all made with `compact: false`).
    mutating func restore(_ checkpoint: Checkpoint) {
        integralHistory.removeLast(integralHistory.count - checkpoint.historyCount)
        oldest = checkpoint.oldest
        panicSince = checkpoint.panicSince
        maxPanicPods = checkpoint.maxPanicPods
        inactiveSince = checkpoint.inactiveSince
        activeSince = checkpoint.activeSince
        proxySince = checkpoint.proxySince
        sawNoConcurrency = checkpoint.sawNoConcurrency
    }

    /// After a tick that changed nothing, with no request in the system: the earliest time a tick
    /// could act. With no concurrency in either window the averages stay exactly 0, so only the
    /// timers move — the end of the panic, of the first stable window, of the scale-to-zero wait.
    /// While the windows still hold concurrency the averages move every tick (returns `now`).
    func earliestActionSeconds(now: Double) -> Double {
        guard sawNoConcurrency else { return now }
        var earliest = Double.infinity
        func consider(_ time: Double) { if time >= now { earliest = Swift.min(earliest, time) } }
        if let panicSince { consider(panicSince + configuration.stableWindowSeconds) }
        if let activeSince { consider(activeSince + configuration.stableWindowSeconds) }
        if let inactiveSince {
            let wait = Swift.max(configuration.scaleToZeroGracePeriodSeconds, configuration.podRetentionSeconds)
            consider(inactiveSince + wait)
        }
        if let fastPath = fastPathSeconds() { consider(fastPath) }
        return earliest
    }

    /// Records the concurrency integral a tick at `time` reads (for skipped ticks too: the
    /// windows interpolate between recorded ticks).
    mutating func recordIntegral(at time: Double, integral: Double) {
        integralHistory.append((time, integral))
    }

    /// The average over `window` seconds ending at `now`. The integral at the window's start is
    /// interpolated between the recorded ticks around it, found by a scan from the end nearer to
    /// it: the stable window starts at the oldest point kept, the panic window a few ticks back
    /// (this runs twice per 2-s tick; a scan is cheaper than a binary search).
    private func average(over window: Double, now: Double, integral: Double, startNearOldest: Bool) -> Double {
        let start = now - window
        if start < 0 { return Swift.max(0, integral) / Swift.max(window, 1e-9) }
        // `low`: the first recorded point after the start.
        var low: Int
        if startNearOldest {
            low = oldest
            while low < integralHistory.count, integralHistory[low].time <= start { low += 1 }
        } else {
            low = integralHistory.count
            while low > oldest, integralHistory[low - 1].time > start { low -= 1 }
        }
        let before = low > oldest ? integralHistory[low - 1] : (time: 0.0, integral: 0.0)
        var startIntegral = before.integral
        if low < integralHistory.count, start > before.time {
            let after = integralHistory[low]
            startIntegral += (after.integral - before.integral) * (start - before.time) / (after.time - before.time)
        }
        return Swift.max(0, integral - startIntegral) / window
    }
}
