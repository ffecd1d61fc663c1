/// The controllers' timers: each tick reads the cluster and the broker, asks its decision
/// type (``KEDAScaler``, ``HorizontalPodAutoscaler``, ``ClusterAutoscaler``,
/// ``KnativeAutoscaler``) what to do, applies it, and logs the decision.
extension ServingSystem {
    /// Sets up the autoscaled option's controllers and schedules their first ticks.
    mutating func configureAutoscaling(_ deployment: AutoscaledDeployment, engine: inout Engine<Event>) {
        let shared = Shared(deployment)
        autoscaled = shared
        clusterAutoscaler = ClusterAutoscaler(
            settings: deployment.clusterAutoscaler, minNodes: deployment.minNodes, maxNodes: deployment.maxNodes,
            podsPerNode: deployment.podsPerNode)
        for _ in 0..<deployment.minNodes { provisionNode(shared, engine: &engine) }
        switch deployment.autoscaler {
        case .keda(let configuration):
            keda = KEDAScaler(configuration: configuration, creationSeconds: engine.now)
            kedaTrigger = configuration.trigger
            kedaPollingSeconds = configuration.pollingIntervalSeconds
            kedaMinReplicas = configuration.minReplicaCount
            hpa = HorizontalPodAutoscaler(
                settings: deployment.hpa, behavior: configuration.hpaBehavior, minReplicas: configuration.hpaMinReplicas,
                maxReplicas: configuration.maxReplicaCount, targetAverageValue: configuration.trigger.targetValue)
            if configuration.minReplicaCount > 0 { setSpecReplicas(configuration.minReplicaCount, engine: &engine) }
            engine.schedule(.kedaPoll, at: engine.now)                  // the loop polls at once when it starts
            engine.schedule(.hpaSync, at: engine.now + deployment.hpa.phaseSeconds)
        case .knative(let configuration):
            knative = KnativeAutoscaler(configuration: configuration)
            let initial = Swift.max(configuration.minScale, configuration.initialScale)
            if initial > 0 { setSpecReplicas(initial, engine: &engine) }
            engine.schedule(.knativeTick, at: engine.now + configuration.tickSeconds)
        }
        engine.schedule(.clusterAutoscalerLoop(generation: clusterAutoscalerGeneration), at: engine.now + deployment.clusterAutoscaler.phaseSeconds)
    }

    // MARK: Rest

    /// Scaled to zero with no node, no pod and no request: every controller tick is a no-op until
    /// the next arrival (no other event can happen), so ticks sleep instead of firing.
    var isAtRest: Bool {
        guard let deployment = autoscaled else { return false }
        return specReplicas == 0 && liveGPUNodes.isEmpty && pendingPods.isEmpty && inSystem == 0
            && terminatingPodCount == 0 && deployment.scalerOutages.isEmpty
    }

    /// Schedules a controller's next tick, or parks it while the cluster is at rest.
    mutating func sleepOrSchedule(_ event: Event, after period: Double, engine: inout Engine<Event>) {
        if isAtRest {
            sleepingTicks.append((event, engine.now + period, period))
        } else {
            engine.schedule(event, after: period)
        }
    }

    /// Puts parked ticks back on their original grids (next tick at or after now).
    mutating func wakeControllers(engine: inout Engine<Event>) {
        for sleeping in sleepingTicks {
            var next = sleeping.next
            if next < engine.now { next += ((engine.now - next) / sleeping.period).rounded(.up) * sleeping.period }
            if case .clusterAutoscalerLoop = sleeping.event {
                engine.schedule(.clusterAutoscalerLoop(generation: clusterAutoscalerGeneration), at: next)
            } else {
                engine.schedule(sleeping.event, at: next)
            }
        }
        sleepingTicks.removeAll()
    }

    // MARK: KEDA and HPA

