import Simulator

/// Several replications of one option priced separately, summarised: the mean monthly
/// breakdown and the spread of monthly totals. Means are exact sums divided by the count,
/// rounded half-up to the nano-dollar (sub-totals re-split so they still add up).
public struct CostSummary: Sendable, Hashable {
    public var optionName: String
    /// Number of reports summarised.
    public var replications: Int
    /// Mean of the reports' `perMonth` breakdowns.
    public var meanPerMonth: CostBreakdown
    /// Each replication's projected monthly total, in input order.
    public var monthlyTotals: [Money]

    /// Summarises `reports` (all of one option); `nil` if `reports` is empty.
    public init?(_ reports: [CostReport]) {
        guard let first = reports.first else { return nil }
        optionName = first.optionName
        replications = reports.count
        monthlyTotals = reports.map(\.monthlyTotal)
        let count = Int64(reports.count)
        func mean(_ value: (CostBreakdown) -> Money) -> Money {
            let sum = reports.reduce(Money.zero) { $0 + value($1.perMonth) }
            return sum.scaled(by: 1, over: count) ?? .zero
        }
        var breakdown = CostBreakdown(
            systemNodes: mean(\.systemNodes), gpuNodes: mean(\.gpuNodes), clusterFee: mean(\.clusterFee),
            clusterFeeCredit: mean(\.clusterFeeCredit))
        let stateSums = NodeState.allCases.map { state in reports.reduce(Money.zero) { $0 + $1.perMonth.gpuByState[state] }.nanoDollars.magnitude }
        let stateParts = breakdown.gpuNodes.apportioned(by: stateSums)
        for (index, state) in NodeState.allCases.enumerated() { breakdown.gpuByState[state] = stateParts[index] }
        let capacity = (breakdown.systemNodes + breakdown.gpuNodes).apportioned(by: [
            reports.reduce(Money.zero) { $0 + $1.perMonth.onDemand }.nanoDollars.magnitude,
            reports.reduce(Money.zero) { $0 + $1.perMonth.spot }.nanoDollars.magnitude,
        ])
        breakdown.onDemand = capacity[0]
        breakdown.spot = capacity[1]
        meanPerMonth = breakdown
    }

    /// Mean projected monthly total.
    public var meanMonthlyTotal: Money { meanPerMonth.total }
    /// Cheapest replication's monthly total.
    public var minimumMonthlyTotal: Money { monthlyTotals.min() ?? .zero }
    /// Dearest replication's monthly total.
    public var maximumMonthlyTotal: Money { monthlyTotals.max() ?? .zero }
}
