import Simulator

/// Money per ``Simulator/NodeState``: what GPU nodes cost while cold-starting, serving, idle,
/// in the KEDA cooldown tail and in the cluster-autoscaler scale-down tail.
public struct StateCosts: Sendable, Hashable {
    /// One amount per state, by raw value, stored inline: pricing builds one per node run, and a
    /// run can have thousands.
    private var amounts = InlineArray<5, Money>(repeating: .zero)

    public init() {
        assert(NodeState.allCases.count == amounts.count, "one amount per node state")
    }

    /// `total` split over the states in proportion to `durations` (``Money/apportioned(by:)``,
    /// weights in whole microseconds); throws when a duration is negative, not a number or over
    /// 100 years.
    init(apportioning total: Money, over durations: NodeStateDurations) throws(CostModelError) {
        self.init()
        var weights = InlineArray<5, UInt64>(repeating: 0)
        for state in NodeState.allCases {
            weights[state.rawValue] = try BillingRules.wholeMicroseconds(durations[state]).magnitude
        }
        var shares = InlineArray<5, UInt64>(repeating: 0)
        var weightsSpan = weights.mutableSpan
        var sharesSpan = shares.mutableSpan
        if total.apportion(weights: &weightsSpan, into: &sharesSpan) {
            for index in shares.indices { amounts[index] = Money(nanoDollars: Int64(shares[index])) }
        } else {
            amounts[0] = total
        }
    }

    public subscript(state: NodeState) -> Money {
        get { amounts[state.rawValue] }
        set { amounts[state.rawValue] = newValue }
    }

    /// Sum over all states.
    public var total: Money {
        var sum = Money.zero
        for index in amounts.indices { sum = sum + amounts[index] }
        return sum
    }

    /// State by state sum.
    public static func + (lhs: StateCosts, rhs: StateCosts) -> StateCosts {
        var sum = lhs
        for index in sum.amounts.indices { sum.amounts[index] = sum.amounts[index] + rhs.amounts[index] }
        return sum
    }

    public static func == (lhs: StateCosts, rhs: StateCosts) -> Bool {
        lhs.amounts.indices.allSatisfy { lhs.amounts[$0] == rhs.amounts[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for index in amounts.indices { hasher.combine(amounts[index]) }
    }
}