    /// The queue length the KEDA RabbitMQ scaler reads now, or nil during a scaler outage.
    mutating func scalerQueueLength(at now: Double) -> Int? {
        guard let deployment = autoscaled, let trigger = kedaTrigger else { return nil }
        if !deployment.scalerOutages.isEmpty && deployment.scalerOutages.contains(where: { $0.contains(now) }) { return nil }
        dropExpiredMessages(at: now)
        return trigger.queueLength(ready: readyQueue.count, unacknowledged: unacknowledged)
    }

    mutating func kedaPoll(engine: inout Engine<Event>) {
        guard keda != nil else { return }
        let now = engine.now
        let queue = scalerQueueLength(at: now)
        let before = specReplicas
        let decision = keda!.poll(now: now, queueLength: queue, currentReplicas: specReplicas)   // in place: no copy of its state
        if let decision, decision.replicas != before {
            log(.keda, at: now, rule: decision.rule, inputs: "queue=\(queue.map(String.init) ?? "error") replicas=\(before)", from: before, to: decision.replicas)
            setSpecReplicas(decision.replicas, engine: &engine)
        }
        setWaitingToScaleIn(keda!.lastPollInactive && specReplicas > kedaMinReplicas, at: now)
        sleepOrSchedule(.kedaPoll, after: kedaPollingSeconds, engine: &engine)
    }

    mutating func hpaSync(engine: inout Engine<Event>) {
        guard hpa != nil, let trigger = kedaTrigger, let period = autoscaled?.hpa.syncPeriodSeconds else { return }
        let now = engine.now
        let usage: Double?
        if let fallback = keda!.fallbackReplicas {
            usage = trigger.targetValue * Double(fallback)
        } else if trigger.useCachedMetrics {
            usage = Double(keda!.cachedQueueLength)
        } else if specReplicas == 0 && hpa!.minReplicas != 0 {
            usage = nil                                          // HPA disabled: it does not even query
        } else {
            let live = scalerQueueLength(at: now)
            keda!.recordMetricQuery(succeeded: live != nil)
            usage = live.map(Double.init)
        }
        let status = activePods.count
        let before = specReplicas
        if let decision = hpa!.sync(now: now, specReplicas: specReplicas, statusReplicas: status, usage: usage) {
            log(.hpa, at: now, rule: decision.rule, inputs: "usage=\(usage.map { KEDAScaler.format($0) } ?? "error") status=\(status)", from: before, to: decision.replicas)
            setSpecReplicas(decision.replicas, engine: &engine)
        }
        sleepOrSchedule(.hpaSync, after: period, engine: &engine)
    }

    // MARK: Knative

    mutating func knativeTick(engine: inout Engine<Event>) {
        guard let configuration = knative?.configuration else { return }
        knativeDecide(engine: &engine)
        sleepOrSchedule(.knativeTick, after: configuration.tickSeconds, engine: &engine)
    }

    /// The activator buffers a request while at zero and pokes the autoscaler.
    mutating func knativeActivatorPoke(engine: inout Engine<Event>) {
        let before = specReplicas
        log(.knative, at: engine.now, rule: "activator poke: request buffered at zero", inputs: "inSystem=\(inSystem)", from: before, to: 1)
        setSpecReplicas(1, engine: &engine)
    }

    private mutating func knativeDecide(engine: inout Engine<Event>) {
        guard knative != nil else { return }
        let before = specReplicas
        if let decision = knative!.tick(
            now: engine.now, integral: statistics.requestSecondsInSystem, readyPods: readyPodCount, currentReplicas: specReplicas) {
            var target = decision.replicas
            if target == 0 && inSystem > 0 { target = 1 }           // the activator still holds requests
            if target != before {
                log(.knative, at: engine.now, rule: decision.rule, inputs: "inSystem=\(inSystem) ready=\(readyPodCount)", from: before, to: target)
                setSpecReplicas(target, engine: &engine)
            }
        }
        setWaitingToScaleIn(knative!.isWaitingToScaleToZero, at: engine.now)
    }

