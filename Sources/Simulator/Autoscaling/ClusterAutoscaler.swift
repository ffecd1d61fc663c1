/// The cluster autoscaler's decisions for one GPU node group (kubernetes/autoscaler
/// `core/static_autoscaler.go`, `core/scaledown/*`; scaling-semantics.md §4.3–4.5).
///
/// Scale-up: pending pods that fit on no existing or upcoming node ask for new nodes once the
/// oldest of them is old enough (2 s; 30 s for GPU pods). Scale-down: a node with GPU requests at
/// or below the threshold is "unneeded" from the first loop that sees it so; it is deleted once
/// unneeded for the unneeded time (unready time for nodes whose GPU is not yet allocatable), when
/// no cluster-wide cooldown applies, above the pool minimum, empty nodes in bulk.
/// Only empty nodes are removed: with one GPU per node (the article's pool) a node at or below
/// 50 % GPU utilisation is empty; draining multi-GPU nodes is not modelled.
struct ClusterAutoscaler {
    /// What the autoscaler sees of one node.
    struct NodeView {
        var id: Int32
        /// Registered with the cluster (kubelet up); booting VMs are "upcoming".
        var registered: Bool
        /// GPU allocatable (device plugin up); pods can be scheduled.
        var gpuReady: Bool
        /// GPU requests of pods bound to it (incl. terminating), in GPUs.
        var requestedGPUs: Int
        var gpuCount: Int
        /// Being deleted (tainted).
        var deleting: Bool
        /// When its VM was requested, seconds.
        var createdSeconds: Double
    }

    /// Why a loop did nothing, for the decision log (formatted only when logged).
    enum Note: Equatable {
        case scaleUpDeferred(pending: Int, oldestAgeSeconds: Double, bufferSeconds: Double)
        case backedOff(untilSeconds: Double)
        case poolAtMax(pending: Int, maxNodes: Int)
        case scaleDownCooldown(lastScaleUpSeconds: Double, unneeded: Int)

        /// Same kind of note (values aside): the log records a note when its kind changes.
        func sameKind(as other: Note?) -> Bool {
            switch (self, other) {
            case (.scaleUpDeferred, .scaleUpDeferred?), (.backedOff, .backedOff?), (.poolAtMax, .poolAtMax?), (.scaleDownCooldown, .scaleDownCooldown?): true
            default: false
            }
        }

        var rule: String {
            switch self {
            case .scaleUpDeferred(_, _, let buffer): "scale-up deferred: pending pod younger than \(KEDAScaler.format(buffer)) s"
            case .backedOff: "scale-up skipped: node group backed off after a failed scale-up"
            case .poolAtMax(_, let max): "scale-up impossible: node pool at max \(max)"
            case .scaleDownCooldown: "scale-down in cooldown: scale-down-delay-after-add"
            }
        }

        var inputs: String {
            switch self {
            case .scaleUpDeferred(let pending, let age, _): "pending=\(pending) oldestAge=\(KEDAScaler.format(age))"
            case .backedOff(let until): "until=\(KEDAScaler.format(until))"
            case .poolAtMax(let pending, _): "pending=\(pending)"
            case .scaleDownCooldown(let last, let unneeded): "lastScaleUp=\(KEDAScaler.format(last)) unneeded=\(unneeded)"
            }
        }
    }

    /// What one loop decided.
    struct Actions {
        var scaleUp = 0
        var delete: [Int32] = []
        /// Nodes that did not register within max-node-provision-time: a failed scale-up.
        var failedToRegister: [Int32] = []
        var note: Note?
    }

    let settings: ClusterAutoscalerSettings
    let minNodes: Int
    let maxNodes: Int
    let podsPerNode: Int

    private(set) var lastScaleUpSeconds = -Double.infinity
    private(set) var lastDeleteSeconds = -Double.infinity
    /// The node group's back-off after failed scale-ups (stock-outs, nodes not registered in time).
    private(set) var backoff: NodeGroupBackoff
    /// What the next loop sees, filled by the caller before each ``loop(now:)``: the GPU nodes and
    /// the creation times of the unscheduled GPU pods. Kept from loop to loop, as is the scratch
    /// space below (the loop runs every 10 s; allocating or retaining buffers showed in profiles).
    var nodes: [NodeView] = []
    var pendingPodCreationTimes: [Double] = []
    private var candidates: [Int32] = []
    /// Nodes unneeded since when (a handful of nodes: an array beats a dictionary here).
    private(set) var unneededSince: [(node: Int32, since: Double)] = []
    /// After the last loop: the earliest time at which a loop seeing the same nodes and pending
    /// pods could act — a pod leaving the age buffer, the back-off or a scale-down cooldown ending,
    /// an unneeded node reaching its unneeded time. Infinity when only new inputs can change anything.
    private(set) var earliestActionSeconds = Double.infinity

    init(settings: ClusterAutoscalerSettings, minNodes: Int, maxNodes: Int, podsPerNode: Int) {
        self.settings = settings
        self.minNodes = minNodes
        self.maxNodes = maxNodes
        self.podsPerNode = podsPerNode
        self.backoff = NodeGroupBackoff(
            initialSeconds: settings.initialBackoffSeconds, maxSeconds: settings.maxBackoffSeconds,
            resetTimeoutSeconds: settings.backoffResetTimeoutSeconds)
    }

