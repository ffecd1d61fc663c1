/// Where each controller's tick grid starts relative to the traffic: the time of its first tick.
///
/// Real controllers start their timers when they start or first see their object, not when the
/// traffic a run replays starts: KEDA polls a ScaledObject as soon as it reconciles it and then
/// every `pollingInterval`, the HPA controller syncs each HPA a sync period after it was added and
/// every period after, the cluster autoscaler loops every scan interval from its start, Knative's
/// decider ticks every 2 s from its creation. Relative to the requests their phases are arbitrary.
/// Starting every grid with the traffic would bias each run: a first request at t = 0 arrives just
/// after the first poll and waits a whole interval. So a controller's first tick is drawn
/// uniformly in [0, period) unless a setting pins it, from the replication's own random stream
/// (``RandomStream/controllerPhases``): the same seed gives the same phases, and one draw per
/// controller whether or not the option runs it, so options simulated with the same seed share
/// them (common random numbers).
struct ControllerPhases {
    /// Per ``ControllerSlot``: its phase as a fraction of its period, in [0, 1).
    private var fractions = InlineArray<5, Double>(repeating: 0)

    init(seed: UInt64, replication: Int) {
        var random = RandomStream.controllerPhases.generator(seed: seed, replication: replication)
        for index in fractions.indices { fractions[index] = random.nextUnitInterval() }
        precondition(fractions.count == ControllerSlot.allCases.count, "one phase per controller")
    }

    /// The first tick of the controller in `slot` ticking every `period` seconds: `pinned` if set,
    /// else its drawn phase.
    func firstTickSeconds(of slot: ControllerSlot, period: Double, pinned: Double?) -> Double {
        pinned ?? fractions[slot.index] * period
    }

    /// Whether `phase` can pin a first tick: unset, or a finite time ≥ 0.
    static func isValid(_ phase: Double?) -> Bool {
        phase.map { $0 >= 0 && $0.isFinite } ?? true
    }
}
