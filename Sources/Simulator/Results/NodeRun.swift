/// One billed lifetime of one VM: which machine, spot or not, from when to when, and how its
/// time splits by ``NodeState``. The cost model prices each run separately, which is how
/// per-VM minimum charges (GCP and AWS bill at least one minute per run) come out right.
public struct NodeRun: Sendable, Hashable {
    /// Index of the node within its run (stable, in creation order).
    public var nodeID: Int
    /// Node pool name (for example `gpu-pool` or `default-pool`).
    public var pool: String
    public var machine: NodeSpec
    /// VM creation: billing starts here, not when the pod becomes ready.
    public var startSeconds: Double
    /// VM deletion, or the end of the simulation for nodes still running.
    public var endSeconds: Double
    /// When the node's first pod became ready (end of the cold start); `nil` if it never did.
    public var readySeconds: Double?
    /// `true` if the node was still running when the simulation ended.
    public var runningAtEnd: Bool
    /// How `endSeconds - startSeconds` splits by state.
    public var durations: NodeStateDurations

    /// Billed length of the run.
    public var seconds: Double { endSeconds - startSeconds }

    public init(
        nodeID: Int, pool: String, machine: NodeSpec, startSeconds: Double, endSeconds: Double,
        readySeconds: Double?, runningAtEnd: Bool, durations: NodeStateDurations
    ) {
        self.nodeID = nodeID
        self.pool = pool
        self.machine = machine
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.readySeconds = readySeconds
        self.runningAtEnd = runningAtEnd
        self.durations = durations
    }
}
