/// The controllers' timers, and the ticks they may sleep through (see ``ControllerTimer``).
///
/// A tick that changed nothing parks its timer until the earliest time its controller says a
/// tick with the same inputs could act; after every event, a parked controller whose inputs
/// changed wakes at its next grid tick. Skipped ticks leave only state that can be written when
/// the next tick runs (KEDA's `lastActiveTime`, the HPA's newest recommendation, Knative's
/// integral history), so the decisions are those of a run that fires every tick.
///
/// The input reads are `mutating` although they change nothing: called from the event handler,
/// a non-mutating method copied the whole `ServingSystem` on every call (measured: 40 % of a run).
extension ServingSystem {
    /// The controllers that tick. The raw value is the rank of their ticks among events due at
    /// the same instant: after cluster and request events (rank 0), so a controller sees the state
    /// of that instant; KEDA before the HPA it feeds; the cluster autoscaler last.
    enum Controller: UInt8, CaseIterable {
        case keda = 1, hpa, knative, clusterAutoscaler

        var index: Int { Int(rawValue) - 1 }
    }

    /// What a controller's tick reads, as far as its decision depends on it (the cluster
    /// autoscaler's node and pod lists are tracked by ``clusterRevision``).
    struct ControllerInputs: Equatable {
        var first = 0
        var second = 0
        var third = 0
    }

    /// Rank of the event that ends a run at its drain deadline: after everything at that instant.
    static var drainDeadlineRank: UInt8 { UInt8.max }

    // MARK: Scheduling

    /// Starts `controller`'s timer with its first tick at its phase (``ControllerPhases``): `phase`
    /// if set, else the one drawn for this replication. The controllers exist before the traffic:
    /// a first tick at the start of the run comes before a request arriving then (rank 0,
    /// scheduled before the first arrival).
    mutating func startTimer(_ controller: Controller, period: Double, phase: Double?, engine: inout Engine<Event>) {
        let firstTickSeconds = engine.now
            + controllerPhases.firstTickSeconds(of: controller, period: period, pinned: phase)
        timers[controller.index] = ControllerTimer(period: period, firstTickSeconds: firstTickSeconds)
        let generation = timers[controller.index]!.arm(parked: false)
        engine.schedule(.controllerTick(controller, generation: generation), at: firstTickSeconds, rank: firstTickSeconds == engine.now ? 0 : controller.rawValue)
    }

    /// Runs a tick of `controller` if `generation` is its current one, then schedules or parks the
    /// next. Returns whether the tick may have changed what other controllers read or the timeline
    /// shows: a Knative or cluster-autoscaler tick changes them only through the replica count and
    /// the cluster (``clusterRevision``); KEDA and HPA ticks also query the queue.
    mutating func tick(_ controller: Controller, generation: UInt32, engine: inout Engine<Event>) -> Bool {
        guard let timer = timers[controller.index], timer.isCurrent(generation) else { return false }
        let now = engine.now
        let (specBefore, revisionBefore) = (cluster.specReplicas, cluster.revision)
        if timer.isParked { unpark(controller, nextTickSeconds: now) }
        timers[controller.index]!.ticked(at: now)
        let before = inputs(of: controller)
        let revision = cluster.revision
        #if DEBUG
        if controller == .clusterAutoscaler { recordClusterAutoscalerInputs() }   // for the check of cluster.revision only
        #endif
        let wakeSeconds: Double = switch controller {
        case .keda: kedaPoll(engine: &engine)
        case .hpa: hpaSync(engine: &engine)
        case .knative: knativeTick(engine: &engine)
        case .clusterAutoscaler: clusterAutoscalerLoop(engine: &engine)
        }
        let after = inputs(of: controller)
        if controller == .clusterAutoscaler { parkedClusterRevision = revision }
        let predictable = switch controller {
        // A poll's own scaling leaves what the next poll does predictable as long as the trigger's
        // activity did not change with it (``KEDAScaler/earliestActionSeconds(currentReplicas:)``).
        case .keda: after.first == before.first
        case .hpa, .knative: after == before
        case .clusterAutoscaler: cluster.revision == revision
        }
        let quietUntil = predictable ? latestQuietSeconds(of: controller, at: now).map { Swift.min($0, wakeSeconds) } : nil
        scheduleNextTick(of: controller, quietUntil: quietUntil, inputs: after, engine: &engine)
        assert(!knativeTicksRanAhead || timers[Controller.knative.index]!.isParked, "Knative ticks ran ahead of a timer that did not park")
        switch controller {
        case .knative, .clusterAutoscaler: return cluster.specReplicas != specBefore || cluster.revision != revisionBefore
        case .keda, .hpa: return true
        }
    }