    /// One loop at `now`, seeing ``nodes`` and ``pendingPodCreationTimes``.
    mutating func loop(now: Double) -> Actions {
        var actions = Actions()
        var scaleDownForbidden = false
        earliestActionSeconds = .infinity
        func mayActAt(_ time: Double) { if time >= now { earliestActionSeconds = Swift.min(earliestActionSeconds, time) } }

        // A node still unregistered after max-node-provision-time (strictly) is a failed scale-up
        // (clusterstate's long-unregistered nodes): deleted, the node group backed off, and no
        // longer counted as upcoming capacity.
        for node in nodes where !node.registered && !node.deleting {
            let deadline = node.createdSeconds + settings.maxNodeProvisionSeconds
            if deadline < now { actions.failedToRegister.append(node.id) } else { mayActAt(deadline.nextUp) }
        }
        if !actions.failedToRegister.isEmpty { backoff.recordFailure(now: now) }
        let failed = actions.failedToRegister

        // Scale-up: pending pods beyond the free slots of nodes that exist or are coming.
        let live = nodes.lazy.filter { !$0.deleting && !failed.contains($0.id) }
        let freeSlots = live.reduce(0) { $0 + Swift.max(0, $1.gpuCount - $1.requestedGPUs) }
        // Free slots take the youngest pods; the oldest pod is unplaced whenever any is.
        let unplacedCount = pendingPodCreationTimes.count - Swift.min(freeSlots, pendingPodCreationTimes.count)
        if unplacedCount > 0, let oldest = pendingPodCreationTimes.min() {
            let age = now - oldest
            // Old enough once `now` reaches creation + buffer, compared as that sum: the age as a
            // difference can fall a bit short of the buffer at the very tick the sum names.
            let oldEnough = oldest + Swift.max(settings.podAgeBufferSeconds, settings.gpuPodAgeBufferSeconds)
            if now < oldEnough {
                scaleDownForbidden = true
                mayActAt(oldEnough)
                // The wait that holds it back: the longer of the two young-pod buffers.
                let buffer = Swift.max(settings.podAgeBufferSeconds, settings.gpuPodAgeBufferSeconds)
                actions.note = .scaleUpDeferred(pending: unplacedCount, oldestAgeSeconds: age, bufferSeconds: buffer)
            } else if backoff.isBackedOff(at: now) {
                mayActAt(backoff.endSeconds)
                actions.note = .backedOff(untilSeconds: backoff.untilSeconds)
            } else {
                let wanted = (unplacedCount + podsPerNode - 1) / podsPerNode
                let room = Swift.max(0, maxNodes - live.count)
                let count = Swift.min(wanted, room)
                if count > 0 {
                    actions.scaleUp = count
                    lastScaleUpSeconds = now
                } else {
                    actions.note = .poolAtMax(pending: unplacedCount, maxNodes: maxNodes)
                }
            }
        }

        // Scale-down candidates are recomputed every loop; a node that stops qualifying loses its timer.
        candidates.removeAll(keepingCapacity: true)
        for node in live where node.registered {
            let utilization = node.gpuReady && node.gpuCount > 0 ? Double(node.requestedGPUs) / Double(node.gpuCount) : 0
            if utilization <= settings.gpuUtilizationThreshold && node.requestedGPUs == 0 {
                candidates.append(node.id)
                if !unneededSince.contains(where: { $0.node == node.id }) { unneededSince.append((node.id, now)) }
            }
        }
        if unneededSince.contains(where: { !candidates.contains($0.node) }) {
            let current = candidates
            unneededSince.removeAll { entry in !current.contains(entry.node) }
        }

        let scaleUpCooldownEnd = lastScaleUpSeconds + settings.scaleDownDelayAfterAddSeconds
        let deleteCooldownEnd = lastDeleteSeconds + settings.scaleDownDelayAfterDeleteSeconds
        if !candidates.isEmpty {
            for entry in unneededSince {   // a node goes strictly after its unneeded time (below)
                mayActAt((entry.since + settings.scaleDownUnneededSeconds).nextUp)
                mayActAt((entry.since + settings.scaleDownUnreadySeconds).nextUp)
            }
            // A cooldown that ends exactly now is already over (`end > now`): only a later end counts.
            if scaleUpCooldownEnd > now { mayActAt(scaleUpCooldownEnd) }
            if deleteCooldownEnd > now { mayActAt(deleteCooldownEnd) }
        }
        let inCooldown = scaleDownForbidden || scaleUpCooldownEnd > now || deleteCooldownEnd > now
        if inCooldown {
            if !candidates.isEmpty && !scaleDownForbidden && scaleUpCooldownEnd > now {
                actions.note = .scaleDownCooldown(lastScaleUpSeconds: lastScaleUpSeconds, unneeded: candidates.count)
            }
            return actions
        }
        var remaining = live.count
        let current = candidates
        for node in live where current.contains(node.id) {
            guard actions.delete.count < settings.maxEmptyBulkDelete, remaining > minNodes,
                  let since = unneededSince.first(where: { $0.node == node.id })?.since else { continue }
            let threshold = node.gpuReady ? settings.scaleDownUnneededSeconds : settings.scaleDownUnreadySeconds
            if since + threshold < now {
                actions.delete.append(node.id)
                remaining -= 1
            }
        }
        if !actions.delete.isEmpty {
            lastDeleteSeconds = now
            unneededSince.removeAll { actions.delete.contains($0.node) }
        }
        return actions
    }

    /// A scale-up request failed (stock-out): back the node group off (as does a node that does
    /// not register in time, inside ``loop(now:)``).
    mutating func recordFailedScaleUp(now: Double) {
        backoff.recordFailure(now: now)
        earliestActionSeconds = now                   // the next loop sees the back-off
    }
}
