/// The controllers' timers: each tick reads the cluster and the broker, asks its decision
/// type (``KEDAScaler``, ``HorizontalPodAutoscaler``, ``ClusterAutoscaler``,
/// ``KnativeAutoscaler``) what to do, applies it, and logs the decision.
extension ServingSystem {
    /// Sets up the autoscaled option's controllers and schedules their first ticks.
    mutating func configureAutoscaling(_ deployment: AutoscaledDeployment, engine: inout Engine<Event>) {
        let shared = Shared(deployment)
        autoscaled = shared
        hasScalerOutages = !deployment.scalerOutages.isEmpty
        clusterAutoscaler = ClusterAutoscaler(
            settings: deployment.clusterAutoscaler, minNodes: deployment.minNodes, maxNodes: deployment.maxNodes,
            podsPerNode: deployment.podsPerNode)
        for _ in 0..<deployment.minNodes { provisionNode(shared, engine: &engine) }
        switch deployment.autoscaler {
        case .keda(let configuration):
            keda = KEDAScaler(configuration: configuration, creationSeconds: engine.now)
            kedaTrigger = configuration.trigger
            kedaMinReplicas = configuration.minReplicaCount
            hpa = HorizontalPodAutoscaler(
                settings: deployment.hpa, behavior: configuration.hpaBehavior, minReplicas: configuration.hpaMinReplicas,
                maxReplicas: configuration.maxReplicaCount, targetAverageValue: configuration.trigger.targetValue)
            hpaReplicaCalculator = hpa!.replicaCalculator
            hpaMinReplicas = configuration.hpaMinReplicas
            if configuration.minReplicaCount > 0 { setSpecReplicas(configuration.minReplicaCount, engine: &engine) }
            let (polling, sync) = (configuration.pollingIntervalSeconds, deployment.hpa.syncPeriodSeconds)
            startTimer(.keda, period: polling, phase: configuration.phaseSeconds, engine: &engine)
            startTimer(.hpa, period: sync, phase: deployment.hpa.phaseSeconds, engine: &engine)
        case .knative(let configuration):
            knative = KnativeAutoscaler(configuration: configuration)
            let initial = Swift.max(configuration.minScale, configuration.initialScale)
            if initial > 0 { setSpecReplicas(initial, engine: &engine) }
            startTimer(.knative, period: configuration.tickSeconds, phase: configuration.phaseSeconds, engine: &engine)
        }
        let ca = deployment.clusterAutoscaler
        startTimer(.clusterAutoscaler, period: ca.scanIntervalSeconds, phase: ca.phaseSeconds, engine: &engine)
    }

    // MARK: KEDA and HPA

    /// The queue length the KEDA RabbitMQ scaler reads now, or nil during a scaler outage.
    mutating func scalerQueueLength(at now: Double) -> Int? {
        guard let deployment = autoscaled, let trigger = kedaTrigger else { return nil }
        if !deployment.scalerOutages.isEmpty && deployment.scalerOutages.contains(where: { $0.contains(now) }) { return nil }
        dropExpiredMessages(at: now)
        return trigger.queueLength(ready: broker.readyQueue.count, unacknowledged: broker.unacknowledged)
    }

    /// One KEDA poll; returns the earliest time a poll with the same inputs could act.
    mutating func kedaPoll(engine: inout Engine<Event>) -> Double {
        guard keda != nil else { return .infinity }
        let now = engine.now
        let queue = scalerQueueLength(at: now)
        let before = cluster.specReplicas
        let decision = keda!.poll(now: now, queueLength: queue, currentReplicas: cluster.specReplicas)   // in place: no copy of its state
        noteKEDAReadouts()
        if let decision, decision.replicas != before {
            if keepDecisions {
                log(.keda, at: now, rule: decision.rule.text, inputs: "queue=\(queue.map(String.init) ?? "error") replicas=\(before)", from: before, to: decision.replicas)
            }
            setSpecReplicas(decision.replicas, engine: &engine)
        }
        cluster.setWaitingToScaleIn(keda?.lastPollInactive == true && cluster.specReplicas > kedaMinReplicas, at: now)
        return keda?.earliestActionSeconds(currentReplicas: cluster.specReplicas) ?? .infinity
    }

    /// The metric value the HPA reads through KEDA's metrics adapter, without querying (nil: no
    /// value). `mutating` only so that it borrows `self` (see ``ServingSystem+QuietTicks``).
    mutating func hpaUsage() -> Double? {
        guard let trigger = kedaTrigger, hpaReplicaCalculator != nil else { return nil }   // trivial values: no copy of `keda` or `hpa`
        if let fallback = kedaFallbackReplicas { return trigger.targetValue * Double(fallback) }
        if trigger.useCachedMetrics { return Double(kedaCachedQueueLength) }
        if cluster.specReplicas == 0 && hpaMinReplicas != 0 { return nil }        // HPA disabled: it does not even query
        return Double(trigger.queueLength(ready: broker.readyQueue.count, unacknowledged: broker.unacknowledged))
    }

