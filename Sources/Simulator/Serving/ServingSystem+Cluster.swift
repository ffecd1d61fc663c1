/// The cluster's moving parts as events: VM boot and deletion, spot preemption, the Deployment
/// controller, the scheduler, pod start-up and termination — and what each does to the requests
/// on a pod. The objects themselves and their bookkeeping are ``Cluster``'s.
extension ServingSystem {
    // MARK: Nodes

    /// Adds a node whose VM starts now (billing starts now).
    @discardableResult
    mutating func addNode(
        pool: String, spec: NodeSpec, at now: Double, phase: Cluster.Node.Phase, isSystem: Bool = false
    ) -> Int32 {
        cluster.addNode(pool: pool, spec: spec, at: now, phase: phase, isSystem: isSystem)
    }

    /// Creates a GPU node of the autoscaled pool's machine (`spec`, by default its `node`) and
    /// starts its boot; returns the node.
    @discardableResult
    mutating func provisionNode(
        _ deployment: Shared<AutoscaledDeployment>, spec: NodeSpec? = nil, engine: inout Engine<Event>
    ) -> Int32 {
        let spec = spec ?? deployment.node
        let node = addNode(pool: "gpu-pool", spec: spec, at: engine.now, phase: .booting)
        gpuNodesCreated += 1
        let boot = deployment.coldStart.vmBoot.sample(using: &coldStartRandom)
        engine.schedule(.nodeRegistered(node: node), after: Swift.max(0, boot))
        if spec.spot && deployment.spot.preemptionsPerNodeHour > 0 {
            let mean = 1 / deployment.spot.preemptionsPerNodeHour
            let hours = Distribution.exponential(mean: mean).sample(using: &preemptionRandom)
            engine.schedule(.preemptionNotice(node: node), after: hours * 3600)
        }
        return node
    }

    mutating func nodeRegistered(_ node: Int32, engine: inout Engine<Event>) {
        guard let deployment = autoscaled, cluster.nodes[Int(node)].phase == .booting else { return }
        cluster.setPhase(of: node, to: .registered)
        provisioner?.nodeRegistered(node, in: &self, engine: &engine)
        let setup = deployment.coldStart.driverInstall.sample(using: &coldStartRandom)
            + deployment.coldStart.devicePlugin.sample(using: &coldStartRandom)
        engine.schedule(.nodeGPUReady(node: node), after: Swift.max(0, setup))
    }

    mutating func nodeGPUReady(_ node: Int32, engine: inout Engine<Event>) {
        guard cluster.nodes[Int(node)].phase == .registered else { return }
        cluster.setPhase(of: node, to: .ready)
        cluster.refreshNodeState(Int(node), at: engine.now)
        provisioner?.nodeInitialized(node, in: &self, engine: &engine)
        schedulePendingPods(engine: &engine)
    }

    /// Deletes an empty node: it is tainted now and its VM stops `delaySeconds` later.
    mutating func deleteNode(_ node: Int32, afterSeconds delaySeconds: Double, engine: inout Engine<Event>) {
        let phase = cluster.nodes[Int(node)].phase
        guard phase != .deleting, phase != .stopped else { return }
        cluster.setPhase(of: node, to: .deleting)
        cluster.refreshNodeState(Int(node), at: engine.now)
        engine.schedule(.nodeStopped(node: node), after: delaySeconds)
    }

    /// Taints `node` for deletion and evicts its pods: each gets its own termination grace period,
    /// cut to `gracePeriodLimit` if given; the deployment replaces them at once. The VM keeps
    /// running (and billing) until the caller stops it (``nodeStopped(_:engine:)``).
    mutating func drainNode(_ node: Int32, gracePeriodLimit: Double?, engine: inout Engine<Event>) {
        guard let deployment = autoscaled else { return }
        cluster.setPhase(of: node, to: .deleting)
        cluster.refreshNodeState(Int(node), at: engine.now)
        let gracePeriod = Swift.min(deployment.terminationGracePeriodSeconds, gracePeriodLimit ?? .infinity)
        for pod in cluster.nodes[Int(node)].pods { terminatePod(pod, gracePeriod: gracePeriod, engine: &engine) }
        reconcileDeployment(engine: &engine)
    }

    /// The VM is gone: billing stops; pods still on it die and their work is re-queued.
    mutating func nodeStopped(_ node: Int32, engine: inout Engine<Event>) {
        guard cluster.nodes[Int(node)].phase != .stopped else { return }
        for pod in cluster.nodes[Int(node)].pods { killPod(pod, engine: &engine) }
        cluster.stopNode(node, at: engine.now)
        reconcileDeployment(engine: &engine)
        provisioner?.podsMayBePending(in: &self, engine: &engine)
    }