    /// Schedules the next grid tick, or parks the timer when the controller cannot act before
    /// `quietUntil` with the same inputs (nil: it may act at any tick).
    private mutating func scheduleNextTick(of controller: Controller, quietUntil: Double?, inputs: ControllerInputs, engine: inout Engine<Event>) {
        let index = controller.index
        let next = timers[index]!.nextTickSeconds
        guard skipQuietTicks, let quietUntil, quietUntil >= next else {
            let generation = timers[index]!.arm(parked: false)
            engine.schedule(.controllerTick(controller, generation: generation), at: next, rank: controller.rawValue)
            return
        }
        let generation = timers[index]!.arm(parked: true)
        parkedInputs[index] = inputs
        parkedCount += 1
        if quietUntil.isFinite {
            engine.schedule(.controllerTick(controller, generation: generation), at: timers[index]!.tick(atOrAfter: quietUntil), rank: controller.rawValue)
        }
    }

    /// Ends a parked stretch whose next tick runs at `nextTickSeconds`, writing what the skipped
    /// ticks would have left behind. While parked, the controller's inputs were those it parked with.
    private mutating func unpark(_ controller: Controller, nextTickSeconds: Double) {
        parkedCount -= 1
        if controller == .knative && knativeTicksRanAhead {
            knativeTicksRanAhead = false          // the skipped ticks already ran (``runKnativeTicksAhead``)
            return
        }
        guard let skipped = timers[controller.index]!.lastSkippedTick(before: nextTickSeconds) else { return }
        switch controller {
        case .keda: keda?.refreshActivity(at: skipped)
        case .hpa: hpa?.replaySkippedSync(at: skipped)
        case .knative: knative?.recordIntegral(at: skipped, integral: statistics.requestSecondsInSystem)   // parked only with nothing in the system
        case .clusterAutoscaler: break
        }
    }

    /// After an event of `rank`: wakes every parked controller whose inputs changed, at its first
    /// grid tick at or after now — after now if its tick at this instant came before the event or
    /// already ran.
    mutating func wakeParkedControllers(afterEventOfRank rank: UInt8, engine: inout Engine<Event>) {
        let now = engine.now
        for index in timers.indices {
            guard let timer = timers[index], timer.isParked, let controller = Controller(rawValue: UInt8(index + 1)) else { continue }
            let changed: Bool
            if controller == .clusterAutoscaler {
                changed = cluster.revision != parkedClusterRevision
                assert(changed || clusterAutoscalerInputsUnchanged(), "a change to the cluster autoscaler's inputs did not bump cluster.revision")
            } else {
                changed = inputs(of: controller) != parkedInputs[controller.index]
            }
            guard changed else { continue }
            var next = Swift.max(timer.tick(atOrAfter: now), timer.nextTickSeconds)
            if next == now && controller.rawValue <= rank { next = timer.tick(atOrAfter: now + timer.period / 2) }
            unpark(controller, nextTickSeconds: next)
            if controller == .hpa && hpa?.isScalingDisabled(specReplicas: cluster.specReplicas) == true {
                // KEDA scaled the target to zero: every sync until it comes back only forgets the
                // last proposal. Do that now and sleep on, without a wake-up, until the inputs change.
                hpa?.forgetLastProposal()
                parkedInputs[index] = inputs(of: .hpa)
                parkedCount += 1
                _ = timers[index]!.arm(parked: true)
                continue
            }
            let generation = timers[controller.index]!.arm(parked: false)
            engine.schedule(.controllerTick(controller, generation: generation), at: next, rank: controller.rawValue)
        }
    }

    /// Knative ticks every 2 s and its averages move at every tick, but until the next pending
    /// event (`nextEventSeconds`) nothing else can happen: its inputs stay as they are, and the
    /// concurrency integral grows linearly. The ticks due before that event run at once instead
    /// of as events, as long as each changes nothing the rest of the system sees (no scaling, no
    /// change of the cooldown-tail flag) and, with nothing in the system, the windows still hold
    /// concurrency (then the no-concurrency park takes over). Returns the first tick that must
    /// run as an event, for the timer to park until (`now` when no tick ran ahead). The decider
    /// sees exactly the ticks of a run that fires every one, each with the inputs of its time.
    mutating func runKnativeTicksAhead(after now: Double, before nextEventSeconds: Double) -> Double {
        guard let timer = timers[Controller.knative.index] else { return now }
        var time = timer.nextTickSeconds
        var ranAhead = false
        while time < nextEventSeconds {
            let before = knative!.checkpoint()
            let decision = knative!.tick(
                now: time, integral: requestSecondsInSystem(at: time), readyPods: cluster.readyPodCount, currentReplicas: cluster.specReplicas, compact: false)
            if decision != nil || knative!.isWaitingToScaleToZero != cluster.waitingToScaleIn || (broker.inSystem == 0 && knative!.sawNoConcurrency) {
                knative!.restore(before)           // this tick runs as an event
                break
            }
            ranAhead = true
            time = timer.tick(atOrAfter: time + timer.period / 2)
        }
        knativeTicksRanAhead = ranAhead          // the tick parks its timer until `time` (its inputs did not change)
        return ranAhead ? time : now
    }

