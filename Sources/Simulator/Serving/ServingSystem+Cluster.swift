import DequeModule

/// Nodes, pods and the scheduler: the Kubernetes objects the controllers move.
extension ServingSystem {
    enum PodState { case pending, starting, ready, terminating, gone }
    enum NodePhase: UInt8 { case booting, registered, ready, deleting, stopped }

    struct Pod {
        var node: Int32 = -1
        var state: PodState = .pending
        var createdSeconds: Double
        var credit: Int
        var inService: [Int32] = []
        var buffered = Deque<Int32>()
    }

    struct Node {
        var pool: String
        var spec: NodeSpec
        var isSystem: Bool
        var phase: NodePhase
        var startSeconds: Double
        var firstPodReadySeconds: Double?
        var stoppedSeconds: Double?
        var accountingState: NodeState
        var stateSince: Double
        var durations = NodeStateDurations()
        /// Pods bound to the node that still hold its GPU (starting, ready or terminating).
        var pods: [Int32] = []
        var boundPods: Int { pods.count }
        var startingPods = 0
        var readyPods = 0
        var busyWorkers = 0
        var imageCached = false
        var preempting = false
    }

    // MARK: Nodes

    /// Adds a node whose VM starts now (billing starts now).
    @discardableResult
    mutating func addNode(pool: String, spec: NodeSpec, at now: Double, phase: NodePhase, isSystem: Bool = false) -> Int32 {
        nodes.append(Node(
            pool: pool, spec: spec, isSystem: isSystem, phase: phase, startSeconds: now,
            accountingState: isSystem ? .serving : (phase == .ready ? .idle : .coldStart), stateSince: now))
        if !isSystem {
            liveGPUNodes.append(Int32(nodes.count - 1))
            clusterRevision &+= 1
        }
        return Int32(nodes.count - 1)
    }

    /// Creates a GPU node for the autoscaled pool and starts its boot.
    mutating func provisionNode(_ deployment: Shared<AutoscaledDeployment>, engine: inout Engine<Event>) {
        let node = addNode(pool: "gpu-pool", spec: deployment.node, at: engine.now, phase: .booting)
        gpuNodesCreated += 1
        engine.schedule(.nodeRegistered(node: node), after: Swift.max(0, deployment.coldStart.vmBoot.sample(using: &coldStartRandom)))
        if deployment.node.spot && deployment.spot.preemptionsPerNodeHour > 0 {
            let hours = Distribution.exponential(mean: 1 / deployment.spot.preemptionsPerNodeHour).sample(using: &preemptionRandom)
            engine.schedule(.preemptionNotice(node: node), after: hours * 3600)
        }
    }

    mutating func nodeRegistered(_ node: Int32, engine: inout Engine<Event>) {
        guard let deployment = autoscaled, nodes[Int(node)].phase == .booting else { return }
        nodes[Int(node)].phase = .registered
        clusterRevision &+= 1
        let setup = deployment.coldStart.driverInstall.sample(using: &coldStartRandom) + deployment.coldStart.devicePlugin.sample(using: &coldStartRandom)
        engine.schedule(.nodeGPUReady(node: node), after: Swift.max(0, setup))
    }

    mutating func nodeGPUReady(_ node: Int32, engine: inout Engine<Event>) {
        guard nodes[Int(node)].phase == .registered else { return }
        nodes[Int(node)].phase = .ready
        clusterRevision &+= 1
        refreshNodeState(Int(node), at: engine.now)
        schedulePendingPods(engine: &engine)
    }

    /// The cluster autoscaler deletes an empty node: taint, then the VM stops.
    mutating func deleteNode(_ node: Int32, engine: inout Engine<Event>) {
        guard let deployment = autoscaled, nodes[Int(node)].phase != .deleting, nodes[Int(node)].phase != .stopped else { return }
        nodes[Int(node)].phase = .deleting
        clusterRevision &+= 1
        refreshNodeState(Int(node), at: engine.now)
        engine.schedule(.nodeStopped(node: node), after: deployment.clusterAutoscaler.deleteDelayAfterTaintSeconds + deployment.vmDeletionSeconds)
    }

