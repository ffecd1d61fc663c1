/// Karpenter as the autoscaled pool's node provisioner (kubernetes-sigs/karpenter v1.14.1 and its
/// AWS and Azure providers; docs/karpenter.md gives every rule with its source line).
///
/// - Provisioning: pending pods trigger the batcher (at once, then every 10 s while pending); when
///   a batch closes, the pending pods that fit no live or launching node get NodeClaims, launched
///   at once on the first available offering (``KarpenterOfferings``) within the pool's limits. A
///   spot launch can find no capacity: the offering is unavailable for 3 min and the pods retry.
/// - Disruption: the controller's tick is the disruption loop (every 10 s; at once after a
///   command). Initialized empty nodes past `consolidateAfter` and not nominated become one
///   emptiness command within the budgets, validated 15 s later; the nodes kept are tainted and
///   drained (at least 5 s), then their instances terminate (billing ends).
/// - NodeClaims not registered 15 min after launch are deleted; nodes are drained at `expireAfter`
///   regardless of budgets; a spot interruption deletes the NodeClaim at once with an interruption
///   queue, and without one the instance vanishes at the end of the notice and the garbage
///   collection (every 2 min, once the node is NotReady) removes it and its pods.
///
/// The batcher, the validation, drains, timeouts, expirations, reclaims and the garbage collection
/// run on alarms (``NodeProvisioner/alarm(_:in:engine:)``): one is scheduled at a time, at the
/// earliest time any of them is due.
final class KarpenterProvisioner: NodeProvisioner {
    private let deployment: Shared<AutoscaledDeployment>
    private let settings: KarpenterSettings
    @exclusivity(unchecked) private var offerings: KarpenterOfferings
    @exclusivity(unchecked) private var batcher: KarpenterBatcher
    /// Indexed by node ID; nil for nodes that are not Karpenter's (system nodes).
    @exclusivity(unchecked) private var claims: [KarpenterNodeClaim?] = []
    /// Karpenter's nodes not yet gone for good (live, or vanished and awaiting collection), oldest first.
    @exclusivity(unchecked) private var nodes: [Int32] = []
    /// Pending pods and when each next re-triggers the batcher, oldest first.
    @exclusivity(unchecked) private var retriggers: [(pod: Int32, at: Double)] = []
    /// The emptiness command waiting out its validation.
    @exclusivity(unchecked) private var command: (validatedAt: Double, nodes: [Int32])?
    @exclusivity(unchecked) private var alarmSeconds = Double.infinity
    @exclusivity(unchecked) private var alarmGeneration: UInt32 = 0
    /// Counts pod events: they move a node's consolidation clock without changing the cluster's revision.
    @exclusivity(unchecked) private var podEvents = 0
    /// The first tick of the garbage collection's 2-min grid.
    private var collectionAnchorSeconds = 0.0
    /// Alarms handled at the current instant: a handful at most, unless a due time is never cleared.
    @exclusivity(unchecked) private var alarmsThisInstant = (time: -Double.infinity, count: 0)
    private static let maxAlarmsPerInstant = 10_000

    /// Kubernetes marks a node whose kubelet stopped reporting NotReady after this long
    /// (kube-controller-manager `--node-monitor-grace-period`, 50 s in current releases).
    static let nodeMonitorGraceSeconds = 50.0

    init(deployment: Shared<AutoscaledDeployment>, settings: KarpenterSettings) {
        self.deployment = deployment
        self.settings = settings
        offerings = KarpenterOfferings(settings: settings, node: deployment.node)
        batcher = KarpenterBatcher(idleSeconds: settings.batchIdleSeconds, maxSeconds: settings.batchMaxSeconds)
    }

    // MARK: Controller

    /// The disruption loop reads the nodes and pods (the revision) and the pods' events.
    func inputs(_ readings: ControllerReadings) -> ControllerInputs {
        ControllerInputs(first: Int(truncatingIfNeeded: readings.clusterRevision), second: podEvents)
    }

