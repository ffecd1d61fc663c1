import Simulator

/// The answer to "which option should we run, given what our users must get?": the cheapest
/// option that meets every objective, with its saving against the baseline, and what each
/// cheaper option breaks. Without a meeting option, the closest and what it misses.
///
/// Judged on the pooled figures of every replication (point estimates; `recommend` judges sweeps
/// on 95 % confidence bounds instead). Cost ties go to the lower p95, then the lower timed-out
/// share, then option order. Without objectives the verdict uses ``defaultObjectives(baseline:)``.
public struct Verdict: Sendable {
    /// What one option breaks.
    public struct Breach: Sendable, Hashable {
        public var objective: Objective
        /// The option's value: seconds for latencies, a share (0–1) otherwise.
        public var value: Double
    }

    /// One option judged against the objectives.
    public struct Assessment: Sendable {
        public var figures: OptionFigures
        public var breaches: [Breach]
        public var meetsObjectives: Bool { breaches.isEmpty }

        /// "✓", or "✗ " and the metrics missed ("timed out or rejected" when the platform rejected).
        public var mark: String {
            guard !meetsObjectives else { return "✓" }
            return "✗ " + breaches.map { breach in
                breach.objective.metric == .timedOut ? figures.failedLabel : breach.objective.metric.label
            }.joined(separator: ", ")
        }
    }

    /// The objectives judged against (the default's when none were given).
    public let objectives: [Objective]
    /// True when the user gave none and ``defaultObjectives(baseline:)`` applied.
    public let usesDefault: Bool
    /// Every option, in scenario order.
    public let assessments: [Assessment]
    /// The baseline (savings are measured against it).
    public let baseline: Assessment?
    /// The cheapest option meeting every objective.
    public let recommended: Assessment?
    /// With no option meeting every objective: the one with the fewest breaches, smallest misses.
    public let closest: Assessment?

    /// Judges `figures` (one per option, in scenario order).
    /// - Parameters:
    ///   - objectives: the user's; empty: the default.
    ///   - baselineName: the option savings are measured against; `nil` or unknown: the first.
    public init(figures: [OptionFigures], objectives: [Objective], baselineName: String?) {
        let baselineFigures = figures.first { $0.name == baselineName } ?? figures.first
        usesDefault = objectives.isEmpty
        let judged = objectives.isEmpty ? baselineFigures.map(Self.defaultObjectives(baseline:)) ?? [] : objectives
        self.objectives = judged
        let assessments = figures.map { option in
            Assessment(
                figures: option,
                breaches: judged.compactMap { objective in
                    let value = option.value(objective.metric)
                    return objective.isMet(by: value) ? nil : Breach(objective: objective, value: value)
                })
        }
        self.assessments = assessments
        baseline = assessments.first { $0.figures.name == baselineFigures?.name }
        let byCost = assessments.indices.sorted { Self.costOrder(assessments[$0], $0, assessments[$1], $1) }
        recommended = byCost.map { assessments[$0] }.first { $0.meetsObjectives }
        closest =
            recommended != nil
            ? nil
            : byCost.map { assessments[$0] }.min { a, b in
                (a.breaches.count, Self.excess(a)) < (b.breaches.count, Self.excess(b))
            }
    }

    /// Without objectives: no more timeouts than the baseline plus one percentage point, so an
    /// option is never recommended for a saving its users pay for in failed requests.
    public static func defaultObjectives(baseline: OptionFigures) -> [Objective] {
        [Objective(metric: .timedOut, threshold: Swift.min(1, baseline.timedOutShare + defaultTimeoutAllowance))]
    }

    /// Timed-out share the default objective allows above the baseline's: one percentage point.
    public static let defaultTimeoutAllowance = 0.01

    /// Options cheaper than the recommended one (or every other option when none meets), each
    /// with what it breaks, cheapest first.
    public var cheaperBreaking: [Assessment] {
        guard let reference = recommended ?? closest else { return [] }
        let limit = recommended?.figures.monthlyDollars ?? .infinity
        return
            assessments
            .filter { $0.figures.name != reference.figures.name && !$0.meetsObjectives }
            .filter { ($0.figures.monthlyDollars ?? .infinity) < limit || recommended == nil }
            .sorted { ($0.figures.monthlyDollars ?? .infinity) < ($1.figures.monthlyDollars ?? .infinity) }
    }

    /// Cheapest first; ties: lower p95, lower timed-out share, option order.
    private static func costOrder(_ a: Assessment, _ ia: Int, _ b: Assessment, _ ib: Int) -> Bool {
        let ca = a.figures.monthlyDollars ?? .infinity
        let cb = b.figures.monthlyDollars ?? .infinity
        if ca != cb { return ca < cb }
        let pa = a.figures.value(.p95)
        let pb = b.figures.value(.p95)
        if pa != pb { return pa < pb }
        if a.figures.timedOutShare != b.figures.timedOutShare {
            return a.figures.timedOutShare < b.figures.timedOutShare
        }
        return ia < ib
    }

    /// How far an option misses, summed over its breaches relative to each threshold.
    private static func excess(_ assessment: Assessment) -> Double {
        assessment.breaches.reduce(0) { sum, breach in
            let threshold = breach.objective.threshold
            return sum + (threshold > 0 ? breach.value / threshold - 1 : breach.value * 100)
        }
    }
}
