/// The cluster autoscaler as the autoscaled pool's node provisioner: every scan interval (and at
/// once when pods go pending, with frequent loops) it shows ``ClusterAutoscaler`` the GPU nodes
/// and pending pods, then creates and deletes nodes as it decides.
final class ClusterAutoscalerController: NodeProvisioner {
    @exclusivity(unchecked) private var autoscaler: ClusterAutoscaler
    private let deployment: Shared<AutoscaledDeployment>
    /// The last loop's note: the log records a note when its kind changes.
    @exclusivity(unchecked) private var lastNote: ClusterAutoscaler.Note?

    init(deployment: Shared<AutoscaledDeployment>) {
        self.deployment = deployment
        autoscaler = ClusterAutoscaler(
            settings: deployment.clusterAutoscaler, minNodes: deployment.minNodes, maxNodes: deployment.maxNodes,
            podsPerNode: deployment.podsPerNode)
    }

    private var settings: ClusterAutoscalerSettings { autoscaler.settings }

    func addInitialNodes(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        for _ in 0..<deployment.minNodes { system.provisionNode(deployment, engine: &engine) }
    }

    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        system.startTimer(of: self, period: settings.scanIntervalSeconds, phase: settings.phaseSeconds, engine: &engine)
    }

    /// Frequent loops: a new unschedulable pod starts a loop now.
    func podsMayBePending(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        guard settings.frequentLoops, !system.cluster.pendingPods.isEmpty else { return }
        system.runNow(slot, engine: &engine)
    }

    /// One loop; returns the earliest time a loop with the same inputs could act.
    func tick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> Double {
        let now = engine.now
        if system.cluster.pendingPods.isEmpty && autoscaler.unneededSince.isEmpty
            && system.cluster.liveGPUNodes.allSatisfy({ id in
                let phase = system.cluster.nodes[Int(id)].phase
                return phase == .booting || phase == .deleting || system.cluster.nodes[Int(id)].boundPods > 0
            }) {
            return .infinity   // nothing pending, every node in use, no scale-down timer running: the loop does nothing
        }
        autoscaler.nodes.removeAll(keepingCapacity: true)
        var liveBefore = 0
        for id in system.cluster.liveGPUNodes {
            let node = Int(id)
            let phase = system.cluster.nodes[node].phase
            autoscaler.nodes.append(ClusterAutoscaler.NodeView(
                id: id, registered: phase != .booting, gpuReady: phase == .ready || phase == .deleting,
                requestedGPUs: system.cluster.nodes[node].boundPods, gpuCount: deployment.podsPerNode,
                deleting: phase == .deleting, createdSeconds: system.cluster.nodes[node].startSeconds))
            if phase != .deleting { liveBefore += 1 }
        }
        autoscaler.pendingPodCreationTimes.removeAll(keepingCapacity: true)
        for pod in system.cluster.pendingPods {
            autoscaler.pendingPodCreationTimes.append(system.cluster.pods[Int(pod)].createdSeconds)
        }
        let actions = autoscaler.loop(now: now)
        if system.keepDecisions, let note = actions.note, !note.sameKind(as: lastNote) {
            system.log(
                .clusterAutoscaler, at: now, rule: note.rule, inputs: note.inputs, from: liveBefore, to: liveBefore)
        }
        lastNote = actions.note
        let deletionDelay = settings.deleteDelayAfterTaintSeconds + deployment.vmDeletionSeconds
        if !actions.failedToRegister.isEmpty {
            if system.keepDecisions {
                system.log(.clusterAutoscaler, at: now,
                    rule: "failed scale-up: node(s) not registered within max-node-provision-time "
                        + "\(KEDAScaler.format(settings.maxNodeProvisionSeconds)) s; deleted, "
                        + "node group backed off \(KEDAScaler.format(autoscaler.backoff.durationSeconds ?? 0)) s",
                    inputs: "nodes=\(liveBefore) deleted=\(Self.list(actions.failedToRegister))",
                    from: liveBefore, to: liveBefore - actions.failedToRegister.count)
            }
            for node in actions.failedToRegister {
                system.deleteNode(node, afterSeconds: deletionDelay, engine: &engine)
            }
        }
        if actions.scaleUp > 0 { scaleUp(actions.scaleUp, liveBefore: liveBefore, in: &system, engine: &engine) }
        if !actions.delete.isEmpty {
            if system.keepDecisions {
                let unneeded = KEDAScaler.format(settings.scaleDownUnneededSeconds)
                system.log(.clusterAutoscaler, at: now,
                    rule: "scale-down: \(actions.delete.count) empty node(s) unneeded for \(unneeded) s",
                    inputs: "nodes=\(liveBefore) deleted=\(Self.list(actions.delete))",
                    from: liveBefore, to: liveBefore - actions.delete.count)
            }
            for node in actions.delete { system.deleteNode(node, afterSeconds: deletionDelay, engine: &engine) }
        }
        return autoscaler.earliestActionSeconds
    }

    /// Node IDs for the decision log: `3,4`.
    private static func list(_ nodes: [Int32]) -> String { nodes.map(String.init).joined(separator: ",") }

    /// Asks the cloud for `count` nodes; a spot request can fail for lack of capacity, which backs
    /// the node group off.
    private func scaleUp(_ count: Int, liveBefore: Int, in system: inout ServingSystem,
                         engine: inout Engine<ServingSystem.Event>) {
        let now = engine.now
        let spot = deployment.spot
        var created = 0
        for _ in 0..<count {
            if deployment.node.spot && spot.stockoutProbability > 0
                && system.preemptionRandom.nextUnitInterval() < spot.stockoutProbability {
                autoscaler.recordFailedScaleUp(now: now)
                if system.keepDecisions {
                    let backoff = KEDAScaler.format(autoscaler.backoff.durationSeconds ?? 0)
                    system.log(.cloud, at: now, rule: "stock-out: no spot capacity; node group backed off \(backoff) s",
                               inputs: "pending=\(system.cluster.pendingPods.count)",
                               from: liveBefore + created, to: liveBefore + created)
                }
                continue
            }
            system.provisionNode(deployment, engine: &engine)
            created += 1
        }
        if created > 0 && system.keepDecisions {
            let pending = system.cluster.pendingPods.count
            system.log(.clusterAutoscaler, at: now,
                       rule: "scale-up: \(pending) pending GPU pod(s) fit no existing or upcoming node",
                       inputs: "pending=\(pending) nodes=\(liveBefore)", from: liveBefore, to: liveBefore + created)
        }
    }
}
