import Simulator

/// Several replications of one option priced separately, summarised: the mean monthly
/// breakdown and the spread of monthly totals. Means are exact sums (on 128 bits, so they never
/// overflow) divided by the count, rounded **down** to the nano-dollar: a sum of rounded-down
/// means never exceeds the mean of the sums, so the mean breakdown's `total` is at most the
/// dearest replication's and always within ``Money``'s range. Sub-totals (GPU by state,
/// on-demand vs spot) are re-split in proportion to their means so they still add up.
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
        func mean(_ value: (CostBreakdown) -> Money) -> Money {
            Money.mean(reports.map { value($0.perMonth) })
        }
        var breakdown = CostBreakdown(
            systemNodes: mean(\.systemNodes), gpuNodes: mean(\.gpuNodes), clusterFee: mean(\.clusterFee),
            clusterFeeCredit: mean(\.clusterFeeCredit))
        let stateMeans = NodeState.allCases.map { state in mean { $0.gpuByState[state] }.nanoDollars.magnitude }
        let stateParts = breakdown.gpuNodes.apportioned(by: stateMeans)
        for (index, state) in NodeState.allCases.enumerated() { breakdown.gpuByState[state] = stateParts[index] }
        // Rounded-down means: this sum is at most the largest report's, which CostCalculator checked.
        let capacity = (breakdown.systemNodes + breakdown.gpuNodes).apportioned(by: [
            mean(\.onDemand).nanoDollars.magnitude, mean(\.spot).nanoDollars.magnitude,
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
