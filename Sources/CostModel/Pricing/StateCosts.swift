import Simulator

/// Money per ``Simulator/NodeState``: what GPU nodes cost while cold-starting, serving, idle,
/// in the KEDA cooldown tail and in the cluster-autoscaler scale-down tail.
public struct StateCosts: Sendable, Hashable {
    private var amounts: [Money] = Array(repeating: .zero, count: NodeState.allCases.count)

    public init() {}

    public subscript(state: NodeState) -> Money {
        get { amounts[state.rawValue] }
        set { amounts[state.rawValue] = newValue }
    }

    /// Sum over all states.
    public var total: Money { amounts.reduce(.zero, +) }

    /// State by state sum.
    public static func + (lhs: StateCosts, rhs: StateCosts) -> StateCosts {
        var sum = lhs
        for state in NodeState.allCases { sum[state] = sum[state] + rhs[state] }
        return sum
    }
}
