/// The Kubernetes objects the controllers move: GPU and system nodes, the worker pods, the
/// deployment's replica count, and each node's paid time by state.
///
/// Every change to what a node provisioner reads — the pending pods, the live GPU nodes, their
/// phases and bound pods — goes through a method here that bumps ``revision``, so a parked
/// controller sees a change by comparing one number. The event-driven side (boot times, pod
/// start-up, what happens to requests on a pod) is the serving model's (``ServingSystem``).
struct Cluster {
    private(set) var nodes: [Node] = []
    /// Worker pods by index; their consumer state (credit, messages) belongs to the request path.
    var pods: [Pod] = []
    /// Unscheduled pods, oldest first.
    private(set) var pendingPods: [Int32] = []
    /// Pods that count towards the deployment's replicas (pending, starting or ready), oldest first.
    private(set) var activePods: [Int32] = []
    private(set) var terminatingPodCount = 0
    /// GPU nodes whose VM has not stopped, in creation order.
    private(set) var liveGPUNodes: [Int32] = []
    private(set) var readyPodCount = 0
    /// The deployment's `spec.replicas`.
    var specReplicas = 0
    /// Requests in service, over all pods.
    private(set) var busyWorkers = 0
    /// The autoscaler wants fewer pods but is waiting (KEDA cooldown, Knative grace): idle pods
    /// are a "cooldown tail".
    private(set) var waitingToScaleIn = false
    /// Changes with every change to the pending pods, the live GPU nodes, their phases or bound pods.
    private(set) var revision: UInt64 = 0

    #if DEBUG
    /// A revision and the provisioner's inputs seen with it (``checkRevisionTracksInputs()``).
    private var checkedRevision: (revision: UInt64, inputs: [Int64])?
    #endif

    private mutating func bumpRevision() { revision &+= 1 }

    #if DEBUG
    /// Checks that the inputs of a node provisioner — the pending pods and, per live GPU node, its
    /// phase and bound pods — did not change since the last check with the same ``revision``.
    mutating func checkRevisionTracksInputs() {
        var inputs = pendingPods.map(Int64.init)
        inputs.append(-1)
        for id in liveGPUNodes {
            let node = nodes[Int(id)]
            inputs.append(Int64(id) << 32 | Int64(node.phase.rawValue) << 24 | Int64(node.boundPods))
        }
        if let checked = checkedRevision, checked.revision == revision {
            assert(checked.inputs == inputs, "a change to a node provisioner's inputs did not change the revision")
        } else {
            checkedRevision = (revision, inputs)
        }
    }
    #endif

    // MARK: Nodes

    /// Adds a node whose VM starts now (billing starts now).
    mutating func addNode(pool: String, spec: NodeSpec, at now: Double, phase: Node.Phase, isSystem: Bool)
        -> Int32 {
        nodes.append(Node(
            pool: pool, spec: spec, isSystem: isSystem, phase: phase, startSeconds: now,
            accountingState: isSystem ? .serving : (phase == .ready ? .idle : .coldStart), stateSince: now))
        if !isSystem {
            liveGPUNodes.append(Int32(nodes.count - 1))
            bumpRevision()
        }
        return Int32(nodes.count - 1)
    }

    /// Moves `node` to `phase` (not to `.stopped`: see ``stopNode(_:at:)``).
    mutating func setPhase(of node: Int32, to phase: Node.Phase) {
        nodes[Int(node)].phase = phase
        bumpRevision()
    }

    /// The node's VM stopped: its billing ends now and it leaves the live nodes.
    mutating func stopNode(_ node: Int32, at now: Double) {
        let index = Int(node)
        setAccountingState(of: index, to: nodes[index].accountingState, at: now)
        nodes[index].phase = .stopped
        nodes[index].stoppedSeconds = now
        liveGPUNodes.removeAll { $0 == node }
        bumpRevision()
    }

    /// Records that the node now holds the worker image; returns whether it already did.
    mutating func cacheImage(on node: Int32) -> Bool {
        defer { nodes[Int(node)].imageCached = true }
        return nodes[Int(node)].imageCached
    }

    /// The first ready node with a free GPU, in creation order.
    func nodeWithFreeGPU(podsPerNode: Int) -> Int32? {
        liveGPUNodes.first { nodes[Int($0)].phase == .ready && nodes[Int($0)].boundPods < podsPerNode }
    }

    // MARK: Pods

    /// Adds a pod of the deployment bound to `node`, starting (dedicated capacity).
    mutating func addStartingPod(on node: Int32, at now: Double, credit: Int) -> Int32 {
        pods.append(Pod(node: node, state: .starting, createdSeconds: now, credit: credit))
        let pod = Int32(pods.count - 1)
        nodes[Int(node)].pods.append(pod)
        bumpRevision()
        nodes[Int(node)].startingPods += 1
        activePods.append(pod)
        specReplicas += 1
        return pod
    }

    /// Adds an unscheduled pod of the deployment.
    mutating func addPendingPod(at now: Double, credit: Int) {
        pods.append(Pod(createdSeconds: now, credit: credit))
        pendingPods.append(Int32(pods.count - 1))
        bumpRevision()
        activePods.append(Int32(pods.count - 1))
    }

