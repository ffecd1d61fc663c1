/// One controller's periodic timer: ticks on the grid `anchor + k × period` (seconds), and may
/// sleep through ticks that provably change nothing.
///
/// A controller tick reads a few inputs (queue length, replica counts, pods and nodes) and the
/// clock. When a tick changed nothing and its controller can name the earliest time at which a
/// tick with the same inputs could act (e.g. the end of KEDA's cooldown), the timer is *parked*:
/// its next event is the first grid tick at or after that time (none if there is no such time),
/// and any event that changes the controller's inputs brings it back to its next grid tick.
/// The skipped ticks would have read the same inputs and decided nothing, so a run with parked
/// timers makes exactly the decisions of a run that fires every tick — a test checks this on
/// whole runs (`QuietTickTests`). Like swift-nio's scheduled tasks, a timer is cancelled by
/// bumping its generation: events of older generations are ignored when they fire.
struct ControllerTimer {
    /// Seconds between ticks.
    let period: Double
    /// A time on the grid (the loop's first tick, or the last immediate cluster-autoscaler loop).
    private(set) var anchorSeconds: Double
    /// Identifies the one scheduled event of this timer that counts.
    private(set) var generation: UInt32 = 0
    /// The time of the last tick that ran.
    private(set) var lastTickSeconds: Double
    /// Parked: ticks between `lastTickSeconds` and the scheduled wake are skipped.
    private(set) var isParked = false

    init(period: Double, firstTickSeconds: Double) {
        self.period = period
        self.anchorSeconds = firstTickSeconds
        self.lastTickSeconds = firstTickSeconds - period
    }

    /// The number of periods from the anchor to the first grid tick at or after `time`: a whole
    /// number ≥ 0, kept as a `Double` (no integer conversion that a huge time could overflow).
    /// The quotient can miss by one either way (a tick `anchor + 47 × 10` divides back to
    /// 47.000…01 when the anchor is not a whole number): the grid value itself decides.
    @inline(__always)
    private func periods(atOrAfter time: Double) -> Double {
        let periods = Swift.max(0, ((time - anchorSeconds) / period).rounded(.up))
        if anchorSeconds + periods * period < time { return periods + 1 }
        return periods > 0 && anchorSeconds + (periods - 1) * period >= time ? periods - 1 : periods
    }

    /// The first grid tick at or after `time`.
    func tick(atOrAfter time: Double) -> Double { anchorSeconds + periods(atOrAfter: time) * period }

    /// The grid tick after the last one that ran.
    var nextTickSeconds: Double { tick(atOrAfter: lastTickSeconds + period / 2) }

    /// The last grid tick strictly before `time` that a parked timer skipped, if any (computed
    /// on the grid like every tick, not as a tick minus a period, which can differ in the last bit).
    func lastSkippedTick(before time: Double) -> Double? {
        let skipped = anchorSeconds + (periods(atOrAfter: time) - 1) * period
        return skipped > lastTickSeconds + period / 2 ? skipped : nil
    }

    /// Records that a tick runs at `now`.
    mutating func ticked(at now: Double) {
        lastTickSeconds = now
    }

    /// Restarts the grid at `now` (an immediate loop: the next periodic one is a period later).
    mutating func reanchor(at now: Double) {
        anchorSeconds = now
    }

    /// Starts a new generation for the event about to be scheduled (parked or not); returns it.
    mutating func arm(parked: Bool) -> UInt32 {
        generation &+= 1
        isParked = parked
        return generation
    }

    /// Whether an event of `generation` is the current one.
    func isCurrent(_ generation: UInt32) -> Bool { generation == self.generation }
}
