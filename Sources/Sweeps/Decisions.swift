import Foundation
import Scenarios
import Simulator

/// The configurations no other beats on both mean monthly cost and mean `metric` (lower is
/// better for both). Ties on both keep the lowest configuration index. Sorted by cost.
public func paretoFrontier(_ summaries: [ConfigurationSummary], metric: SweepMetric = .p95) -> [ConfigurationSummary] {
    let sorted = summaries.filter { $0.cost.mean.isFinite && $0.interval(metric).mean.isFinite }
        .sorted {
            ($0.cost.mean, $0.interval(metric).mean, $0.configuration) < (
                $1.cost.mean, $1.interval(metric).mean, $1.configuration
            )
        }
    var frontier: [ConfigurationSummary] = []
    var best = Double.infinity
    for summary in sorted where summary.interval(metric).mean < best {
        frontier.append(summary)
        best = summary.interval(metric).mean
    }
    return frontier
}

extension Objective {
    /// Met with 95 % confidence: the upper bound of the 95 % CI is within the threshold.
    public func isMet(by summary: ConfigurationSummary) -> Bool {
        isMet(by: summary.interval(SweepMetric(metric)).upper)
    }
}

extension SweepMetric {
    /// The sweep metric an objective bounds.
    public init(_ metric: Objective.Metric) {
        switch metric {
        case .p50: self = .p50
        case .p95: self = .p95
        case .p99: self = .p99
        case .timedOut: self = .timeouts
        case .coldStartHit: self = .coldStarts
        }
    }
}

/// The answer of `recommend`.
public struct Recommendation: Sendable {
    /// Cheapest (by mean monthly cost) configuration meeting every SLO with 95 % confidence.
    public var best: ConfigurationSummary?
    /// The next cheapest that also meets them.
    public var runnerUp: ConfigurationSummary?
    /// Tighter versions of the first SLO, each with the cheapest configuration that meets it.
    public var tightening: [(objective: Objective, summary: ConfigurationSummary)]
    /// How many configurations met every SLO.
    public var qualifying: Int

    /// - Parameter objectives: all must be met; the first is the one tightened.
    public init(summaries: [ConfigurationSummary], objectives: [Objective]) {
        let ordered = summaries.sorted { ($0.cost.mean, $0.configuration) < ($1.cost.mean, $1.configuration) }
        let meeting = ordered.filter { summary in objectives.allSatisfy { $0.isMet(by: summary) } }
        qualifying = meeting.count
        best = meeting.first
        runnerUp = meeting.dropFirst().first
        tightening = []
        guard let best, let primary = objectives.first else { return }
        // Each step: the cheapest configuration whose upper bound beats the previous step's.
        var bound = best.interval(SweepMetric(primary.metric)).upper
        for candidate in meeting where candidate.interval(SweepMetric(primary.metric)).upper < bound {
            bound = candidate.interval(SweepMetric(primary.metric)).upper
            var tighter = primary
            tighter.threshold = bound
            tighter.strict = false
            tightening.append((tighter, candidate))
            if tightening.count == 3 { break }
        }
    }
}

/// Where two monthly-cost curves over traffic volume cross (linear interpolation between
/// neighbouring volumes).
public struct BreakEven: Sendable {
    public struct Point: Sendable, Hashable {
        public var scale: Double
        public var volume: Double
        public var dedicatedDollars: Double
        public var sweptDollars: Double
        /// Mean p95 response time of each side (seconds): cost alone hides an overloaded side.
        public var dedicatedP95Seconds: Double = .nan
        public var sweptP95Seconds: Double = .nan
    }

    public var points: [Point]

    public init(points: [Point]) { self.points = points.sorted { $0.scale < $1.scale } }

    /// Volumes at which the cheaper option changes, with which is cheaper above.
    public var crossovers: [(volume: Double, dedicatedCheaperAbove: Bool)] {
        var result: [(Double, Bool)] = []
        for (a, b) in zip(points, points.dropFirst()) {
            let da = a.dedicatedDollars - a.sweptDollars, db = b.dedicatedDollars - b.sweptDollars
            guard da.sign != db.sign, da != 0 || db != 0 else { continue }
            let t = da / (da - db)
            result.append((a.volume + t * (b.volume - a.volume), db < 0))
        }
        return result
    }
}
