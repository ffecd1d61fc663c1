extension Cluster {
    /// A VM of the cluster: its pool and machine, its phase, the pods on it and its paid time by state.
    struct Node {
        enum Phase: UInt8 { case booting, registered, ready, deleting, stopped }

        var pool: String
        var spec: NodeSpec
        var isSystem: Bool
        var phase: Phase
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
    }
}
