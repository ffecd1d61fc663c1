/// What Karpenter keeps about one of its nodes (a NodeClaim and its node): the offering it
/// launched on and the times its rules read. Seconds from the start of the run.
struct KarpenterNodeClaim {
    /// Index into the provisioner's offerings.
    var offering: Int
    var launchedSeconds: Double
    /// When the node initialized (GPU allocatable); nil before.
    var initializedSeconds: Double?
    /// `lastPodEventTime` (deduplicated, ``KarpenterSettings/lastPodEventTime(stored:event:)``).
    var lastPodEventSeconds: Double?
    /// A provisioning pass placed pending pods on it: no disruption before this time.
    var nominatedUntilSeconds = -Double.infinity
    /// The NodeClaim was deleted (the node tainted and drained) at this time; nil: it was not.
    var deletedSeconds: Double?
    /// While draining: when the drain is next checked.
    var drainCheckSeconds: Double?
    /// A spot reclaim nobody handles (no interruption queue): when the instance vanishes.
    var reclaimSeconds: Double?
    /// After it vanished: when the garbage collection deletes the NodeClaim, node and pods.
    var collectSeconds: Double?
}
