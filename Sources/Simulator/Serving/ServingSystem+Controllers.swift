/// The controllers' timers: each tick reads the cluster and the broker, asks its decision
/// type (``KEDAScaler``, ``HorizontalPodAutoscaler``, ``ClusterAutoscaler``,
/// ``KnativeAutoscaler``) what to do, applies it, and logs the decision.
extension ServingSystem {
    /// Sets up the autoscaled option's controllers and schedules their first ticks.
    mutating func configureAutoscaling(_ deployment: AutoscaledDeployment, engine: inout Engine<Event>) {
        autoscaled = deployment
        clusterAutoscaler = ClusterAutoscaler(
            settings: deployment.clusterAutoscaler, minNodes: deployment.minNodes, maxNodes: deployment.maxNodes,
            podsPerNode: deployment.podsPerNode)
        for _ in 0..<deployment.minNodes { provisionNode(deployment, engine: &engine) }
        switch deployment.autoscaler {
        case .keda(let configuration):
            keda = KEDAScaler(configuration: configuration, creationSeconds: engine.now)
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

    // MARK: KEDA and HPA

    /// The queue length the KEDA RabbitMQ scaler reads now, or nil during a scaler outage.
    mutating func scalerQueueLength(at now: Double) -> Int? {
        guard let deployment = autoscaled, let keda else { return nil }
        if deployment.scalerOutages.contains(where: { $0.contains(now) }) { return nil }
        dropExpiredMessages(at: now)
        return keda.configuration.trigger.queueLength(ready: readyQueue.count, unacknowledged: unacknowledged)
    }

    mutating func kedaPoll(engine: inout Engine<Event>) {
        guard var scaler = keda else { return }
        let now = engine.now
        let queue = scalerQueueLength(at: now)
        let before = specReplicas
        let decision = scaler.poll(now: now, queueLength: queue, currentReplicas: specReplicas)
        keda = scaler
        if let decision, decision.replicas != before {
            log(.keda, at: now, rule: decision.rule, inputs: "queue=\(queue.map(String.init) ?? "error") replicas=\(before)", from: before, to: decision.replicas)
            setSpecReplicas(decision.replicas, engine: &engine)
        }
        setWaitingToScaleIn(scaler.lastPollInactive && specReplicas > scaler.configuration.minReplicaCount, at: now)
        engine.schedule(.kedaPoll, after: scaler.configuration.pollingIntervalSeconds)
    }

    mutating func hpaSync(engine: inout Engine<Event>) {
        guard var autoscaler = hpa, var scaler = keda, let deployment = autoscaled else { return }
        let now = engine.now
        let usage: Double?
        if let fallback = scaler.fallbackReplicas {
            usage = scaler.configuration.trigger.targetValue * Double(fallback)
        } else if scaler.configuration.trigger.useCachedMetrics {
            usage = Double(scaler.cachedQueueLength)
        } else if specReplicas == 0 && autoscaler.minReplicas != 0 {
            usage = nil                                          // HPA disabled: it does not even query
        } else {
            let live = scalerQueueLength(at: now)
            scaler.recordMetricQuery(succeeded: live != nil)
            usage = live.map(Double.init)
        }
        keda = scaler
        let status = activePods.count
        let before = specReplicas
        if let decision = autoscaler.sync(now: now, specReplicas: specReplicas, statusReplicas: status, usage: usage) {
            log(.hpa, at: now, rule: decision.rule, inputs: "usage=\(usage.map { KEDAScaler.format($0) } ?? "error") status=\(status)", from: before, to: decision.replicas)
            setSpecReplicas(decision.replicas, engine: &engine)
        }
        hpa = autoscaler
        engine.schedule(.hpaSync, after: deployment.hpa.syncPeriodSeconds)
    }

    // MARK: Knative

    mutating func knativeTick(engine: inout Engine<Event>) {
        guard let configuration = knative?.configuration else { return }
        knativeDecide(engine: &engine)
        engine.schedule(.knativeTick, after: configuration.tickSeconds)
    }

    /// The activator buffers a request while at zero and pokes the autoscaler.
    mutating func knativeActivatorPoke(engine: inout Engine<Event>) {
        let before = specReplicas
        log(.knative, at: engine.now, rule: "activator poke: request buffered at zero", inputs: "inSystem=\(inSystem)", from: before, to: 1)
        setSpecReplicas(1, engine: &engine)
    }

    private mutating func knativeDecide(engine: inout Engine<Event>) {
        guard var autoscaler = knative else { return }
        let before = specReplicas
        if let decision = autoscaler.tick(
            now: engine.now, integral: statistics.requestSecondsInSystem, readyPods: readyPodCount, currentReplicas: specReplicas) {
            var target = decision.replicas
            if target == 0 && inSystem > 0 { target = 1 }           // the activator still holds requests
            if target != before {
                log(.knative, at: engine.now, rule: decision.rule, inputs: "inSystem=\(inSystem) ready=\(readyPodCount)", from: before, to: target)
                setSpecReplicas(target, engine: &engine)
            }
        }
        knative = autoscaler
        setWaitingToScaleIn(autoscaler.isWaitingToScaleToZero, at: engine.now)
    }

    // MARK: Cluster autoscaler

    /// Starts a loop now (frequent loops: a new unschedulable pod triggers one).
    mutating func triggerClusterAutoscaler(engine: inout Engine<Event>) {
        guard let deployment = autoscaled, deployment.clusterAutoscaler.frequentLoops, !pendingPods.isEmpty else { return }
        clusterAutoscalerGeneration &+= 1
        engine.schedule(.clusterAutoscalerLoop(generation: clusterAutoscalerGeneration), at: engine.now)
    }

    mutating func clusterAutoscalerLoop(engine: inout Engine<Event>) {
        guard var autoscaler = clusterAutoscaler, let deployment = autoscaled else { return }
        let now = engine.now
        let views = liveGPUNodes.map { id -> ClusterAutoscaler.NodeView in
            let node = nodes[Int(id)]
            return ClusterAutoscaler.NodeView(
                id: id, registered: node.phase != .booting, gpuReady: node.phase == .ready || node.phase == .deleting,
                requestedGPUs: node.boundPods, gpuCount: deployment.podsPerNode, deleting: node.phase == .deleting)
        }
        let pendingCreation = pendingPods.map { pods[Int($0)].createdSeconds }
        let actions = autoscaler.loop(now: now, nodes: views, pendingPodCreationTimes: pendingCreation)
        let liveBefore = views.filter { !$0.deleting }.count
        for note in actions.notes where note.rule != lastClusterAutoscalerNote {
            log(.clusterAutoscaler, at: now, rule: note.rule, inputs: note.inputs, from: liveBefore, to: liveBefore)
        }
        lastClusterAutoscalerNote = actions.notes.last?.rule ?? ""
        if actions.scaleUp > 0 {
            var created = 0
            for _ in 0..<actions.scaleUp {
                if deployment.node.spot && deployment.spot.stockoutProbability > 0
                    && preemptionRandom.nextUnitInterval() < deployment.spot.stockoutProbability {
                    autoscaler.recordFailedScaleUp(now: now)
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
        clusterAutoscaler = autoscaler
        clusterAutoscalerGeneration &+= 1
        engine.schedule(.clusterAutoscalerLoop(generation: clusterAutoscalerGeneration), after: deployment.clusterAutoscaler.scanIntervalSeconds)
    }
}
