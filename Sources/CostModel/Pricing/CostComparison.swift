/// Two options side by side: how much the alternative saves per month against the baseline,
/// and the cost ratio the article quotes ("reduce the server cost by at least 5x").
public struct CostComparison: Sendable, Hashable {
    public var baselineName: String
    public var alternativeName: String
    public var baselineMonthly: Money
    public var alternativeMonthly: Money

    public init(baseline: CostReport, alternative: CostReport) {
        baselineName = baseline.optionName
        alternativeName = alternative.optionName
        baselineMonthly = baseline.monthlyTotal
        alternativeMonthly = alternative.monthlyTotal
    }

    public init(baselineName: String, baselineMonthly: Money, alternativeName: String, alternativeMonthly: Money) {
        self.baselineName = baselineName
        self.alternativeName = alternativeName
        self.baselineMonthly = baselineMonthly
        self.alternativeMonthly = alternativeMonthly
    }

    /// Baseline minus alternative per month (negative if the alternative costs more).
    public var monthlySavings: Money { baselineMonthly - alternativeMonthly }

    /// Baseline ÷ alternative (e.g. 7.30 means the alternative is 7.3× cheaper); `nil` if the
    /// alternative costs nothing. A `Double`, for display only.
    public var savingsRatio: Double? {
        guard alternativeMonthly.nanoDollars > 0 else { return nil }
        return Double(baselineMonthly.nanoDollars) / Double(alternativeMonthly.nanoDollars)
    }

    /// Savings as a fraction of the baseline (0.86 = 86 % cheaper); `nil` if the baseline is 0.
    public var savingsFraction: Double? {
        guard baselineMonthly.nanoDollars > 0 else { return nil }
        return Double(monthlySavings.nanoDollars) / Double(baselineMonthly.nanoDollars)
    }
}