    /// The cloud warns that it takes spot `node` back after the notice; the node provisioner
    /// decides what Kubernetes does about it (by default: ``reclaimAfterNotice(_:engine:)``).
    mutating func preemptionNotice(_ node: Int32, engine: inout Engine<Event>) {
        let phase = cluster.nodes[Int(node)].phase
        guard let deployment = autoscaled, let provisioner, phase != .stopped, phase != .deleting else { return }
        preemptions += 1
        if keepDecisions {
            let live = cluster.liveGPUNodes.count
            let notice = KEDAScaler.format(deployment.spot.noticeSeconds)
            log(.cloud, at: engine.now, rule: "spot preemption notice (\(notice) s)", inputs: "node=\(node)",
                from: live, to: live - 1)
        }
        provisioner.spotInterruptionNotice(node, in: &self, engine: &engine)
    }

    /// The node shuts down within the notice: its pods get the shorter of their grace period and
    /// the notice, and the VM stops when the notice ends (GKE's graceful node shutdown).
    mutating func reclaimAfterNotice(_ node: Int32, engine: inout Engine<Event>) {
        guard let deployment = autoscaled else { return }
        let index = Int(node)
        cluster.setPhase(of: node, to: .deleting)
        let gracePeriod = Swift.min(deployment.terminationGracePeriodSeconds, deployment.spot.noticeSeconds)
        for pod in cluster.nodes[index].pods { terminatePod(pod, gracePeriod: gracePeriod, engine: &engine) }
        cluster.refreshNodeState(index, at: engine.now)
        engine.schedule(.nodeStopped(node: node), after: deployment.spot.noticeSeconds)
    }

    // MARK: Pods

    /// Adds a worker pod bound to `node` that is ready at once (dedicated capacity).
    mutating func addReadyPod(on node: Int32, engine: inout Engine<Event>) {
        let pod = cluster.addStartingPod(on: node, at: engine.now, credit: scenario.workers.prefetch)
        markPodReady(pod, engine: &engine)
    }

    /// Sets the deployment's replica count and makes the pods follow (the Deployment controller).
    mutating func setSpecReplicas(_ replicas: Int, engine: inout Engine<Event>) {
        advanceClock(to: engine.now)                  // a controller tick changes pods: integrate up to now first
        if cluster.specReplicas == 0 && replicas > 0 { activationsFromZero += 1 }
        cluster.specReplicas = replicas
        reconcileDeployment(engine: &engine)
    }

    /// Creates or deletes pods until the non-terminating pods match the replica count. Deletion
    /// order follows the ReplicaSet controller: unscheduled first, then not ready, then the most
    /// recently started ready pods.
    mutating func reconcileDeployment(engine: inout Engine<Event>) {
        guard let deployment = autoscaled else { return }
        let active = cluster.activePods.count, wanted = cluster.specReplicas
        if active < wanted {
            for _ in active..<wanted { cluster.addPendingPod(at: engine.now, credit: scenario.workers.prefetch) }
            schedulePendingPods(engine: &engine)
            if !cluster.pendingPods.isEmpty { provisioner?.podsMayBePending(in: &self, engine: &engine) }
        } else if active > wanted {
            let victims = cluster.scaleInVictims(count: active - wanted)
            for pod in victims {
                terminatePod(pod, gracePeriod: deployment.terminationGracePeriodSeconds, engine: &engine)
            }
        }
    }

    /// Binds pending pods to nodes with a free, allocatable GPU (kube-scheduler), oldest first.
    mutating func schedulePendingPods(engine: inout Engine<Event>) {
        guard let deployment = autoscaled, !cluster.pendingPods.isEmpty else { return }
        var remaining: [Int32] = []
        for pod in cluster.pendingPods {
            guard cluster.pods[Int(pod)].state == .pending else { continue }
            guard let node = cluster.nodeWithFreeGPU(podsPerNode: deployment.podsPerNode) else {
                remaining.append(pod)
                continue
            }
            cluster.bind(pod, to: node)
            provisioner?.podEvent(on: node, at: engine.now)
            let coldStart = deployment.coldStart
            var startup = coldStart.modelLoad.sample(using: &coldStartRandom)
                + coldStart.readiness.sample(using: &coldStartRandom)
            if !(cluster.cacheImage(on: node) && coldStart.imageCachedOnNode) {
                startup += coldStart.imagePull.sample(using: &coldStartRandom)
            }
            cluster.refreshNodeState(Int(node), at: engine.now)
            engine.schedule(.podStarted(pod: pod), after: Swift.max(0, startup))
        }
        cluster.setPendingPods(remaining)
    }

    mutating func podStarted(_ pod: Int32, engine: inout Engine<Event>) {
        guard cluster.pods[Int(pod)].state == .starting else { return }
        markPodReady(pod, engine: &engine)
        if let platform { platform.instanceReady(pod: pod, in: &self, engine: &engine) }
    }