    // MARK: Cluster autoscaler

    /// Starts a loop now (frequent loops: a new unschedulable pod triggers one).
    mutating func triggerClusterAutoscaler(engine: inout Engine<Event>) {
        guard let deployment = autoscaled, deployment.clusterAutoscaler.frequentLoops, !pendingPods.isEmpty else { return }
        clusterAutoscalerGeneration &+= 1
        engine.schedule(.clusterAutoscalerLoop(generation: clusterAutoscalerGeneration), at: engine.now)
    }

    mutating func clusterAutoscalerLoop(engine: inout Engine<Event>) {
        guard clusterAutoscaler != nil, let deployment = autoscaled else { return }
        let now = engine.now
        defer {
            clusterAutoscalerGeneration &+= 1
            sleepOrSchedule(.clusterAutoscalerLoop(generation: clusterAutoscalerGeneration), after: deployment.clusterAutoscaler.scanIntervalSeconds, engine: &engine)
        }
        if pendingPods.isEmpty && clusterAutoscaler!.unneededSince.isEmpty
            && liveGPUNodes.allSatisfy({ nodes[Int($0)].phase == .booting || nodes[Int($0)].phase == .deleting || nodes[Int($0)].boundPods > 0 }) {
            return   // nothing pending, every node in use, no scale-down timer running: the loop does nothing
        }
        let views = liveGPUNodes.map { id -> ClusterAutoscaler.NodeView in
            let node = nodes[Int(id)]
            return ClusterAutoscaler.NodeView(
                id: id, registered: node.phase != .booting, gpuReady: node.phase == .ready || node.phase == .deleting,
                requestedGPUs: node.boundPods, gpuCount: deployment.podsPerNode, deleting: node.phase == .deleting)
        }
        let pendingCreation = pendingPods.map { pods[Int($0)].createdSeconds }
        let actions = clusterAutoscaler!.loop(now: now, nodes: views, pendingPodCreationTimes: pendingCreation)
        let liveBefore = views.filter { !$0.deleting }.count
        if keepDecisions, let note = actions.note, !note.sameKind(as: lastClusterAutoscalerNote) {
            log(.clusterAutoscaler, at: now, rule: note.rule, inputs: note.inputs, from: liveBefore, to: liveBefore)
        }
        lastClusterAutoscalerNote = actions.note
        if actions.scaleUp > 0 {
            var created = 0
            for _ in 0..<actions.scaleUp {
                if deployment.node.spot && deployment.spot.stockoutProbability > 0
                    && preemptionRandom.nextUnitInterval() < deployment.spot.stockoutProbability {
                    clusterAutoscaler!.recordFailedScaleUp(now: now)
                    log(.cloud, at: now, rule: "stock-out: no spot capacity; node group backed off \(KEDAScaler.format(deployment.clusterAutoscaler.initialBackoffSeconds)) s",
                        inputs: "pending=\(pendingPods.count)", from: liveBefore + created, to: liveBefore + created)
                    continue
                }
                provisionNode(deployment, engine: &engine)
                created += 1
            }
            if created > 0 {
                log(.clusterAutoscaler, at: now, rule: "scale-up: \(pendingPods.count) pending GPU pod(s) fit no existing or upcoming node",
                    inputs: "pending=\(pendingPods.count) nodes=\(liveBefore)", from: liveBefore, to: liveBefore + created)
            }
        }
        if !actions.delete.isEmpty {
            let rule = "scale-down: \(actions.delete.count) empty node(s) unneeded for \(KEDAScaler.format(deployment.clusterAutoscaler.scaleDownUnneededSeconds)) s"
            log(.clusterAutoscaler, at: now, rule: rule, inputs: "nodes=\(actions.delete.map(String.init).joined(separator: ","))",
                from: liveBefore, to: liveBefore - actions.delete.count)
            for node in actions.delete { deleteNode(node, engine: &engine) }
        }
    }
}