    /// Copies what the HPA reads through KEDA out of `keda`, after a change to it.
    mutating func noteKEDAReadouts() {
        kedaFallbackReplicas = keda!.fallbackReplicas
        kedaCachedQueueLength = keda!.cachedQueueLength
    }

    /// One HPA sync; returns the earliest time a sync with the same inputs could act.
    mutating func hpaSync(engine: inout Engine<Event>) -> Double {
        guard hpa != nil, let trigger = kedaTrigger else { return .infinity }
        let now = engine.now
        var usage = hpaUsage()
        if kedaFallbackReplicas == nil && !trigger.useCachedMetrics && usage != nil {
            let live = scalerQueueLength(at: now)               // a live query: it can fail (outage) or see expired messages go
            keda!.recordMetricQuery(succeeded: live != nil)
            noteKEDAReadouts()
            usage = live.map(Double.init)
        }
        let status = cluster.activePods.count
        let before = cluster.specReplicas
        if let decision = hpa!.sync(now: now, specReplicas: cluster.specReplicas, statusReplicas: status, usage: usage) {
            if keepDecisions {
                log(.hpa, at: now, rule: decision.rule.text, inputs: "usage=\(usage.map { KEDAScaler.format($0) } ?? "error") status=\(status)", from: before, to: decision.replicas)
            }
            setSpecReplicas(decision.replicas, engine: &engine)
        }
        return hpa?.earliestActionSeconds(now: now) ?? .infinity
    }

    // MARK: Knative

    /// One Knative decider tick; returns the earliest time a tick as an event could act: with
    /// nothing in the system and no concurrency left in its windows, the end of one of its waits;
    /// otherwise the first tick that could not run ahead.
    mutating func knativeTick(engine: inout Engine<Event>) -> Double {
        guard knative != nil else { return .infinity }
        let replicasBefore = cluster.specReplicas
        knativeDecide(engine: &engine)
        // With nothing in the system and no concurrency left in the windows, only the decider's
        // timers move; otherwise the ticks before the next event can run now (``runKnativeTicksAhead(after:before:)``).
        if broker.inSystem == 0 && knative!.sawNoConcurrency { return knative!.earliestActionSeconds(now: engine.now) }
        guard skipQuietTicks, cluster.specReplicas == replicasBefore, let nextEvent = engine.nextEventSeconds else { return engine.now }
        return runKnativeTicksAhead(after: engine.now, before: nextEvent)
    }

    /// The activator buffers a request while at zero and pokes the autoscaler.
    mutating func knativeActivatorPoke(engine: inout Engine<Event>) {
        let before = cluster.specReplicas
        if keepDecisions { log(.knative, at: engine.now, rule: "activator poke: request buffered at zero", inputs: "inSystem=\(broker.inSystem)", from: before, to: 1) }
        setSpecReplicas(1, engine: &engine)
    }

    private mutating func knativeDecide(engine: inout Engine<Event>) {
        guard knative != nil else { return }
        let before = cluster.specReplicas
        if let decision = knative!.tick(
            now: engine.now, integral: requestSecondsInSystem(at: engine.now), readyPods: cluster.readyPodCount, currentReplicas: cluster.specReplicas) {
            var target = decision.replicas
            if target == 0 && broker.inSystem > 0 { target = 1 }           // the activator still holds requests
            if target != before {
                if keepDecisions {
                    log(.knative, at: engine.now, rule: decision.rule.text, inputs: "inSystem=\(broker.inSystem) ready=\(cluster.readyPodCount)", from: before, to: target)
                }
                setSpecReplicas(target, engine: &engine)
            }
        }
        cluster.setWaitingToScaleIn(knative?.isWaitingToScaleToZero == true, at: engine.now)
    }

    // MARK: Cluster autoscaler

    /// Starts a loop now (frequent loops: a new unschedulable pod triggers one).
    mutating func triggerClusterAutoscaler(engine: inout Engine<Event>) {
        guard let deployment = autoscaled, deployment.clusterAutoscaler.frequentLoops, !cluster.pendingPods.isEmpty else { return }
        runClusterAutoscalerNow(engine: &engine)
    }

