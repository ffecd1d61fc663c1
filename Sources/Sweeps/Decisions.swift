import Foundation
import Scenarios

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

/// A service-level objective on one metric: `p95<=30s`, `p99<2m`, timeouts `<=0.1%`.
public struct SLO: Sendable, Hashable, CustomStringConvertible {
    public var metric: SweepMetric
    public var strict: Bool
    /// Seconds for latencies, a share (0–1) for timeouts and cold starts.
    public var threshold: Double

    public init(metric: SweepMetric, strict: Bool = false, threshold: Double) {
        self.metric = metric
        self.strict = strict
        self.threshold = threshold
    }

    /// Parses a latency SLO: `p50|p95|p99` `<=|<` duration (`30s`, `1.5m`, `500ms`, `30`).
    public static func latency(_ text: String) throws(SweepError) -> SLO {
        let compact = text.filter { !$0.isWhitespace }
        let metrics: [(String, SweepMetric)] = [("p50", .p50), ("p95", .p95), ("p99", .p99)]
        guard let (prefix, metric) = metrics.first(where: { compact.lowercased().hasPrefix($0.0) }) else {
            throw .invalidInput("SLO '\(text)': expected p50, p95 or p99 then <= or < and a duration, e.g. p95<=30s")
        }
        let afterMetric = compact.dropFirst(prefix.count)
        if let next = afterMetric.first, next.isWholeNumber || next == "." {
            throw .invalidInput("SLO '\(text)': only p50, p95 and p99 are kept for each run")
        }
        let (strict, rest) = try comparison(String(afterMetric), text: text)
        guard let seconds = DecimalNumber.seconds(rest), seconds > 0 else {
            throw .invalidInput("SLO '\(text)': '\(rest)' is not a duration > 0 (e.g. 30s, 2m, 500ms)")
        }
        return SLO(metric: metric, strict: strict, threshold: seconds)
    }

    /// Parses a share SLO: `<=0.1%` or `<=0.001`, for timeouts (or cold starts).
    public static func share(_ text: String, metric: SweepMetric = .timeouts) throws(SweepError) -> SLO {
        var compact = text.filter { !$0.isWhitespace }
        for name in ["timeouts", "timeout", "cold-starts"] where compact.lowercased().hasPrefix(name) {
            compact.removeFirst(name.count)
        }
        let (strict, rest) = try comparison(compact, text: text)
        let value: Double?
        if rest.hasSuffix("%") {
            value = DecimalNumber.parse(rest.dropLast()).map { $0 / 100 }
        } else {
            value = DecimalNumber.parse(rest)
        }
        guard let value else { throw .invalidInput("'\(text)': '\(rest)' is not a share (e.g. 0.1% or 0.001)") }
        guard value >= 0, value < 1 || (value == 1 && !strict) else {
            throw .invalidInput("'\(text)': a share must be between 0% and 100%")
        }
        if strict && value == 0 { throw .invalidInput("'\(text)': nothing is below 0%; use <=0%") }
        return SLO(metric: metric, strict: strict, threshold: value)
    }

    private static func comparison(_ text: String, text original: String) throws(SweepError) -> (Bool, String) {
        if text.hasPrefix("<=") { return (false, String(text.dropFirst(2))) }
        if text.hasPrefix("≤") { return (false, String(text.dropFirst(1))) }
        if text.hasPrefix("<") { return (true, String(text.dropFirst(1))) }
        if text.hasPrefix(">") || text.hasPrefix("=") {
            throw .invalidInput("'\(original)': only upper bounds (<= or <) make sense for latency and timeouts")
        }
        throw .invalidInput("'\(original)': expected <= or < (e.g. p95<=30s, <=0.1%)")
    }

    /// Three significant digits, without trailing zeros (`6.5`, `0.1`, `120`).
    static func significant(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return ParameterValue.format(value) }
        let digits = Swift.max(0, 2 - Int(log10(abs(value)).rounded(.down)))
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A latency objective no result can break: response times are capped at the client timeout.
    public func isAlwaysMet(responseCapSeconds cap: Double) -> Bool {
        guard [.p50, .p95, .p99].contains(metric) else { return false }
        return strict ? threshold > cap : threshold >= cap
    }

    /// Met with 95 % confidence: the upper bound of the 95 % CI is within the threshold.
    public func isMet(by summary: ConfigurationSummary) -> Bool {
        let upper = summary.interval(metric).upper
        return strict ? upper < threshold : upper <= threshold
    }

    public var description: String {
        let op = strict ? "<" : "<="
        switch metric {
        case .timeouts, .coldStarts: return "\(metric.rawValue) \(op) \(Self.significant(threshold * 100))%"
        default: return "\(metric.rawValue) \(op) \(Self.significant(threshold))s"
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
    public var tightening: [(slo: SLO, summary: ConfigurationSummary)]
    /// How many configurations met every SLO.
    public var qualifying: Int

    /// - Parameter slos: all must be met; the first is the one tightened.
    public init(summaries: [ConfigurationSummary], slos: [SLO]) {
        let ordered = summaries.sorted { ($0.cost.mean, $0.configuration) < ($1.cost.mean, $1.configuration) }
        let meeting = ordered.filter { summary in slos.allSatisfy { $0.isMet(by: summary) } }
        qualifying = meeting.count
        best = meeting.first
        runnerUp = meeting.dropFirst().first
        tightening = []
        guard let best, let primary = slos.first else { return }
        // Each step: the cheapest configuration whose upper bound beats the previous step's.
        var bound = best.interval(primary.metric).upper
        for candidate in meeting where candidate.interval(primary.metric).upper < bound {
            bound = candidate.interval(primary.metric).upper
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