    mutating func markPodReady(_ pod: Int32, engine: inout Engine<Event>) {
        cluster.markReady(pod, at: engine.now)
        broker.consumersWithCredit.append(pod)
        dispatch(engine: &engine)
    }

    /// Starts a pod's deletion: an unscheduled or starting pod goes at once; a ready pod stops
    /// consuming, hands back its prefetched messages, and finishes its current requests within
    /// the grace period.
    mutating func terminatePod(_ pod: Int32, gracePeriod: Double, engine: inout Engine<Event>) {
        let index = Int(pod)
        switch cluster.pods[index].state {
        case .pending:
            cluster.deletePendingPod(pod)
        case .starting:
            provisioner?.podEvent(on: cluster.pods[index].node, at: engine.now)
            podGone(pod, engine: &engine)
        case .stranded:
            cluster.removePod(pod, at: engine.now)
        case .ready:
            cluster.beginTermination(of: pod)
            provisioner?.podEvent(on: cluster.pods[index].node, at: engine.now)
            broker.requeue(cluster.pods[index].buffered)
            cluster.pods[index].buffered.removeAll()
            if cluster.pods[index].inService.isEmpty {
                podGone(pod, engine: &engine)
            } else {
                cluster.refreshNodeState(Int(cluster.pods[index].node), at: engine.now)
                engine.schedule(.podGraceExpired(pod: pod), after: gracePeriod)
            }
            dispatch(engine: &engine)
        case .terminating, .gone:
            return
        }
    }

    mutating func podGraceExpired(_ pod: Int32, engine: inout Engine<Event>) {
        guard cluster.pods[Int(pod)].state == .terminating else { return }
        killPod(pod, engine: &engine)
    }

    /// Ends a pod now; requests it was serving go back to the queue (their work is lost).
    mutating func killPod(_ pod: Int32, engine: inout Engine<Event>) {
        let index = Int(pod)
        let state = cluster.pods[index].state
        if state == .ready || state == .starting || state == .pending {
            terminatePod(pod, gracePeriod: 0, engine: &engine)
        }
        guard cluster.pods[index].state == .terminating else { return }
        requeueInterruptedWork(of: pod)
        podGone(pod, engine: &engine)
        dispatch(engine: &engine)
    }

    /// The requests in service on `pod` are lost: their service no longer counts and they go back
    /// to the queue (RabbitMQ redelivers unacknowledged messages).
    private mutating func requeueInterruptedWork(of pod: Int32) {
        let index = Int(pod)
        let interrupted = cluster.pods[index].inService
        for slot in interrupted { broker.messages[Int(slot)].serviceToken = 0 }
        cluster.changeBusyWorkers(on: cluster.pods[index].node, by: -interrupted.count, at: lastClock)
        cluster.pods[index].inService.removeAll()
        broker.requeue(interrupted)
    }

    /// The pod no longer holds its node's GPU.
    mutating func podGone(_ pod: Int32, engine: inout Engine<Event>) {
        let node = cluster.pods[Int(pod)].node
        cluster.removePod(pod, at: engine.now)
        provisioner?.podEvent(on: node, at: engine.now)
        schedulePendingPods(engine: &engine)
    }

    /// The instance behind `node` vanished without Kubernetes being told (a spot reclaim nobody
    /// handled): billing stops now, requests in service are lost and re-queued, and its pods stay
    /// bound to the dead node (still replicas, no longer serving) until something deletes them
    /// (``removeStrandedPods(on:engine:)``).
    mutating func instanceVanished(_ node: Int32, engine: inout Engine<Event>) {
        let index = Int(node)
        guard cluster.nodes[index].phase != .stopped else { return }
        for pod in cluster.nodes[index].pods {
            requeueInterruptedWork(of: pod)
            broker.requeue(cluster.pods[Int(pod)].buffered)
            cluster.pods[Int(pod)].buffered.removeAll()
            cluster.strand(pod, at: engine.now)
        }
        cluster.stopNode(node, at: engine.now)
        dispatch(engine: &engine)
    }

    /// Deletes the pods stranded on the vanished `node`; the deployment replaces them.
    mutating func removeStrandedPods(on node: Int32, engine: inout Engine<Event>) {
        for pod in cluster.nodes[Int(node)].pods where cluster.pods[Int(pod)].state == .stranded {
            cluster.removePod(pod, at: engine.now)
        }
        reconcileDeployment(engine: &engine)
    }

    /// No work left and the cluster back at its floor: a run without a horizon can end.
    var clusterAtRest: Bool {
        guard let deployment = autoscaled else { return platform?.isAtRest ?? true }
        let floor = deployment.replicaFloor
        let floorNodes = Swift.max(deployment.minNodes, (floor + deployment.podsPerNode - 1) / deployment.podsPerNode)
        return cluster.isAtRest(floor: floor, floorNodes: floorNodes)
    }
}