    /// Restarts the cluster autoscaler's loop now (a new unschedulable pod): the next periodic
    /// loop comes a scan interval after this one.
    mutating func runClusterAutoscalerNow(engine: inout Engine<Event>) {
        guard let timer = timers[Controller.clusterAutoscaler.index] else { return }
        if timer.isParked { unpark(.clusterAutoscaler, nextTickSeconds: engine.now) }
        timers[Controller.clusterAutoscaler.index]!.reanchor(at: engine.now)
        let generation = timers[Controller.clusterAutoscaler.index]!.arm(parked: false)
        engine.schedule(.controllerTick(.clusterAutoscaler, generation: generation), at: engine.now, rank: Controller.clusterAutoscaler.rawValue)
    }

    // MARK: Inputs

    /// How long the inputs of KEDA and the HPA stay put on the clock alone (nil: not at all). A
    /// scaler outage makes every query fail while it lasts and starts on its own; with a message
    /// TTL the queue shrinks as messages expire. The cluster autoscaler and Knative read neither.
    private mutating func latestQuietSeconds(of controller: Controller, at now: Double) -> Double? {
        guard controller == .keda || controller == .hpa else { return .infinity }
        if scenario.dropExpiredMessages && !broker.readyQueue.isEmpty { return nil }
        guard hasScalerOutages, let outages = autoscaled?.scalerOutages else { return .infinity }
        if outages.contains(where: { $0.contains(now) }) { return nil }
        return outages.map(\.lowerBound).filter { $0 > now }.min() ?? .infinity
    }

    mutating func inputs(of controller: Controller) -> ControllerInputs {
        switch controller {
        case .keda:
            // A poll's decision reads the queue only through "active or not"; the exact length
            // matters when the HPA reads KEDA's cached value of it.
            guard let trigger = kedaTrigger else { return ControllerInputs() }
            let queue = trigger.queueLength(ready: broker.readyQueue.count, unacknowledged: broker.unacknowledged)
            return ControllerInputs(first: trigger.useCachedMetrics ? queue : (trigger.isActive(queueLength: queue) ? 1 : 0), second: cluster.specReplicas)
        case .hpa:
            // A sync reads the metric only through its replica proposal (the last one is kept:
            // the check runs after every event, and the queue length seldom moves between them),
            // and its decisions read a proposal only through max(proposal, minReplicas): both
            // normalisation paths clamp at the minimum and their windows take maxima and minima,
            // with the replica count in [min, max] (outside it a sync ignores the proposal). So
            // a proposal moving below the minimum (a queue emptying: 1 → 0) wakes nothing —
            // unless messages have a TTL: then a sync's query also drops expired messages, and
            // the HPA must wake when the queue fills (it does not sleep while messages wait).
            let status = cluster.activePods.count
            guard let usage = hpaUsage() else { return ControllerInputs(first: status, second: cluster.specReplicas, third: -1) }
            if let memo = hpaProposalMemo, memo.usage == usage, memo.status == status, memo.spec == cluster.specReplicas {
                return ControllerInputs(first: status, second: cluster.specReplicas, third: memo.proposal)
            }
            let floor = scenario.dropExpiredMessages ? Int.min : hpaMinReplicas
            let proposal = hpaReplicaCalculator.map {
                Swift.max($0.proposal(usage: usage, statusReplicas: status, specReplicas: cluster.specReplicas), floor)
            } ?? -1
            hpaProposalMemo = (usage, status, cluster.specReplicas, proposal)
            return ControllerInputs(first: status, second: cluster.specReplicas, third: proposal)
        case .knative:
            return ControllerInputs(first: broker.inSystem, second: cluster.specReplicas, third: cluster.readyPodCount)
        case .clusterAutoscaler:
            return ControllerInputs()
        }
    }

    /// Keeps the pending pods and, per live GPU node, its phase and bound pods: all a loop reads
    /// (compared only by the debug check of ``clusterRevision``).
    private mutating func recordClusterAutoscalerInputs() {
        parkedClusterInputs.removeAll(keepingCapacity: true)
        for pod in cluster.pendingPods { parkedClusterInputs.append(Int64(pod)) }
        parkedClusterInputs.append(-1)
        for id in cluster.liveGPUNodes { parkedClusterInputs.append(clusterAutoscalerInput(node: id)) }
    }

    mutating func clusterAutoscalerInputsUnchanged() -> Bool {
        guard parkedClusterInputs.count == cluster.pendingPods.count + 1 + cluster.liveGPUNodes.count else { return false }
        for (position, pod) in cluster.pendingPods.enumerated() where parkedClusterInputs[position] != Int64(pod) { return false }
        let offset = cluster.pendingPods.count + 1
        for (position, id) in cluster.liveGPUNodes.enumerated() where parkedClusterInputs[offset + position] != clusterAutoscalerInput(node: id) {
            return false
        }
        return true
    }

    private func clusterAutoscalerInput(node id: Int32) -> Int64 {
        Int64(id) << 32 | Int64(cluster.nodes[Int(id)].phase.rawValue) << 24 | Int64(cluster.nodes[Int(id)].boundPods)
    }
}
