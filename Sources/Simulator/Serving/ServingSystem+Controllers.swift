/// The controllers' timers, and the ticks they may sleep through (see ``ControllerTimer`` and
/// ``Controller``).
///
/// A tick that changed nothing parks its timer until the earliest time its controller says a
/// tick with the same inputs could act; after every event, a parked controller whose inputs
/// changed wakes at its next grid tick. Skipped ticks leave only state that can be written when
/// the next tick runs (KEDA's `lastActiveTime`, the HPA's newest recommendation, Knative's
/// integral history), so the decisions are those of a run that fires every tick.
extension ServingSystem {
    /// Rank of the event that ends a run at its drain deadline: after everything at that instant.
    static var drainDeadlineRank: UInt8 { UInt8.max }

    /// Sets up the autoscaled option's controllers and schedules their first ticks: the node
    /// provisioner's first nodes, the pod autoscaler (initial replicas, its timers), then the
    /// provisioner's timer.
    mutating func configureAutoscaling(_ deployment: AutoscaledDeployment, engine: inout Engine<Event>) {
        let shared = Shared(deployment)
        autoscaled = shared
        let provisioner = AutoscaledDeployment.makeNodeProvisioner(for: shared)
        self.provisioner = provisioner
        provisioner.addInitialNodes(in: &self, engine: &engine)
        let podAutoscaler = deployment.makePodAutoscaler(creationSeconds: engine.now)
        self.podAutoscaler = podAutoscaler
        podAutoscaler.start(in: &self, engine: &engine)
        provisioner.start(in: &self, engine: &engine)
    }

    // MARK: Scheduling

    /// Adds `controller` and starts its timer with its first tick at its phase
    /// (``ControllerPhases``): `phase` if set, else the one drawn for this replication. The
    /// controllers exist before the traffic: a first tick at the start of the run comes before a
    /// request arriving then (rank 0, scheduled before the first arrival).
    mutating func startTimer(
        of controller: any Controller, period: Double, phase: Double?, engine: inout Engine<Event>
    ) {
        let slot = controller.slot
        precondition(controllers[slot.index] == nil, "one controller per slot")
        controllers[slot.index] = controller
        unownedControllers[slot.index] = UnownedController(controller)
        let firstTickSeconds = engine.now + controllerPhases.firstTickSeconds(of: slot, period: period, pinned: phase)
        timers[slot.index] = ControllerTimer(period: period, firstTickSeconds: firstTickSeconds)
        let generation = timers[slot.index]!.arm(parked: false)
        let rank = firstTickSeconds == engine.now ? 0 : slot.rawValue
        engine.schedule(.controllerTick(slot, generation: generation), at: firstTickSeconds, rank: rank)
    }

    /// Runs a tick of the controller in `slot` if `generation` is its current one, then schedules
    /// or parks the next. Returns whether the tick may have changed what other controllers read or
    /// the timeline shows: the replica count, the cluster (``Cluster/revision``), or more
    /// (``Controller/tickMayChangeOthers``).
    mutating func tick(_ slot: ControllerSlot, generation: UInt32, engine: inout Engine<Event>) -> Bool {
        guard let timer = timers[slot.index], timer.isCurrent(generation),
              let controller = unownedControllers[slot.index] else { return false }
        let now = engine.now
        let (specBefore, revisionBefore) = (cluster.specReplicas, cluster.revision)
        if timer.isParked { unpark(controller, slot: slot, nextTickSeconds: now) }
        timers[slot.index]!.ticked(at: now)
        let outcome = controller.with { $0.runTick(in: &self, engine: &engine) }
        scheduleNextTick(of: slot, quietUntil: outcome.quietUntil, inputs: outcome.inputs, engine: &engine)
        return outcome.mayChangeOthers || cluster.specReplicas != specBefore
            || cluster.revision != revisionBefore
    }