    /// Karpenter keeps no minimum of nodes.
    func addInitialNodes(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}

    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        collectionAnchorSeconds = engine.now + system.controllerPhases.firstTickSeconds(
            of: slot, period: KarpenterSettings.garbageCollectionSeconds,
            pinned: settings.garbageCollectionPhaseSeconds)
        system.startTimer(
            of: self, period: KarpenterSettings.disruptionPollSeconds, phase: settings.disruptionPhaseSeconds,
            engine: &engine)
    }

    /// One pass of the disruption loop; returns the earliest time a pass with the same inputs could act.
    func tick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> Double {
        let now = engine.now
        guard command == nil else { return .infinity }      // the validation blocks the loop and restarts it
        let (candidates, earliest) = emptyNodes(in: system, at: now)
        guard !candidates.isEmpty else { return earliest }
        let allowed = allowedDisruptions(in: system)
        guard allowed > 0 else { return earliest }
        let chosen = Array(candidates.prefix(allowed))
        command = (now + KarpenterSettings.validationSeconds, chosen)
        if system.keepDecisions {
            let live = liveNodeCount(in: system)
            let after = KEDAScaler.format(settings.consolidateAfterSeconds ?? 0)
            system.log(.karpenter, at: now,
                       rule: "emptiness: \(chosen.count) empty node(s) past consolidateAfter \(after) s; "
                           + "validating \(KEDAScaler.format(KarpenterSettings.validationSeconds)) s",
                       inputs: "nodes=\(live) empty=\(candidates.count) budget=\(allowed) candidates=\(Self.list(chosen))",
                       from: live, to: live)
        }
        rescheduleAlarm(in: system, engine: &engine)
        return .infinity
    }

    // MARK: Hooks

    /// New pending pods trigger the batcher now (a trigger at the close belongs to the next batch).
    func podsMayBePending(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        let now = engine.now
        var triggered = false
        for pod in system.cluster.pendingPods where !retriggers.contains(where: { $0.pod == pod }) {
            closeBatchIfDue(at: now, in: &system, engine: &engine)
            batcher.trigger(pod: pod, at: now)
            retriggers.append((pod, now + KarpenterSettings.pendingPodRequeueSeconds))
            triggered = true
        }
        if triggered { rescheduleAlarm(in: system, engine: &engine) }
    }

    func nodeRegistered(_ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        guard system.keepDecisions, let claim = claim(node) else { return }
        let live = liveNodeCount(in: system)
        system.log(.karpenter, at: engine.now, rule: "NodeClaim registered: node joined the cluster",
                   inputs: "node=\(node) boot=\(KEDAScaler.format(((engine.now - claim.launchedSeconds) * 10).rounded() / 10))",
                   from: live, to: live)
    }

    func nodeInitialized(_ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        guard claim(node) != nil else { return }
        claims[Int(node)]!.initializedSeconds = engine.now
        if system.keepDecisions {
            let live = liveNodeCount(in: system)
            system.log(.karpenter, at: engine.now, rule: "NodeClaim initialized: nvidia.com/gpu allocatable",
                       inputs: "node=\(node)", from: live, to: live)
        }
    }

    func podEvent(on node: Int32, at now: Double) {
        guard let claim = claim(node) else { return }
        claims[Int(node)]!.lastPodEventSeconds = KarpenterSettings.lastPodEventTime(
            stored: claim.lastPodEventSeconds, event: now)
        podEvents &+= 1
    }

    /// With an interruption queue the NodeClaim is deleted at once and the offering is avoided for
    /// 3 min; without one Karpenter hears nothing and the instance vanishes at the end of the notice.
    func spotInterruptionNotice(
        _ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>
    ) {
        guard let claim = claim(node) else { return system.reclaimAfterNotice(node, engine: &engine) }
        let now = engine.now
        let notice = deployment.spot.noticeSeconds
        if settings.interruptionQueue {
            offerings.markUnavailable(claim.offering, until: now + KarpenterSettings.unavailableOfferingSeconds)
            deleteClaim(node, in: &system, engine: &engine)
            engine.schedule(.nodeStopped(node: node), after: notice)
            log("spot interruption via the interruption queue: NodeClaim deleted, offering unavailable "
                + "\(KEDAScaler.format(KarpenterSettings.unavailableOfferingSeconds)) s",
                node: node, removing: 1, in: &system, at: now)
        } else {
            claims[Int(node)]!.reclaimSeconds = now + notice
            log("spot interruption warning unseen (no interruption queue): the instance goes in "
                + "\(KEDAScaler.format(notice)) s", node: node, removing: 0, in: &system, at: now)
        }
        rescheduleAlarm(in: system, engine: &engine)
    }

    func alarm(_ generation: UInt32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        guard generation == alarmGeneration else { return }
        alarmSeconds = .infinity
        let now = engine.now
        alarmsThisInstant = alarmsThisInstant.time == now ? (now, alarmsThisInstant.count + 1) : (now, 1)
        guard alarmsThisInstant.count <= Self.maxAlarmsPerInstant else {
            system.runError = SimulationError.stalled(controller: "Karpenter", timeSeconds: now)
            return engine.stop()
        }
        closeBatchIfDue(at: now, in: &system, engine: &engine)
        retriggers.removeAll { system.cluster.pods[Int($0.pod)].state != .pending }
        for index in retriggers.indices where retriggers[index].at <= now {
            closeBatchIfDue(at: now, in: &system, engine: &engine)
            batcher.trigger(pod: retriggers[index].pod, at: now)
            retriggers[index].at += KarpenterSettings.pendingPodRequeueSeconds
        }
        if let command, command.validatedAt <= now { finishCommand(in: &system, engine: &engine) }
        for node in nodes { handleDueTimes(of: node, in: &system, engine: &engine) }
        nodes.removeAll { node in
            system.cluster.nodes[Int(node)].phase == .stopped && claims[Int(node)]?.collectSeconds == nil
        }
        rescheduleAlarm(in: system, engine: &engine)
    }

    // MARK: Provisioning

    private func closeBatchIfDue(at now: Double, in system: inout ServingSystem,
                                 engine: inout Engine<ServingSystem.Event>) {
        guard let closesAt = batcher.closesAt, closesAt <= now else { return }
        batcher.close()
        provision(closedAt: closesAt, in: &system, engine: &engine)
    }

    /// The provisioning pass of a batch that closed at `closedAt`: pods pending since before it
    /// go to free GPUs of live and launching nodes first (which are then nominated), the rest
    /// get new NodeClaims.
    private func provision(closedAt: Double, in system: inout ServingSystem,
                           engine: inout Engine<ServingSystem.Event>) {
        let now = engine.now
        var unplaced = system.cluster.pendingPods.reduce(0) { count, pod in
            count + (system.cluster.pods[Int(pod)].createdSeconds < closedAt ? 1 : 0)
        }
        guard unplaced > 0 else { return }
        let podsPerNode = deployment.podsPerNode
        for node in nodes where unplaced > 0 {
            let state = system.cluster.nodes[Int(node)]
            guard state.phase != .deleting, state.phase != .stopped, state.boundPods < podsPerNode else { continue }
            unplaced -= Swift.min(unplaced, podsPerNode - state.boundPods)
            claims[Int(node)]!.nominatedUntilSeconds = now + settings.nominationSeconds
        }
        guard unplaced > 0 else { return }
        // Limits count every node whose instance runs, draining ones included.
        let live = nodes.reduce(0) { $0 + (system.cluster.nodes[Int($1)].phase != .stopped ? 1 : 0) }
        var room = deployment.maxNodes - live
        if let maxNodes = settings.maxNodes { room = Swift.min(room, maxNodes - live) }
        if let maxGPUs = settings.maxGPUs { room = Swift.min(room, (maxGPUs - live * podsPerNode) / podsPerNode) }
        let wanted = (unplaced + podsPerNode - 1) / podsPerNode
        let count = Swift.min(wanted, Swift.max(0, room))
        if count < wanted && system.keepDecisions {
            let nodes = liveNodeCount(in: system)
            system.log(.karpenter, at: now, rule: "provisioning: pool limits reached (\(wanted - count) NodeClaim(s) not created)",
                       inputs: "pending=\(unplaced) nodes=\(nodes)", from: nodes, to: nodes)
        }
        for _ in 0..<count where launch(pendingPods: unplaced, in: &system, engine: &engine) == false { break }
    }

    /// Launches one NodeClaim on the first available offering; false when none could launch.
    private func launch(pendingPods: Int, in system: inout ServingSystem,
                        engine: inout Engine<ServingSystem.Event>) -> Bool {
        let now = engine.now
        let before = liveNodeCount(in: system)
        guard let index = offerings.choose(at: now) else {
            if system.keepDecisions {
                system.log(.karpenter, at: now, rule: "provisioning: no offering available; pods retry",
                           inputs: "pending=\(pendingPods)", from: before, to: before)
            }
            return false
        }
        let spec = offerings.offerings[index]
        let stockout = deployment.spot.stockoutProbability
        if spec.spot && stockout > 0 && system.preemptionRandom.nextUnitInterval() < stockout {
            offerings.markUnavailable(index, until: now + KarpenterSettings.unavailableOfferingSeconds)
            if system.keepDecisions {
                system.log(.cloud, at: now,
                           rule: "insufficient capacity: no \(spec.displayName); offering unavailable "
                               + "\(KEDAScaler.format(KarpenterSettings.unavailableOfferingSeconds)) s",
                           inputs: "pending=\(pendingPods)", from: before, to: before)
            }
            return false
        }
        let node = system.provisionNode(deployment, spec: spec, engine: &engine)
        if claims.count <= Int(node) { claims.append(contentsOf: repeatElement(nil, count: Int(node) + 1 - claims.count)) }
        claims[Int(node)] = KarpenterNodeClaim(offering: index, launchedSeconds: now)
        nodes.append(node)
        if system.keepDecisions {
            system.log(.karpenter, at: now,
                       rule: "batch closed: NodeClaim launched on \(spec.displayName)",
                       inputs: "pending=\(pendingPods) nodes=\(before) node=\(node)", from: before, to: before + 1)
        }
        return true
    }

    // MARK: Disruption

    /// Initialized, empty, consolidatable, un-nominated nodes not being deleted, oldest first; and
    /// the earliest time another such node could qualify on the clock alone.
    private func emptyNodes(in system: ServingSystem, at now: Double) -> (nodes: [Int32], earliest: Double) {
        var candidates: [Int32] = []
        var earliest = Double.infinity
        for node in nodes {
            let state = system.cluster.nodes[Int(node)]
            guard let claim = claims[Int(node)], claim.deletedSeconds == nil, state.phase == .ready,
                  state.startingPods + state.readyPods == 0,
                  let consolidatable = settings.consolidatableAt(
                      initializedAt: claim.initializedSeconds, lastPodEventAt: claim.lastPodEventSeconds)
            else { continue }
            if consolidatable > now {
                earliest = Swift.min(earliest, consolidatable)
            } else if claim.nominatedUntilSeconds > now {
                earliest = Swift.min(earliest, claim.nominatedUntilSeconds)
            } else {
                candidates.append(node)
            }
        }
        return (candidates, earliest)
    }

    /// Nodes the budgets let start disrupting now for emptiness.
    private func allowedDisruptions(in system: ServingSystem) -> Int {
        var initialized = 0, disrupting = 0
        for node in nodes {
            let phase = system.cluster.nodes[Int(node)].phase
            guard claims[Int(node)]?.initializedSeconds != nil, phase != .stopped else { continue }
            initialized += 1
            if phase != .ready { disrupting += 1 }
        }
        return settings.allowedDisruptions(for: .empty, initializedNodes: initialized, disrupting: disrupting)
    }

    /// The validation is over: the command's nodes that still qualify, within the budget, are
    /// deleted; the loop runs again at once after an action, else a poll period later.
    private func finishCommand(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        guard let command else { return }
        self.command = nil
        let now = engine.now
        let stillEmpty = emptyNodes(in: system, at: now).nodes
        let kept = Array(command.nodes.filter(stillEmpty.contains).prefix(allowedDisruptions(in: system)))
        if !kept.isEmpty {
            let live = liveNodeCount(in: system)
            if system.keepDecisions {
                system.log(.karpenter, at: now, rule: "emptiness validated: NodeClaim(s) deleted, nodes tainted and drained",
                           inputs: "nodes=\(live) deleted=\(Self.list(kept))", from: live, to: live - kept.count)
            }
            for node in kept { deleteClaim(node, in: &system, engine: &engine) }
            system.runNow(slot, engine: &engine)
        } else {
            if system.keepDecisions {
                let live = liveNodeCount(in: system)
                system.log(.karpenter, at: now, rule: "emptiness validation failed: candidates changed",
                           inputs: "nodes=\(live) candidates=\(Self.list(command.nodes))", from: live, to: live)
            }
            system.restartGrid(of: slot, engine: &engine)
        }
    }

    /// Deletes the NodeClaim of `node`: taints and drains it; its instance terminates once the
    /// drain is over (``handleDueTimes(of:in:engine:)``).
    private func deleteClaim(_ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        let now = engine.now
        guard let claim = claim(node), claim.deletedSeconds == nil else { return }
        claims[Int(node)]!.deletedSeconds = now
        claims[Int(node)]!.drainCheckSeconds = now + KarpenterSettings.minimumDrainSeconds
        system.drainNode(node, gracePeriodLimit: settings.terminationGracePeriodSeconds, engine: &engine)
    }

    /// Whatever is due for `node` now: the end of its drain, its registration timeout, its
    /// expiration, a spot reclaim nobody handled, its garbage collection.
    private func handleDueTimes(of node: Int32, in system: inout ServingSystem,
                                engine: inout Engine<ServingSystem.Event>) {
        let now = engine.now
        guard let claim = claim(node) else { return }
        let phase = system.cluster.nodes[Int(node)].phase
        if let collect = claim.collectSeconds, collect <= now {
            claims[Int(node)]!.collectSeconds = nil
            log("garbage collection: NodeClaim of a vanished instance deleted with its node and pods",
                node: node, removing: 0, in: &system, at: now)
            system.removeStrandedPods(on: node, engine: &engine)
            return
        }
        guard phase != .stopped else { return }
        if let reclaim = claim.reclaimSeconds, reclaim <= now {
            claims[Int(node)]!.reclaimSeconds = nil
            system.instanceVanished(node, engine: &engine)
            claims[Int(node)]!.collectSeconds = collectionTick(
                atOrAfter: now + Self.nodeMonitorGraceSeconds)
            log("spot instance reclaimed: billing ends; node NotReady in "
                + "\(KEDAScaler.format(Self.nodeMonitorGraceSeconds)) s", node: node, removing: 1, in: &system, at: now)
            return
        }
        if let check = claim.drainCheckSeconds, check <= now {
            guard system.cluster.nodes[Int(node)].pods.isEmpty else {
                claims[Int(node)]!.drainCheckSeconds = now + 1
                return
            }
            claims[Int(node)]!.drainCheckSeconds = nil
            log("drained: instance terminated", node: node, removing: 0, in: &system, at: now)
            system.nodeStopped(node, engine: &engine)
            return
        }
        if phase == .booting, claim.launchedSeconds + KarpenterSettings.registrationTimeoutSeconds <= now {
            system.nodeStopped(node, engine: &engine)
            log("NodeClaim not registered within \(KEDAScaler.format(KarpenterSettings.registrationTimeoutSeconds)) s: "
                + "deleted with its instance", node: node, removing: 1, in: &system, at: now)
            return
        }
        if claim.deletedSeconds == nil, let expire = settings.expireAfterSeconds, claim.launchedSeconds + expire <= now {
            deleteClaim(node, in: &system, engine: &engine)
            log("expireAfter \(KEDAScaler.format(expire)) s reached: NodeClaim deleted", node: node, removing: 1,
                in: &system, at: now)
        }
    }

    // MARK: Alarm

    /// Schedules the alarm at the earliest time something is due (moving or cancelling the last one).
    private func rescheduleAlarm(in system: ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        var next = batcher.closesAt ?? .infinity
        for retrigger in retriggers { next = Swift.min(next, retrigger.at) }
        if let command { next = Swift.min(next, command.validatedAt) }
        for node in nodes {
            guard let claim = claims[Int(node)] else { continue }
            if let collect = claim.collectSeconds { next = Swift.min(next, collect) }
            let phase = system.cluster.nodes[Int(node)].phase
            guard phase != .stopped else { continue }
            for time in [claim.reclaimSeconds, claim.drainCheckSeconds] {
                if let time { next = Swift.min(next, time) }
            }
            if phase == .booting {
                next = Swift.min(next, claim.launchedSeconds + KarpenterSettings.registrationTimeoutSeconds)
            }
            if claim.deletedSeconds == nil, let expire = settings.expireAfterSeconds {
                next = Swift.min(next, claim.launchedSeconds + expire)
            }
        }
        next = Swift.max(next, engine.now)
        guard next != alarmSeconds else { return }
        alarmGeneration &+= 1
        alarmSeconds = next
        if next.isFinite {
            engine.schedule(.provisionerAlarm(generation: alarmGeneration), at: next, rank: slot.rawValue)
        }
    }

    /// The first garbage-collection tick at or after `time`.
    private func collectionTick(atOrAfter time: Double) -> Double {
        let period = KarpenterSettings.garbageCollectionSeconds
        var tick = collectionAnchorSeconds + Swift.max(0, ((time - collectionAnchorSeconds) / period).rounded(.up)) * period
        if tick < time { tick += period }
        return tick
    }

    // MARK: Helpers

    private func claim(_ node: Int32) -> KarpenterNodeClaim? {
        node >= 0 && Int(node) < claims.count ? claims[Int(node)] : nil
    }

    /// Karpenter's nodes whose instance runs and that are not being deleted.
    private func liveNodeCount(in system: ServingSystem) -> Int {
        nodes.reduce(0) { count, node in
            let phase = system.cluster.nodes[Int(node)].phase
            return count + (phase != .stopped && phase != .deleting ? 1 : 0)
        }
    }

    private func log(_ rule: String, node: Int32, removing: Int, in system: inout ServingSystem, at now: Double) {
        guard system.keepDecisions else { return }
        let live = liveNodeCount(in: system)
        system.log(.karpenter, at: now, rule: rule, inputs: "node=\(node)", from: live + removing, to: live)
    }

    /// Node IDs for the decision log: `3,4`.
    private static func list(_ nodes: [Int32]) -> String { nodes.map(String.init).joined(separator: ",") }
}
