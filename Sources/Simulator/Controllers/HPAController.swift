/// The HPA that KEDA creates, as a controller: every sync period it reads the metric through
/// KEDA's metrics adapter and lets ``HorizontalPodAutoscaler`` decide the replica count (1 ↔ N).
final class HPAController: Controller {
    let slot = ControllerSlot.hpa
    @exclusivity(unchecked) private var autoscaler: HorizontalPodAutoscaler
    /// The ScaledObject whose metric it reads.
    private let keda: KEDAController
    /// The last replica proposal for (usage, status replicas, spec replicas): a pure function of them.
    @exclusivity(unchecked) private var proposalMemo: (usage: Double, status: Int, spec: Int, proposal: Int)?

    init(autoscaler: HorizontalPodAutoscaler, keda: KEDAController) {
        self.autoscaler = autoscaler
        self.keda = keda
    }

    /// The metric value the HPA reads through KEDA's metrics adapter, without querying (nil: no
    /// value): the fallback while the scaler fails past its threshold, the queue length of the
    /// last successful poll with `useCachedMetrics`, else the queue now.
    private func usage(_ readings: ControllerReadings) -> Double? {
        let trigger = keda.trigger
        if let fallback = keda.scaler.fallbackReplicas { return trigger.targetValue * Double(fallback) }
        if trigger.useCachedMetrics { return Double(keda.scaler.cachedQueueLength) }
        if autoscaler.isScalingDisabled(specReplicas: readings.specReplicas) { return nil }   // no query at all
        return Double(keda.queueLength(readings))
    }

    func tick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> Double {
        let now = engine.now
        var usage = usage(system.readings())
        if keda.scaler.fallbackReplicas == nil && !keda.trigger.useCachedMetrics && usage != nil {
            let live = keda.queryQueueLength(at: now, in: &system)   // a live query: it can fail or see messages expire
            keda.recordMetricQuery(succeeded: live != nil)
            usage = live.map(Double.init)
        }
        let status = system.cluster.activePods.count
        let before = system.cluster.specReplicas
        if let decision = autoscaler.sync(now: now, specReplicas: before, statusReplicas: status, usage: usage) {
            if system.keepDecisions {
                system.log(.hpa, at: now, rule: decision.rule.text,
                           inputs: "usage=\(usage.map { KEDAScaler.format($0) } ?? "error") status=\(status)",
                           from: before, to: decision.replicas)
            }
            system.setSpecReplicas(decision.replicas, engine: &engine)
        }
        return inPlace { $0.earliestActionSeconds(now: now) }
    }

    /// Runs `body` on the autoscaler where it is stored: a method called on the stored value
    /// copied it whole first (its arrays retained), since a class's property could change
    /// during the call.
    @inline(__always)
    private func inPlace<Result>(_ body: (inout HorizontalPodAutoscaler) -> Result) -> Result { body(&autoscaler) }

    /// A sync reads the metric only through its replica proposal (the last one is kept: the check
    /// runs after every event, and the queue length seldom moves between them), and its decisions
    /// read a proposal only through max(proposal, minReplicas): both normalisation paths clamp at
    /// the minimum and their windows take maxima and minima, with the replica count in [min, max]
    /// (outside it a sync ignores the proposal). So a proposal moving below the minimum (a queue
    /// emptying: 1 → 0) wakes nothing — unless messages have a TTL: then a sync's query also drops
    /// expired messages, and the HPA must wake when the queue fills (it does not sleep while
    /// messages wait).
    func inputs(_ readings: ControllerReadings) -> ControllerInputs {
        let status = readings.activePods
        let spec = readings.specReplicas
        guard let usage = usage(readings) else { return ControllerInputs(first: status, second: spec, third: -1) }
        if let memo = proposalMemo, memo.usage == usage, memo.status == status, memo.spec == spec {
            return ControllerInputs(first: status, second: spec, third: memo.proposal)
        }
        let floor = readings.dropsExpiredMessages ? Int.min : autoscaler.minReplicas
        let proposed = inPlace { $0.proposal(usage: usage, statusReplicas: status, specReplicas: spec) }
        let proposal = Swift.max(proposed, floor)
        proposalMemo = (usage, status, spec, proposal)
        return ControllerInputs(first: status, second: spec, third: proposal)
    }

    /// The HPA reads the queue through KEDA: the same rule.
    func inputsQuietUntil(at now: Double, in system: inout ServingSystem) -> Double? {
        keda.inputsQuietUntil(at: now, in: &system)
    }

    var tickMayChangeOthers: Bool { true }

    func resume(lastSkippedTick: Double?, in system: inout ServingSystem) {
        if let lastSkippedTick { autoscaler.replaySkippedSync(at: lastSkippedTick) }
    }

    /// KEDA scaled the target to zero: every sync until it comes back only forgets the last
    /// proposal. Do that now and sleep on, without a wake-up, until the inputs change.
    func sleepsOnAfterWaking(in system: inout ServingSystem) -> Bool {
        guard autoscaler.isScalingDisabled(specReplicas: system.cluster.specReplicas) else { return false }
        autoscaler.forgetLastProposal()
        return true
    }
}
