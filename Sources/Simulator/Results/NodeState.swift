/// What a billed node is doing, for splitting its paid time (GPU node-hours by state).
///
/// The simulator records these durations; the cost model prices them. The autoscaling
/// options add the tail states: time a node is kept after its last request because of the
/// KEDA cooldown, then because of the cluster autoscaler's scale-down delays.
public enum NodeState: Int, Sendable, CaseIterable, Hashable {
    /// From VM creation until its GPU pod is ready to take work (billed, serves nothing).
    case coldStart = 0
    /// At least one worker on the node is running a request.
    case serving = 1
    /// Ready pod, no request running, and the autoscaler still wants the pod.
    case idle = 2
    /// Idle while waiting for the KEDA cooldown (or Knative grace period) to remove the pod.
    case cooldownTail = 3
    /// No serving pod left; waiting for the cluster autoscaler to delete the node.
    case scaleDownTail = 4

    /// Label used in tables, CSV and JSON.
    public var label: String {
        switch self {
        case .coldStart: "cold-start"
        case .serving: "serving"
        case .idle: "idle"
        case .cooldownTail: "cooldown-tail"
        case .scaleDownTail: "scale-down-tail"
        }
    }
}

/// Seconds spent in each ``NodeState``.
public struct NodeStateDurations: Sendable, Hashable {
    private var seconds: [Double] = Array(repeating: 0, count: NodeState.allCases.count)

    public init() {}

    public subscript(state: NodeState) -> Double {
        get { seconds[state.rawValue] }
        set { seconds[state.rawValue] = newValue }
    }

    /// Sum over all states.
    public var total: Double { seconds.reduce(0, +) }

    /// Adds another set of durations state by state.
    public static func + (lhs: NodeStateDurations, rhs: NodeStateDurations) -> NodeStateDurations {
        var sum = lhs
        for state in NodeState.allCases { sum[state] += rhs[state] }
        return sum
    }
}
