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
    /// Requests the platform rejected: not in the distribution (a rejection is no answer).
    public var rejected: Int

    public init(
        name: String, points: [Point], p50Seconds: Double, p95Seconds: Double, p99Seconds: Double, count: Int,
        timedOut: Int = 0, rejected: Int = 0
    ) {
        self.name = name
        self.points = points.filter { $0.seconds.isFinite && $0.fraction.isFinite }.sorted { $0.seconds < $1.seconds }
        self.p50Seconds = p50Seconds
        self.p95Seconds = p95Seconds
        self.p99Seconds = p99Seconds
        self.count = count
        self.timedOut = timedOut
        self.rejected = rejected
    }

    /// The client-observed response time of `result` (timed-out requests count at the timeout,
    /// rejected ones not at all).
    public init(result: SimulationResult) {
        let distribution = result.requests.response
        let summary = distribution.summary
        self.init(
            name: result.option.name,
            points: distribution.cumulativePoints().map { Point(seconds: $0.seconds, fraction: $0.fraction) },
            p50Seconds: summary.p50Seconds, p95Seconds: summary.p95Seconds, p99Seconds: summary.p99Seconds,
            count: summary.count, timedOut: result.requests.timedOut - result.requests.rejected,
            rejected: result.requests.rejected)
    }

    /// The marked percentiles as (label, percentile 0–1, seconds).
    var markers: [(label: String, fraction: Double, seconds: Double)] {
        [("p50", 0.50, p50Seconds), ("p95", 0.95, p95Seconds), ("p99", 0.99, p99Seconds)]
    }

    /// Share of the counted requests that timed out (0–1).
    var timedOutShare: Double { count > 0 ? Swift.min(1, Swift.max(0, Double(timedOut) / Double(count))) : 0 }

    /// The distribution of the answered requests only: with a timeout, the points before it, the
    /// last one at the timeout with the answered share (timed-out requests are not answers).
    func answeredPoints(timeoutSeconds: Double?) -> [Point] {
        guard let timeoutSeconds, timedOut > 0 else { return points }
        let answered = 1 - timedOutShare
        var kept = points.filter { $0.seconds < timeoutSeconds && $0.fraction <= answered + 1e-9 }
        kept.append(Point(seconds: timeoutSeconds, fraction: answered))
        return kept
    }

    /// Whether the two curves would be drawn on top of each other: each lies within 1 % in time
    /// and half a percentage point in share of the other everywhere, and their timed-out shares
    /// differ by at most 0.1 percentage point.
    func coincides(with other: LatencyCurve, timeoutSeconds: Double?) -> Bool {
        guard count > 0, other.count > 0, Swift.abs(timedOutShare - other.timedOutShare) <= 0.001 else { return false }
        let a = answeredPoints(timeoutSeconds: timeoutSeconds)
        let b = other.answeredPoints(timeoutSeconds: timeoutSeconds)
        return Self.lies(a, near: b) && Self.lies(b, near: a)
    }

    /// Every step of `a` lies between `b` 1 % earlier and 1 % later, give or take 0.5 % of requests.
    private static func lies(_ a: [Point], near b: [Point]) -> Bool {
        a.allSatisfy { point in
            point.fraction >= share(b, at: point.seconds / 1.01) - 0.005
                && point.fraction <= share(b, at: point.seconds * 1.01) + 0.005
        }
    }

    /// The share of step function `points` at `seconds` (binary search; 0 before the first point).
    private static func share(_ points: [Point], at seconds: Double) -> Double {
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].seconds <= seconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : points[low - 1].fraction
    }

    /// The time by which `share` of the requests are answered (the first point reaching it).
    func seconds(reaching share: Double) -> Double? { points.first { $0.fraction >= share }?.seconds }
}
