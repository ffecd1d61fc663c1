import Simulator

/// The one grammar of objectives, shared by scenario files (`objectives: {p95: 30s}`) and the
/// command line (`--slo "p95<=30s"`, `--timeouts "<=1%"`). Analysis prints them.
extension Objective {
    /// Parses a latency objective: `p50|p95|p99` `<=|<` duration (`30s`, `1.5m`, `500ms`, `30`).
    public static func latency(_ text: String) throws(ObjectiveError) -> Objective {
        let compact = text.filter { !$0.isWhitespace }
        let metrics: [Metric] = [.p50, .p95, .p99]
        guard let metric = metrics.first(where: { compact.lowercased().hasPrefix($0.rawValue) }) else {
            throw ObjectiveError("'\(text)': expected p50, p95 or p99 then <= or < and a duration, e.g. p95<=30s")
        }
        let afterMetric = compact.dropFirst(metric.rawValue.count)
        if let next = afterMetric.first, next.isWholeNumber || next == "." {
            throw ObjectiveError("'\(text)': only p50, p95 and p99 are kept for each run")
        }
        let (strict, rest) = try comparison(String(afterMetric), text: text)
        return try latency(metric, strict: strict, value: rest, text: text)
    }

    /// Parses a share objective: `<=0.1%` or `<=0.001` (a leading `timeouts` or `cold-starts` is allowed).
    public static func share(_ text: String, metric: Metric = .timedOut) throws(ObjectiveError) -> Objective {
        var compact = text.filter { !$0.isWhitespace }
        for name in ["timeouts", "timeout", "cold-starts"] where compact.lowercased().hasPrefix(name) {
            compact.removeFirst(name.count)
        }
        let (strict, rest) = try comparison(compact, text: text)
        return try share(metric, strict: strict, value: rest, text: text)
    }

    /// Parses the value of a scenario's `objectives:` entry for `metric`: a bound with or without
    /// its comparison (`30s`, `<30s`, `1%`, `<=0.01`); a bare value means `<=`.
    public static func value(_ text: String, metric: Metric) throws(ObjectiveError) -> Objective {
        let compact = text.filter { !$0.isWhitespace }
        let (strict, rest) =
            compact.first.map { "<≤>=".contains($0) } == true
            ? try comparison(compact, text: text) : (false, compact)
        return metric.isLatency
            ? try latency(metric, strict: strict, value: rest, text: text)
            : try share(metric, strict: strict, value: rest, text: text)
    }

    private static func latency(
        _ metric: Metric, strict: Bool, value: String, text: String
    ) throws(ObjectiveError) -> Objective {
        guard let seconds = DecimalNumber.seconds(value), seconds > 0 else {
            throw ObjectiveError("'\(text)': '\(value)' is not a duration > 0 (e.g. 30s, 2m, 500ms)")
        }
        return Objective(metric: metric, strict: strict, threshold: seconds)
    }

    private static func share(
        _ metric: Metric, strict: Bool, value text: String, text original: String
    ) throws(ObjectiveError) -> Objective {
        let value =
            text.hasSuffix("%") ? DecimalNumber.parse(text.dropLast()).map { $0 / 100 } : DecimalNumber.parse(text)
        guard let value else { throw ObjectiveError("'\(original)': '\(text)' is not a share (e.g. 0.1% or 0.001)") }
        guard value >= 0, value < 1 || (value == 1 && !strict) else {
            throw ObjectiveError("'\(original)': a share must be between 0% and 100%")
        }
        if strict && value == 0 { throw ObjectiveError("'\(original)': nothing is below 0%; use <=0%") }
        return Objective(metric: metric, strict: strict, threshold: value)
    }

    private static func comparison(_ text: String, text original: String) throws(ObjectiveError) -> (Bool, String) {
        if text.hasPrefix("<=") { return (false, String(text.dropFirst(2))) }
        if text.hasPrefix("≤") { return (false, String(text.dropFirst(1))) }
        if text.hasPrefix("<") { return (true, String(text.dropFirst(1))) }
        if text.hasPrefix(">") || text.hasPrefix("=") {
            throw ObjectiveError("'\(original)': only upper bounds (<= or <) make sense for latency and timeouts")
        }
        throw ObjectiveError("'\(original)': expected <= or < (e.g. p95<=30s, <=0.1%)")
    }
}
