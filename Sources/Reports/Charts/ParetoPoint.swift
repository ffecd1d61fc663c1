/// One configuration of a sweep: its monthly cost (dollars) and the metric set against it —
/// seconds for a latency percentile, 0–1 for a share (see ``ParetoMetric``).
public struct ParetoPoint: Sendable, Hashable {
    public var label: String
    public var monthlyDollars: Double
    /// Seconds (latency metrics) or a share 0–1.
    public var metric: Double

    public init(label: String, monthlyDollars: Double, metric: Double) {
        self.label = label
        self.monthlyDollars = monthlyDollars
        self.metric = metric
    }

    /// The points no other point beats on both cost and the metric (ties kept once), by metric.
    public static func frontier(_ points: [ParetoPoint]) -> [ParetoPoint] {
        let sorted = points.filter { $0.monthlyDollars.isFinite && $0.metric.isFinite }
            .sorted { ($0.metric, $0.monthlyDollars, $0.label) < ($1.metric, $1.monthlyDollars, $1.label) }
        var result: [ParetoPoint] = []
        var bestCost = Double.infinity
        for point in sorted where point.monthlyDollars < bestCost {
            result.append(point)
            bestCost = point.monthlyDollars
        }
        return result
    }
}