    /// The VM is gone: billing stops; pods still on it die and their work is re-queued.
    mutating func nodeStopped(_ node: Int32, engine: inout Engine<Event>) {
        let index = Int(node)
        guard nodes[index].phase != .stopped else { return }
        for pod in nodes[index].pods { killPod(pod, engine: &engine) }
        setAccountingState(of: index, to: nodes[index].accountingState, at: engine.now)
        nodes[index].phase = .stopped
        nodes[index].stoppedSeconds = engine.now
        liveGPUNodes.removeAll { $0 == node }
        clusterRevision &+= 1
        reconcileDeployment(engine: &engine)
        triggerClusterAutoscaler(engine: &engine)
    }

    mutating func preemptionNotice(_ node: Int32, engine: inout Engine<Event>) {
        let index = Int(node)
        guard let deployment = autoscaled, nodes[index].phase != .stopped, nodes[index].phase != .deleting else { return }
        preemptions += 1
        nodes[index].preempting = true
        nodes[index].phase = .deleting
        clusterRevision &+= 1
        if keepDecisions {
            log(.cloud, at: engine.now, rule: "spot preemption notice (\(KEDAScaler.format(deployment.spot.noticeSeconds)) s)", inputs: "node=\(node)",
                from: liveGPUNodes.count, to: liveGPUNodes.count - 1)
        }
        for pod in nodes[index].pods {
            terminatePod(pod, gracePeriod: Swift.min(deployment.terminationGracePeriodSeconds, deployment.spot.noticeSeconds), engine: &engine)
        }
        refreshNodeState(index, at: engine.now)
        engine.schedule(.nodeStopped(node: node), after: deployment.spot.noticeSeconds)
    }

    // MARK: Pods

    /// Adds a worker pod bound to `node` that is ready at once (dedicated capacity).
    mutating func addReadyPod(on node: Int32, engine: inout Engine<Event>) {
        pods.append(Pod(node: node, state: .starting, createdSeconds: engine.now, credit: scenario.workers.prefetch))
        let pod = Int32(pods.count - 1)
        nodes[Int(node)].pods.append(pod)
        clusterRevision &+= 1
        nodes[Int(node)].startingPods += 1
        activePods.append(pod)
        specReplicas += 1
        markPodReady(pod, engine: &engine)
    }

    /// Sets the deployment's replica count and makes the pods follow (the Deployment controller).
    mutating func setSpecReplicas(_ replicas: Int, engine: inout Engine<Event>) {
        advanceClock(to: engine.now)                  // a controller tick changes pods: integrate up to now first
        if specReplicas == 0 && replicas > 0 { activationsFromZero += 1 }
        specReplicas = replicas
        reconcileDeployment(engine: &engine)
    }

    /// Creates or deletes pods until the non-terminating pods match the replica count. Deletion
    /// order follows the ReplicaSet controller: unscheduled first, then not ready, then the most
    /// recently started ready pods.
    mutating func reconcileDeployment(engine: inout Engine<Event>) {
        guard autoscaled != nil else { return }
        if activePods.count < specReplicas {
            for _ in activePods.count..<specReplicas {
                pods.append(Pod(createdSeconds: engine.now, credit: scenario.workers.prefetch))
                pendingPods.append(Int32(pods.count - 1))
                clusterRevision &+= 1
                activePods.append(Int32(pods.count - 1))
            }
            schedulePendingPods(engine: &engine)
            if !pendingPods.isEmpty { triggerClusterAutoscaler(engine: &engine) }
        } else if activePods.count > specReplicas {
            func rank(_ pod: Int32) -> Int { pods[Int(pod)].state == .pending ? 0 : pods[Int(pod)].state == .starting ? 1 : 2 }
            let victims = activePods.sorted {
                rank($0) != rank($1) ? rank($0) < rank($1) : pods[Int($0)].createdSeconds > pods[Int($1)].createdSeconds
            }.prefix(activePods.count - specReplicas)
            for pod in victims {
                terminatePod(pod, gracePeriod: autoscaled?.terminationGracePeriodSeconds ?? 30, engine: &engine)
            }
        }
    }

