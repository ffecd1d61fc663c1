/// A control loop of the serving model (KEDA, the HPA, Knative's KPA, a node provisioner): it
/// ticks on its own timer (``ControllerTimer``), reads part of the cluster and the broker, and
/// changes the replica count or the nodes through the serving model.
///
/// Between ticks the serving model may let its timer sleep (*park*): after a tick that changed
/// nothing, until the earliest time the controller says a tick with the same ``inputs(_:)``
/// could act, or until its inputs change. The skipped ticks are then replayed in what they leave
/// behind (``resume(lastSkippedTick:in:)``), so the decisions are those of a run that fires
/// every tick — `QuietTickTests` check this on whole runs.
///
/// The implementations mark their state `@exclusivity(unchecked)`: a run is single-threaded and
/// no call re-enters the controller whose state it is changing, and the dynamic checks of every
/// access (the inputs are read after every event) showed in profiles.
protocol Controller: AnyObject {
    /// Its rank among ticks and its phase draw.
    var slot: ControllerSlot { get }

    /// What a tick reads now, as far as its decision depends on it, from `readings` and its own
    /// state. Called after every event while the timer is parked: keep it cheap. It changes
    /// nothing the decisions see.
    func inputs(_ readings: ControllerReadings) -> ControllerInputs

    /// One tick at `engine.now`: decides, applies the decision through `system`, logs it. Returns
    /// the earliest time a tick with the same inputs could act (infinity: only new inputs can).
    func tick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> Double

    /// Whether the next tick's decision is predictable after a tick that read `before` and left
    /// `after` (by default: the inputs did not change).
    func isPredictable(before: ControllerInputs, after: ControllerInputs) -> Bool

    /// Until when the inputs stay put on the clock alone, from `now` (nil: they may change at any
    /// time without an event; by default they never do).
    func inputsQuietUntil(at now: Double, in system: inout ServingSystem) -> Double?

    /// Whether a tick may change what others read beyond the replica count and the cluster (a
    /// query of the broker that drops expired messages, a scaler's state another controller reads).
    var tickMayChangeOthers: Bool { get }

    /// The timer stops sleeping; `lastSkippedTick` is the last grid tick it slept through, if any.
    /// Writes what the skipped ticks would have left behind (they read the parked inputs).
    func resume(lastSkippedTick: Double?, in system: inout ServingSystem)

    /// Called when the inputs of a parked controller changed: true if every tick until they
    /// change again would do nothing but what this call did, so the timer sleeps on.
    func sleepsOnAfterWaking(in system: inout ServingSystem) -> Bool

    /// One tick with the reads around it (implemented once, below): the inputs it leaves, until
    /// when a tick reading them cannot act (nil: any tick may), and
    /// ``tickMayChangeOthers``. A requirement, so that each controller's copy calls its own
    /// methods directly: one dynamic call per tick instead of six.
    func runTick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)
        -> (inputs: ControllerInputs, quietUntil: Double?, mayChangeOthers: Bool)
}

extension Controller {
    func isPredictable(before: ControllerInputs, after: ControllerInputs) -> Bool { before == after }
    func inputsQuietUntil(at now: Double, in system: inout ServingSystem) -> Double? { .infinity }
    var tickMayChangeOthers: Bool { false }
    func resume(lastSkippedTick: Double?, in system: inout ServingSystem) {}
    func sleepsOnAfterWaking(in system: inout ServingSystem) -> Bool { false }

    func runTick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)
        -> (inputs: ControllerInputs, quietUntil: Double?, mayChangeOthers: Bool) {
        let now = engine.now
        let before = inputs(system.readings())
        let wakeSeconds = tick(in: &system, engine: &engine)
        let after = inputs(system.readings())
        let quietUntil = isPredictable(before: before, after: after)
            ? inputsQuietUntil(at: now, in: &system).map { Swift.min($0, wakeSeconds) } : nil
        return (after, quietUntil, tickMayChangeOthers)
    }
}
