/// Knative's KPA as the deployment's pod autoscaler and its one controller: the decider ticks
/// every 2 s on the concurrency in the system (``KnativeAutoscaler``), and the activator pokes it
/// when a request arrives at zero.
final class KnativeController: Controller, PodAutoscaler {
    let slot = ControllerSlot.knative
    private let configuration: KnativeConfiguration
    @exclusivity(unchecked) private var autoscaler: KnativeAutoscaler
    /// The timer is parked over ticks that already ran (``runTicksAhead(after:before:in:)``).
    @exclusivity(unchecked) private var ticksRanAhead = false

    init(configuration: KnativeConfiguration) {
        self.configuration = configuration
        autoscaler = KnativeAutoscaler(configuration: configuration)
    }

    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        let initial = Swift.max(configuration.minScale, configuration.initialScale)
        if initial > 0 { system.setSpecReplicas(initial, engine: &engine) }
        system.startTimer(
            of: self, period: configuration.tickSeconds, phase: configuration.phaseSeconds, engine: &engine)
    }

    /// The activator buffers a request while at zero and pokes the autoscaler.
    func requestArrivedAtZero(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        if system.keepDecisions {
            system.log(.knative, at: engine.now, rule: "activator poke: request buffered at zero",
                       inputs: "inSystem=\(system.broker.inSystem)", from: system.cluster.specReplicas, to: 1)
        }
        system.setSpecReplicas(1, engine: &engine)
    }

    /// One decider tick; returns the earliest time a tick as an event could act: with nothing in
    /// the system and no concurrency left in its windows, the end of one of its waits; otherwise
    /// the first tick that could not run ahead.
    func tick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> Double {
        // Ticks that ran ahead park the timer, and waking it clears the flag.
        assert(!ticksRanAhead, "ticks ran ahead of a timer that did not park")
        let replicasBefore = system.cluster.specReplicas
        decide(in: &system, engine: &engine)
        // With nothing in the system and no concurrency left in the windows, only the decider's
        // timers move; otherwise the ticks before the next event can run now.
        if system.broker.inSystem == 0 && autoscaler.sawNoConcurrency {
            return autoscaler.earliestActionSeconds(now: engine.now)
        }
        guard system.skipQuietTicks, system.cluster.specReplicas == replicasBefore,
              let nextEvent = engine.nextEventSeconds else { return engine.now }
        return runTicksAhead(after: engine.now, before: nextEvent, in: &system)
    }

    private func decide(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        let now = engine.now
        let before = system.cluster.specReplicas
        if let decision = autoscaler.tick(
            now: now, integral: system.requestSecondsInSystem(at: now), readyPods: system.cluster.readyPodCount,
            currentReplicas: before) {
            var target = decision.replicas
            if target == 0 && system.broker.inSystem > 0 { target = 1 }           // the activator still holds requests
            if target != before {
                if system.keepDecisions {
                    system.log(.knative, at: now, rule: decision.rule.text,
                               inputs: "inSystem=\(system.broker.inSystem) ready=\(system.cluster.readyPodCount)",
                               from: before, to: target)
                }
                system.setSpecReplicas(target, engine: &engine)
            }
        }
        system.cluster.setWaitingToScaleIn(autoscaler.isWaitingToScaleToZero, at: now)
    }

    /// Knative ticks every 2 s and its averages move at every tick, but until the next pending
    /// event (`nextEventSeconds`) nothing else can happen: its inputs stay as they are, and the
    /// concurrency integral grows linearly. The ticks due before that event run at once instead
    /// of as events, as long as each changes nothing the rest of the system sees (no scaling, no
    /// change of the cooldown-tail flag) and, with nothing in the system, the windows still hold
    /// concurrency (then the no-concurrency park takes over). Returns the first tick that must
    /// run as an event, for the timer to park until (`now` when no tick ran ahead). The decider
    /// sees exactly the ticks of a run that fires every one, each with the inputs of its time.
    private func runTicksAhead(after now: Double, before nextEventSeconds: Double, in system: inout ServingSystem)
        -> Double {
        guard let timer = system.timers[slot.index] else { return now }
        var time = timer.nextTickSeconds
        var ranAhead = false
        while time < nextEventSeconds {
            let before = autoscaler.checkpoint()
            let decision = autoscaler.tick(
                now: time, integral: system.requestSecondsInSystem(at: time), readyPods: system.cluster.readyPodCount,
                currentReplicas: system.cluster.specReplicas, compact: false)
            if decision != nil || autoscaler.isWaitingToScaleToZero != system.cluster.waitingToScaleIn
                || (system.broker.inSystem == 0 && autoscaler.sawNoConcurrency) {
                autoscaler.restore(before)           // this tick runs as an event
                break
            }
            ranAhead = true
            time = timer.tick(atOrAfter: time + timer.period / 2)
        }
        ticksRanAhead = ranAhead          // the tick parks its timer until `time` (its inputs did not change)
        return ranAhead ? time : now
    }

    func inputs(_ readings: ControllerReadings) -> ControllerInputs {
        ControllerInputs(first: readings.inSystem, second: readings.specReplicas, third: readings.readyPods)
    }

    func resume(lastSkippedTick: Double?, in system: inout ServingSystem) {
        if ticksRanAhead {
            ticksRanAhead = false          // the skipped ticks already ran
            return
        }
        // Parked only with nothing in the system: the integral stood still.
        if let lastSkippedTick {
            autoscaler.recordIntegral(at: lastSkippedTick, integral: system.statistics.requestSecondsInSystem)
        }
    }
}