    /// Binds pending pods to nodes with a free, allocatable GPU (kube-scheduler), oldest first.
    mutating func schedulePendingPods(engine: inout Engine<Event>) {
        guard let deployment = autoscaled, !pendingPods.isEmpty else { return }
        var remaining: [Int32] = []
        for pod in pendingPods {
            guard pods[Int(pod)].state == .pending else { continue }
            guard let nodeID = liveGPUNodes.first(where: {
                nodes[Int($0)].phase == .ready && nodes[Int($0)].boundPods < deployment.podsPerNode
            }) else {
                remaining.append(pod)
                continue
            }
            let node = Int(nodeID)
            pods[Int(pod)].node = nodeID
            pods[Int(pod)].state = .starting
            nodes[node].pods.append(pod)
            clusterRevision &+= 1
            nodes[node].startingPods += 1
            var startup = deployment.coldStart.modelLoad.sample(using: &coldStartRandom) + deployment.coldStart.readiness.sample(using: &coldStartRandom)
            if !(nodes[node].imageCached && deployment.coldStart.imageCachedOnNode) {
                startup += deployment.coldStart.imagePull.sample(using: &coldStartRandom)
                nodes[node].imageCached = true
            }
            refreshNodeState(node, at: engine.now)
            engine.schedule(.podStarted(pod: pod), after: Swift.max(0, startup))
        }
        pendingPods = remaining
        clusterRevision &+= 1
    }

    mutating func podStarted(_ pod: Int32, engine: inout Engine<Event>) {
        guard pods[Int(pod)].state == .starting else { return }
        markPodReady(pod, engine: &engine)
    }

    mutating func markPodReady(_ podIndex: Int32, engine: inout Engine<Event>) {
        let index = Int(podIndex)
        pods[index].state = .ready
        readyPodCount += 1
        let node = Int(pods[index].node)
        nodes[node].startingPods -= 1
        nodes[node].readyPods += 1
        if nodes[node].firstPodReadySeconds == nil { nodes[node].firstPodReadySeconds = engine.now }
        refreshNodeState(node, at: engine.now)
        consumersWithCredit.append(podIndex)
        dispatch(engine: &engine)
    }

    /// Starts a pod's deletion: an unscheduled or starting pod goes at once; a ready pod stops
    /// consuming, hands back its prefetched messages, and finishes its current requests within
    /// the grace period.
    mutating func terminatePod(_ podIndex: Int32, gracePeriod: Double, engine: inout Engine<Event>) {
        let index = Int(podIndex)
        switch pods[index].state {
        case .pending:
            pods[index].state = .gone
            pendingPods.removeAll { $0 == podIndex }
            clusterRevision &+= 1
            activePods.removeAll { $0 == podIndex }
        case .starting:
            podGone(podIndex, engine: &engine)
        case .ready:
            pods[index].state = .terminating
            activePods.removeAll { $0 == podIndex }
            terminatingPodCount += 1
            readyPodCount -= 1
            nodes[Int(pods[index].node)].readyPods -= 1
            requeue(pods[index].buffered)
            pods[index].buffered.removeAll()
            if pods[index].inService.isEmpty {
                podGone(podIndex, engine: &engine)
            } else {
                refreshNodeState(Int(pods[index].node), at: engine.now)
                engine.schedule(.podGraceExpired(pod: podIndex), after: gracePeriod)
            }
            dispatch(engine: &engine)
        case .terminating, .gone:
            return
        }
    }

    mutating func podGraceExpired(_ pod: Int32, engine: inout Engine<Event>) {
        guard pods[Int(pod)].state == .terminating else { return }
        killPod(pod, engine: &engine)
    }

