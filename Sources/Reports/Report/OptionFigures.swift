import Simulator

/// The headline numbers of one option: monthly cost, response times, cold starts, timeouts.
public struct OptionFigures: Sendable, Hashable {
    public var name: String
    /// Projected dollars per month, if a cost was given.
    public var monthlyDollars: Double?
    /// Client-observed response time, seconds.
    public var response: LatencySummary
    /// Wait for a cold start, seconds, over the requests that had one.
    public var coldStartWait: LatencySummary
    public var arrived: Int
    public var timedOut: Int
    public var waitedForColdStart: Int
    public var clientTimeoutSeconds: Double
    /// Simulated period, seconds.
    public var horizonSeconds: Double

    public init(result: SimulationResult, monthlyDollars: Double?) {
        name = result.option.name
        self.monthlyDollars = monthlyDollars
        response = result.requests.response.summary
        coldStartWait = result.requests.coldStartWait.summary
        arrived = result.requests.arrived
        timedOut = result.requests.timedOut
        waitedForColdStart = result.requests.waitedForColdStart
        clientTimeoutSeconds = result.clientTimeoutSeconds
        horizonSeconds = result.horizonSeconds
    }

    /// "1 in N" for a count out of `arrived` (N rounded, at least 1).
    static func oneIn(_ count: Int, of total: Int) -> String {
        guard count > 0, total > 0 else { return "none" }
        let n = Double(total) / Double(count)
        return "1 in " + NumberFormat.grouped(UInt64(Swift.max(1, n.rounded())))
    }
}