    /// One cluster-autoscaler loop; returns the earliest time a loop with the same inputs could act.
    mutating func clusterAutoscalerLoop(engine: inout Engine<Event>) -> Double {
        guard clusterAutoscaler != nil, let deployment = autoscaled else { return .infinity }
        let now = engine.now
        if cluster.pendingPods.isEmpty && clusterAutoscaler!.unneededSince.isEmpty
            && cluster.liveGPUNodes.allSatisfy({ cluster.nodes[Int($0)].phase == .booting || cluster.nodes[Int($0)].phase == .deleting || cluster.nodes[Int($0)].boundPods > 0 }) {
            return .infinity   // nothing pending, every node in use, no scale-down timer running: the loop does nothing
        }
        // What the loop reads, in buffers kept from loop to loop (allocating them showed in profiles).
        clusterAutoscalerViews.removeAll(keepingCapacity: true)
        var liveBefore = 0
        for id in cluster.liveGPUNodes {
            let phase = cluster.nodes[Int(id)].phase
            clusterAutoscalerViews.append(ClusterAutoscaler.NodeView(
                id: id, registered: phase != .booting, gpuReady: phase == .ready || phase == .deleting,
                requestedGPUs: cluster.nodes[Int(id)].boundPods, gpuCount: deployment.podsPerNode, deleting: phase == .deleting,
                createdSeconds: cluster.nodes[Int(id)].startSeconds))
            if phase != .deleting { liveBefore += 1 }
        }
        pendingPodCreationTimes.removeAll(keepingCapacity: true)
        for pod in cluster.pendingPods { pendingPodCreationTimes.append(cluster.pods[Int(pod)].createdSeconds) }
        let actions = clusterAutoscaler!.loop(now: now, nodes: clusterAutoscalerViews, pendingPodCreationTimes: pendingPodCreationTimes)
        if keepDecisions, let note = actions.note, !note.sameKind(as: lastClusterAutoscalerNote) {
            log(.clusterAutoscaler, at: now, rule: note.rule, inputs: note.inputs, from: liveBefore, to: liveBefore)
        }
        lastClusterAutoscalerNote = actions.note
        let deletionDelay = deployment.clusterAutoscaler.deleteDelayAfterTaintSeconds + deployment.vmDeletionSeconds
        if !actions.failedToRegister.isEmpty {
            if keepDecisions {
                log(.clusterAutoscaler, at: now,
                    rule: "failed scale-up: node(s) not registered within max-node-provision-time "
                        + "\(KEDAScaler.format(deployment.clusterAutoscaler.maxNodeProvisionSeconds)) s; deleted, "
                        + "node group backed off \(KEDAScaler.format(clusterAutoscaler!.backoff.durationSeconds ?? 0)) s",
                    inputs: "nodes=\(liveBefore) deleted=\(actions.failedToRegister.map(String.init).joined(separator: ","))",
                    from: liveBefore, to: liveBefore - actions.failedToRegister.count)
            }
            for node in actions.failedToRegister { deleteNode(node, afterSeconds: deletionDelay, engine: &engine) }
        }
        if actions.scaleUp > 0 {
            var created = 0
            for _ in 0..<actions.scaleUp {
                if deployment.node.spot && deployment.spot.stockoutProbability > 0
                    && preemptionRandom.nextUnitInterval() < deployment.spot.stockoutProbability {
                    clusterAutoscaler!.recordFailedScaleUp(now: now)
                    if keepDecisions {
                        let backoff = KEDAScaler.format(clusterAutoscaler!.backoff.durationSeconds ?? 0)
                        log(.cloud, at: now, rule: "stock-out: no spot capacity; node group backed off \(backoff) s",
                            inputs: "pending=\(cluster.pendingPods.count)", from: liveBefore + created, to: liveBefore + created)
                    }
                    continue
                }
                provisionNode(deployment, engine: &engine)
                created += 1
            }
            if created > 0 && keepDecisions {
                log(.clusterAutoscaler, at: now, rule: "scale-up: \(cluster.pendingPods.count) pending GPU pod(s) fit no existing or upcoming node",
                    inputs: "pending=\(cluster.pendingPods.count) nodes=\(liveBefore)", from: liveBefore, to: liveBefore + created)
            }
        }
        if !actions.delete.isEmpty {
            if keepDecisions {
                let rule = "scale-down: \(actions.delete.count) empty node(s) unneeded for \(KEDAScaler.format(deployment.clusterAutoscaler.scaleDownUnneededSeconds)) s"
                log(.clusterAutoscaler, at: now, rule: rule,
                    inputs: "nodes=\(liveBefore) deleted=\(actions.delete.map(String.init).joined(separator: ","))",
                    from: liveBefore, to: liveBefore - actions.delete.count)
            }
            for node in actions.delete { deleteNode(node, afterSeconds: deletionDelay, engine: &engine) }
        }
        return clusterAutoscaler!.earliestActionSeconds
    }
}