    /// Schedules the next grid tick, or parks the timer when the controller cannot act before
    /// `quietUntil` with the same inputs (nil: it may act at any tick).
    private mutating func scheduleNextTick(
        of slot: ControllerSlot, quietUntil: Double?, inputs: ControllerInputs, engine: inout Engine<Event>
    ) {
        let index = slot.index
        let next = timers[index]!.nextTickSeconds
        guard skipQuietTicks, let quietUntil, quietUntil >= next else {
            let generation = timers[index]!.arm(parked: false)
            engine.schedule(.controllerTick(slot, generation: generation), at: next, rank: slot.rawValue)
            return
        }
        let generation = timers[index]!.arm(parked: true)
        parkedInputs[index] = inputs
        parkedCount += 1
        if quietUntil.isFinite {
            let wake = timers[index]!.tick(atOrAfter: quietUntil)
            engine.schedule(.controllerTick(slot, generation: generation), at: wake, rank: slot.rawValue)
        }
    }

    /// Ends a parked stretch whose next tick runs at `nextTickSeconds`: the controller writes what
    /// the skipped ticks would have left behind. While parked, its inputs were those it parked with.
    private mutating func unpark(_ controller: UnownedController, slot: ControllerSlot, nextTickSeconds: Double) {
        parkedCount -= 1
        let skipped = timers[slot.index]!.lastSkippedTick(before: nextTickSeconds)
        controller.with { $0.resume(lastSkippedTick: skipped, in: &self) }
    }

    /// After an event of `rank`: wakes every parked controller whose inputs changed, at its first
    /// grid tick at or after now — after now if its tick at this instant came before the event or
    /// already ran.
    mutating func wakeParkedControllers(afterEventOfRank rank: UInt8, engine: inout Engine<Event>) {
        let now = engine.now
        let readings = readings()
        for index in timers.indices {
            guard let timer = timers[index], timer.isParked, let controller = unownedControllers[index],
                  controller.with({ $0.inputs(readings) }) != parkedInputs[index] else { continue }
            let slot = controller.with { $0.slot }
            var next = Swift.max(timer.tick(atOrAfter: now), timer.nextTickSeconds)
            if next == now && slot.rawValue <= rank { next = timer.tick(atOrAfter: now + timer.period / 2) }
            unpark(controller, slot: slot, nextTickSeconds: next)
            if controller.with({ $0.sleepsOnAfterWaking(in: &self) }) {
                parkedInputs[index] = controller.with { $0.inputs(self.readings()) }
                parkedCount += 1
                _ = timers[index]!.arm(parked: true)
                continue
            }
            let generation = timers[index]!.arm(parked: false)
            engine.schedule(.controllerTick(slot, generation: generation), at: next, rank: slot.rawValue)
        }
    }

    /// What the controllers' inputs may read of the broker and the cluster now.
    mutating func readings() -> ControllerReadings {
        #if DEBUG
        cluster.checkRevisionTracksInputs()
        #endif
        return ControllerReadings(
            readyMessages: broker.readyQueue.count, unacknowledged: broker.unacknowledged, inSystem: broker.inSystem,
            specReplicas: cluster.specReplicas, activePods: cluster.activePods.count, readyPods: cluster.readyPodCount,
            clusterRevision: cluster.revision, dropsExpiredMessages: scenario.dropExpiredMessages)
    }

    /// Restarts the grid of the controller in `slot` at now without a tick now: its next tick
    /// comes a period later (Karpenter's disruption loop after a command that did nothing).
    mutating func restartGrid(of slot: ControllerSlot, engine: inout Engine<Event>) {
        guard let timer = timers[slot.index], let controller = unownedControllers[slot.index] else { return }
        let now = engine.now
        if timer.isParked { unpark(controller, slot: slot, nextTickSeconds: now + timer.period) }
        timers[slot.index]!.reanchor(at: now)
        timers[slot.index]!.ticked(at: now)
        let generation = timers[slot.index]!.arm(parked: false)
        engine.schedule(.controllerTick(slot, generation: generation), at: now + timer.period, rank: slot.rawValue)
    }

    /// Runs the controller in `slot` now and restarts its grid here (the cluster autoscaler's
    /// loop on a new unschedulable pod): its next periodic tick comes a period after this one.
    mutating func runNow(_ slot: ControllerSlot, engine: inout Engine<Event>) {
        guard let timer = timers[slot.index], let controller = unownedControllers[slot.index] else { return }
        if timer.isParked { unpark(controller, slot: slot, nextTickSeconds: engine.now) }
        timers[slot.index]!.reanchor(at: engine.now)
        let generation = timers[slot.index]!.arm(parked: false)
        engine.schedule(.controllerTick(slot, generation: generation), at: engine.now, rank: slot.rawValue)
    }
}
