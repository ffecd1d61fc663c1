import Simulator

/// One option's latency distribution as a chart reads it: CDF points and the marked percentiles,
/// all in seconds.
public struct LatencyCurve: Sendable, Hashable {
    /// One point of the cumulative distribution: share of requests (0–1) done within `seconds`.
    public struct Point: Sendable, Hashable {
        public var seconds: Double
        public var fraction: Double
        public init(seconds: Double, fraction: Double) {
            self.seconds = seconds
            self.fraction = fraction
        }
    }

    /// Option name shown in the legend.
    public var name: String
    /// CDF points in increasing `seconds` order.
    public var points: [Point]
    public var p50Seconds: Double
    public var p95Seconds: Double
    public var p99Seconds: Double
    /// Requests the distribution counts.
    public var count: Int
    /// Requests that timed out (counted at the client timeout).
    public var timedOut: Int

    public init(name: String, points: [Point], p50Seconds: Double, p95Seconds: Double, p99Seconds: Double, count: Int, timedOut: Int = 0) {
        self.name = name
        self.points = points.filter { $0.seconds.isFinite && $0.fraction.isFinite }.sorted { $0.seconds < $1.seconds }
        self.p50Seconds = p50Seconds
        self.p95Seconds = p95Seconds
        self.p99Seconds = p99Seconds
        self.count = count
        self.timedOut = timedOut
    }

    /// The client-observed response time of `result` (timed-out requests count at the timeout).
    public init(result: SimulationResult) {
        let distribution = result.requests.response
        let summary = distribution.summary
        self.init(
            name: result.option.name,
            points: distribution.cumulativePoints().map { Point(seconds: $0.seconds, fraction: $0.fraction) },
            p50Seconds: summary.p50Seconds, p95Seconds: summary.p95Seconds, p99Seconds: summary.p99Seconds,
            count: summary.count, timedOut: result.requests.timedOut)
    }

    /// The marked percentiles as (label, percentile 0–1, seconds).
    var markers: [(label: String, fraction: Double, seconds: Double)] {
        [("p50", 0.50, p50Seconds), ("p95", 0.95, p95Seconds), ("p99", 0.99, p99Seconds)]
    }
}