    /// Binds pending `pod` to `node` (kube-scheduler); it starts.
    mutating func bind(_ pod: Int32, to node: Int32) {
        pods[Int(pod)].node = node
        pods[Int(pod)].state = .starting
        nodes[Int(node)].pods.append(pod)
        bumpRevision()
        nodes[Int(node)].startingPods += 1
    }

    /// Keeps `remaining` as the pending pods (after a scheduling pass).
    mutating func setPendingPods(_ remaining: [Int32]) {
        pendingPods = remaining
        bumpRevision()
    }

    /// The pod passed its readiness probe.
    mutating func markReady(_ pod: Int32, at now: Double) {
        let index = Int(pod)
        pods[index].state = .ready
        readyPodCount += 1
        let node = Int(pods[index].node)
        nodes[node].startingPods -= 1
        nodes[node].readyPods += 1
        if nodes[node].firstPodReadySeconds == nil { nodes[node].firstPodReadySeconds = now }
        refreshNodeState(node, at: now)
    }

    /// The `count` pods the ReplicaSet controller deletes first when scaling in: unscheduled, then
    /// not ready, then the most recently created ready pods.
    func scaleInVictims(count: Int) -> ArraySlice<Int32> {
        let pods = pods                 // not `self`: capturing it copied the whole cluster per comparison
        func rank(_ pod: Int32) -> Int {
            switch pods[Int(pod)].state {
            case .pending: 0
            case .starting, .stranded: 1
            default: 2
            }
        }
        return activePods.sorted {
            rank($0) != rank($1) ? rank($0) < rank($1) : pods[Int($0)].createdSeconds > pods[Int($1)].createdSeconds
        }.prefix(count)
    }

    /// Deletes an unscheduled pod.
    mutating func deletePendingPod(_ pod: Int32) {
        pods[Int(pod)].state = .gone
        pendingPods.removeAll { $0 == pod }
        bumpRevision()
        activePods.removeAll { $0 == pod }
    }

    /// A ready pod starts terminating: it no longer counts as a replica nor as ready.
    mutating func beginTermination(of pod: Int32) {
        let index = Int(pod)
        pods[index].state = .terminating
        activePods.removeAll { $0 == pod }
        terminatingPodCount += 1
        readyPodCount -= 1
        nodes[Int(pods[index].node)].readyPods -= 1
    }

    /// The pod's node vanished: a starting or ready pod stays a replica but no longer starts or
    /// serves (``Pod/State/stranded``); a terminating one is gone.
    mutating func strand(_ pod: Int32, at now: Double) {
        let index = Int(pod)
        let node = Int(pods[index].node)
        switch pods[index].state {
        case .ready:
            readyPodCount -= 1
            nodes[node].readyPods -= 1
        case .starting:
            nodes[node].startingPods -= 1
        case .terminating:
            removePod(pod, at: now)
            return
        default:
            return
        }
        pods[index].state = .stranded
        bumpRevision()
    }

    /// The pod (starting, terminating or stranded) no longer holds its node's GPU.
    mutating func removePod(_ pod: Int32, at now: Double) {
        let index = Int(pod)
        let node = Int(pods[index].node)
        switch pods[index].state {
        case .starting, .stranded:
            if pods[index].state == .starting { nodes[node].startingPods -= 1 }
            activePods.removeAll { $0 == pod }
        case .terminating:
            terminatingPodCount -= 1
        default:
            break
        }
        pods[index].state = .gone
        nodes[node].pods.removeAll { $0 == pod }
        bumpRevision()
        refreshNodeState(node, at: now)
    }

    // MARK: Node accounting

    /// Requests in service on `node` change by `delta` at `now`.
    mutating func changeBusyWorkers(on node: Int32, by delta: Int, at now: Double) {
        guard delta != 0 else { return }
        busyWorkers += delta
        let index = Int(node)
        let before = nodes[index].busyWorkers
        nodes[index].busyWorkers += delta
        if (before == 0) != (nodes[index].busyWorkers == 0) { refreshNodeState(index, at: now) }
    }

    /// What node `index`'s paid time counts as now (see ``NodeState``).
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

    private mutating func setAccountingState(of index: Int, to state: NodeState, at now: Double) {
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

    /// No work left and the deployment back at its floor of `floor` replicas on at most
    /// `floorNodes` nodes, none of them leaving or starting pods.
    func isAtRest(floor: Int, floorNodes: Int) -> Bool {
        specReplicas == floor && pendingPods.isEmpty && terminatingPodCount == 0 && liveGPUNodes.count <= floorNodes
            && liveGPUNodes.allSatisfy { nodes[Int($0)].phase != .deleting && nodes[Int($0)].startingPods == 0 }
    }

    /// Every node's run up to `end`, which must be now (or later with no event since): VMs
    /// started before it (or at time 0), their time by state until they stopped or until `end`.
    func nodeRuns(upTo end: Double) -> [NodeRun] {
        nodes.indices.compactMap { index in
            let node = nodes[index]
            guard node.startSeconds < end || node.startSeconds == 0 else { return nil }
            var durations = node.durations
            if node.stoppedSeconds == nil { durations[node.accountingState] += end - node.stateSince }
            return NodeRun(
                nodeID: index, pool: node.pool, machine: node.spec, startSeconds: node.startSeconds,
                endSeconds: node.stoppedSeconds ?? end, readySeconds: node.firstPodReadySeconds,
                runningAtEnd: node.stoppedSeconds == nil, durations: durations)
        }
    }
}
