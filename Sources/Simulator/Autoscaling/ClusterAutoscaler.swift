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
    }

    /// What one loop decided.
    struct Actions {
        var scaleUp = 0
        var delete: [Int32] = []
        var notes: [(rule: String, inputs: String)] = []
    }

    let settings: ClusterAutoscalerSettings
    let minNodes: Int
    let maxNodes: Int
    let podsPerNode: Int

    private(set) var lastScaleUpSeconds = -Double.infinity
    private(set) var lastDeleteSeconds = -Double.infinity
    private(set) var backoffUntilSeconds = -Double.infinity
    private(set) var unneededSince: [Int32: Double] = [:]

    init(settings: ClusterAutoscalerSettings, minNodes: Int, maxNodes: Int, podsPerNode: Int) {
        self.settings = settings
        self.minNodes = minNodes
        self.maxNodes = maxNodes
        self.podsPerNode = podsPerNode
    }

    /// One loop at `now`. `pendingPodCreationTimes` are the creation times of unscheduled GPU pods.
    mutating func loop(now: Double, nodes: [NodeView], pendingPodCreationTimes: [Double]) -> Actions {
        var actions = Actions()
        var scaleDownForbidden = false

        // Scale-up: pending pods beyond the free slots of nodes that exist or are coming.
        let live = nodes.filter { !$0.deleting }
        let freeSlots = live.reduce(0) { $0 + Swift.max(0, $1.gpuCount - $1.requestedGPUs) }
        let unplaced = pendingPodCreationTimes.sorted().dropLast(Swift.min(freeSlots, pendingPodCreationTimes.count))
        if let oldest = unplaced.first {
            let age = now - oldest
            if age < settings.podAgeBufferSeconds || age < settings.gpuPodAgeBufferSeconds {
                scaleDownForbidden = true
                actions.notes.append(("scale-up deferred: pending GPU pod younger than \(KEDAScaler.format(settings.gpuPodAgeBufferSeconds)) s",
                                      "pending=\(unplaced.count) oldestAge=\(KEDAScaler.format(age))"))
            } else if now < backoffUntilSeconds {
                actions.notes.append(("scale-up skipped: node group backed off after a failed scale-up", "until=\(KEDAScaler.format(backoffUntilSeconds))"))
            } else {
                let wanted = (unplaced.count + podsPerNode - 1) / podsPerNode
                let room = Swift.max(0, maxNodes - live.count)
                let count = Swift.min(wanted, room)
                if count > 0 {
                    actions.scaleUp = count
                    lastScaleUpSeconds = now
                } else {
                    actions.notes.append(("scale-up impossible: node pool at max \(maxNodes)", "pending=\(unplaced.count)"))
                }
            }
        }

        // Scale-down candidates are recomputed every loop; a node that stops qualifying loses its timer.
        var candidates = Set<Int32>()
        for node in live where node.registered {
            let utilization = node.gpuReady && node.gpuCount > 0 ? Double(node.requestedGPUs) / Double(node.gpuCount) : 0
            if utilization <= settings.gpuUtilizationThreshold && node.requestedGPUs == 0 {
                candidates.insert(node.id)
                if unneededSince[node.id] == nil { unneededSince[node.id] = now }
            }
        }
        unneededSince = unneededSince.filter { candidates.contains($0.key) }

        let inCooldown = scaleDownForbidden
            || lastScaleUpSeconds + settings.scaleDownDelayAfterAddSeconds > now
            || lastDeleteSeconds + settings.scaleDownDelayAfterDeleteSeconds > now
        if inCooldown {
            if !candidates.isEmpty && !scaleDownForbidden && lastScaleUpSeconds + settings.scaleDownDelayAfterAddSeconds > now {
                actions.notes.append(("scale-down in cooldown: scale-down-delay-after-add",
                                      "lastScaleUp=\(KEDAScaler.format(lastScaleUpSeconds)) unneeded=\(candidates.count)"))
            }
            return actions
        }
        var remaining = live.count
        for node in live where candidates.contains(node.id) {
            guard actions.delete.count < settings.maxEmptyBulkDelete, remaining > minNodes, let since = unneededSince[node.id] else { continue }
            let threshold = node.gpuReady ? settings.scaleDownUnneededSeconds : settings.scaleDownUnreadySeconds
            if since + threshold < now {
                actions.delete.append(node.id)
                remaining -= 1
            }
        }
        if !actions.delete.isEmpty {
            lastDeleteSeconds = now
            for id in actions.delete { unneededSince[id] = nil }
        }
        return actions
    }

    /// A scale-up request failed (stock-out): back the node group off.
    mutating func recordFailedScaleUp(now: Double) {
        backoffUntilSeconds = now + settings.initialBackoffSeconds
    }

    /// When `node` became unneeded, if it is.
    func unneededSince(node: Int32) -> Double? { unneededSince[node] }
}
