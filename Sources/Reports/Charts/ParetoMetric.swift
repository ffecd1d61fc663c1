/// What the Pareto chart sets against monthly cost on its horizontal axis.
public enum ParetoMetric: Sendable, Hashable {
    /// A response-time percentile in seconds, drawn on a log axis; the name is what users call it ("p95").
    case latency(String)
    /// A share from 0 to 1, drawn as a percentage on a linear axis ("timeout share").
    case share(String)

    /// The cost/p95 chart of the reports.
    public static let p95 = ParetoMetric.latency("p95")

    /// The metric's name in titles and the legend.
    public var name: String {
        switch self {
        case .latency(let name), .share(let name): name
        }
    }
}
