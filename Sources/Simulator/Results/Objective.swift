/// A service-level objective on one result metric, an upper bound the user's clients need:
/// `p95 <= 30 s`, `timed out <= 1 %`. Scenarios state them (`objectives:`) and the command line
/// overrides them (`--slo`, `--timeouts`); results never depend on them — they decide which option
/// the verdict recommends. Scenarios parses and prints them (`Objective.latency(_:)`).
public struct Objective: Sendable, Hashable {
    /// What an objective bounds: a response-time percentile (seconds, as clients see it, capped
    /// at the client timeout) or a share of requests (0–1).
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        case p50, p95, p99
        /// Share of requests that timed out (or were still unanswered at the end).
        case timedOut
        /// Share of requests that arrived while no GPU worker was ready and waited for a cold start.
        case coldStartHit

        public var isLatency: Bool { self == .p50 || self == .p95 || self == .p99 }

        /// The words for it in sentences: "p95", "timed out", "cold-start hit".
        public var label: String {
            switch self {
            case .p50, .p95, .p99: rawValue
            case .timedOut: "timed out"
            case .coldStartHit: "cold-start hit"
            }
        }
    }

    public var metric: Metric
    /// `<` rather than `<=`.
    public var strict: Bool
    /// Seconds for latencies, a share (0–1) for timeouts and cold starts.
    public var threshold: Double

    public init(metric: Metric, strict: Bool = false, threshold: Double) {
        self.metric = metric
        self.strict = strict
        self.threshold = threshold
    }

    /// Whether `value` (seconds or a share, in the metric's unit) is within the bound.
    public func isMet(by value: Double) -> Bool {
        guard !value.isNaN else { return false }
        return strict ? value < threshold : value <= threshold
    }

    /// A latency objective no result can break: response times are capped at the client timeout.
    public func isAlwaysMet(responseCapSeconds cap: Double) -> Bool {
        guard metric.isLatency else { return false }
        return strict ? threshold > cap : threshold >= cap
    }
}
