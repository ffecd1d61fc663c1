/// KEDA's scale loop for the ScaledObject as a controller: every `pollingInterval` it queries
/// the queue through the trigger and lets ``KEDAScaler`` decide activation and scale-to-zero.
final class KEDAController: Controller {
    let slot = ControllerSlot.keda
    @exclusivity(unchecked) private(set) var scaler: KEDAScaler
    let trigger: RabbitMQTrigger
    /// Periods during which the scaler cannot reach the broker.
    private let outages: [Range<Double>]

    init(configuration: KEDAConfiguration, outages: [Range<Double>], creationSeconds: Double) {
        scaler = KEDAScaler(configuration: configuration, creationSeconds: creationSeconds)
        trigger = configuration.trigger
        self.outages = outages
    }

    /// The queue length the RabbitMQ scaler reads now, or nil during a scaler outage. A query
    /// sees expired messages go.
    func queryQueueLength(at now: Double, in system: inout ServingSystem) -> Int? {
        if !outages.isEmpty && outages.contains(where: { $0.contains(now) }) { return nil }
        system.dropExpiredMessages(at: now)
        return trigger.queueLength(ready: system.broker.readyQueue.count, unacknowledged: system.broker.unacknowledged)
    }

    /// The queue length the trigger sees in `readings`, without a query (no outage, no expiry).
    func queueLength(_ readings: ControllerReadings) -> Int {
        trigger.queueLength(ready: readings.readyMessages, unacknowledged: readings.unacknowledged)
    }

    /// Counts a metric query the HPA made through KEDA's metrics adapter.
    func recordMetricQuery(succeeded: Bool) {
        scaler.recordMetricQuery(succeeded: succeeded)
    }

    func tick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> Double {
        let now = engine.now
        let queue = queryQueueLength(at: now, in: &system)
        let before = system.cluster.specReplicas
        if let decision = scaler.poll(now: now, queueLength: queue, currentReplicas: before),
           decision.replicas != before {
            if system.keepDecisions {
                system.log(.keda, at: now, rule: decision.rule.text,
                           inputs: "queue=\(queue.map(String.init) ?? "error") replicas=\(before)",
                           from: before, to: decision.replicas)
            }
            system.setSpecReplicas(decision.replicas, engine: &engine)
        }
        let replicas = system.cluster.specReplicas
        system.cluster.setWaitingToScaleIn(
            scaler.lastPollInactive && replicas > scaler.configuration.minReplicaCount, at: now)
        return scaler.earliestActionSeconds(currentReplicas: replicas)
    }

    /// A poll's decision reads the queue only through "active or not"; the exact length matters
    /// when the HPA reads KEDA's cached value of it.
    func inputs(_ readings: ControllerReadings) -> ControllerInputs {
        let queue = queueLength(readings)
        let read = trigger.useCachedMetrics ? queue : (trigger.isActive(queueLength: queue) ? 1 : 0)
        return ControllerInputs(first: read, second: readings.specReplicas)
    }

    /// A poll's own scaling leaves what the next poll does predictable as long as the trigger's
    /// activity did not change with it (``KEDAScaler/earliestActionSeconds(currentReplicas:)``).
    func isPredictable(before: ControllerInputs, after: ControllerInputs) -> Bool { after.first == before.first }

    /// A scaler outage makes every query fail while it lasts and starts on its own; with a
    /// message TTL the queue shrinks as messages expire.
    func inputsQuietUntil(at now: Double, in system: inout ServingSystem) -> Double? {
        if system.scenario.dropExpiredMessages && !system.broker.readyQueue.isEmpty { return nil }
        guard !outages.isEmpty else { return .infinity }
        if outages.contains(where: { $0.contains(now) }) { return nil }
        return outages.map(\.lowerBound).filter { $0 > now }.min() ?? .infinity
    }

    var tickMayChangeOthers: Bool { true }

    func resume(lastSkippedTick: Double?, in system: inout ServingSystem) {
        if let lastSkippedTick { scaler.refreshActivity(at: lastSkippedTick) }
    }
}
