/// One configuration of a sweep: its monthly cost (dollars) and the metric set against it —
/// seconds for a latency percentile, 0–1 for a share (see ``ParetoMetric``) — and the settings
/// that define it, which the chart prints beside the point.
public struct ParetoPoint: Sendable, Hashable {
    /// One setting of the configuration as written in the sweep, e.g. `keda.cooldownPeriod` = `300s`.
    public struct Setting: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// The name's last dotted part and the value: "cooldownPeriod 300s".
        var shortText: String { (name.split(separator: ".").last.map(String.init) ?? name) + " " + value }
    }

    /// The configuration's short name, e.g. "#3" (its number in the sweep's table).
    public var label: String
    public var monthlyDollars: Double
    /// Seconds (latency metrics) or a share 0–1.
    public var metric: Double
    public var settings: [Setting]

    public init(label: String, monthlyDollars: Double, metric: Double, settings: [Setting] = []) {
        self.label = label
        self.monthlyDollars = monthlyDollars
        self.metric = metric
        self.settings = settings
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