    /// Ends a pod now; requests it was serving go back to the queue (their work is lost).
    mutating func killPod(_ podIndex: Int32, engine: inout Engine<Event>) {
        let index = Int(podIndex)
        if pods[index].state == .ready || pods[index].state == .starting || pods[index].state == .pending {
            terminatePod(podIndex, gracePeriod: 0, engine: &engine)
        }
        guard pods[index].state == .terminating else { return }
        let interrupted = pods[index].inService
        for slot in interrupted { requests[Int(slot)].serviceToken = 0 }
        changeBusyWorkers(on: pods[index].node, by: -interrupted.count)
        pods[index].inService.removeAll()
        requeue(interrupted)
        podGone(podIndex, engine: &engine)
        dispatch(engine: &engine)
    }

    /// The pod no longer holds its node's GPU.
    mutating func podGone(_ podIndex: Int32, engine: inout Engine<Event>) {
        let index = Int(podIndex)
        let node = Int(pods[index].node)
        switch pods[index].state {
        case .starting:
            nodes[node].startingPods -= 1
            activePods.removeAll { $0 == podIndex }
        case .terminating:
            terminatingPodCount -= 1
        default:
            break
        }
        pods[index].state = .gone
        nodes[node].pods.removeAll { $0 == podIndex }
        clusterRevision &+= 1
        refreshNodeState(node, at: engine.now)
        schedulePendingPods(engine: &engine)
    }

    // MARK: Node accounting

    mutating func changeBusyWorkers(on node: Int32, by delta: Int) {
        guard delta != 0 else { return }
        busyWorkers += delta
        let index = Int(node)
        let before = nodes[index].busyWorkers
        nodes[index].busyWorkers += delta
        if (before == 0) != (nodes[index].busyWorkers == 0) { refreshNodeState(index, at: lastClock) }
    }

    /// What node `index`'s paid time counts as now (see ``NodeState``). Reads the node's fields
    /// in place: copying a whole `Node` (strings, arrays) on every busy/idle flip showed in profiles.
    func classify(_ index: Int) -> NodeState {
        if nodes[index].isSystem || nodes[index].busyWorkers > 0 { return .serving }
        switch nodes[index].phase {
        case .booting, .registered: return .coldStart
        case .deleting, .stopped: return .scaleDownTail
        case .ready: break
        }
        if nodes[index].readyPods > 0 { return waitingToScaleIn ? .cooldownTail : .idle }
        if nodes[index].startingPods > 0 { return .coldStart }
        return .scaleDownTail
    }

    mutating func refreshNodeState(_ index: Int, at now: Double) {
        setAccountingState(of: index, to: classify(index), at: now)
    }

    mutating func setAccountingState(of index: Int, to state: NodeState, at now: Double) {
        guard nodes[index].stoppedSeconds == nil else { return }
        nodes[index].durations[nodes[index].accountingState] += now - nodes[index].stateSince
        nodes[index].accountingState = state
        nodes[index].stateSince = now
    }

    mutating func setWaitingToScaleIn(_ waiting: Bool, at now: Double) {
        guard waiting != waitingToScaleIn else { return }
        waitingToScaleIn = waiting
        for position in liveGPUNodes.indices { refreshNodeState(Int(liveGPUNodes[position]), at: now) }
    }

    /// No work left and the cluster back at its floor: a run without a horizon can end.
    var clusterAtRest: Bool {
        guard let deployment = autoscaled else { return true }
        let floor = deployment.replicaFloor
        let floorNodes = Swift.max(deployment.minNodes, (floor + deployment.podsPerNode - 1) / deployment.podsPerNode)
        return specReplicas == floor && pendingPods.isEmpty && terminatingPodCount == 0 && liveGPUNodes.count <= floorNodes
            && liveGPUNodes.allSatisfy { nodes[Int($0)].phase != .deleting && nodes[Int($0)].startingPods == 0 }
    }
}

