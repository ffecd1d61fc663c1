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
    // Five stored values rather than an array: updated on every busy/idle flip of a node.
    private var coldStart = 0.0, serving = 0.0, idle = 0.0, cooldownTail = 0.0, scaleDownTail = 0.0

    public init() {}

    public subscript(state: NodeState) -> Double {
        get {
            switch state {
            case .coldStart: coldStart
            case .serving: serving
            case .idle: idle
            case .cooldownTail: cooldownTail
            case .scaleDownTail: scaleDownTail
            }
        }
        set {
            switch state {
            case .coldStart: coldStart = newValue
            case .serving: serving = newValue
            case .idle: idle = newValue
            case .cooldownTail: cooldownTail = newValue
            case .scaleDownTail: scaleDownTail = newValue
            }
        }
    }

    /// Sum over all states.
    public var total: Double { coldStart + serving + idle + cooldownTail + scaleDownTail }

    /// Adds another set of durations state by state.
    public static func + (lhs: NodeStateDurations, rhs: NodeStateDurations) -> NodeStateDurations {
        var sum = lhs
        for state in NodeState.allCases { sum[state] += rhs[state] }
        return sum
    }
}
