/// One configuration of a sweep: its monthly cost (dollars) and p95 response time (seconds).
public struct ParetoPoint: Sendable, Hashable {
    public var label: String
    public var monthlyDollars: Double
    public var p95Seconds: Double

    public init(label: String, monthlyDollars: Double, p95Seconds: Double) {
        self.label = label
        self.monthlyDollars = monthlyDollars
        self.p95Seconds = p95Seconds
    }

    /// The points no other point beats on both cost and p95 (ties kept once), by p95.
    public static func frontier(_ points: [ParetoPoint]) -> [ParetoPoint] {
        let sorted = points.filter { $0.monthlyDollars.isFinite && $0.p95Seconds.isFinite }
            .sorted { ($0.p95Seconds, $0.monthlyDollars, $0.label) < ($1.p95Seconds, $1.monthlyDollars, $1.label) }
        var result: [ParetoPoint] = []
        var bestCost = Double.infinity
        for point in sorted where point.monthlyDollars < bestCost {
            result.append(point)
            bestCost = point.monthlyDollars
        }
        return result
    }
}
