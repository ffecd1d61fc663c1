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

    /// "1 in N" for a count out of `total` (N rounded), or a percentage when the share is 20 %
    /// or more, where "1 in 2" would hide too much.
    static func oneIn(_ count: Int, of total: Int) -> String {
        guard count > 0, total > 0 else { return "none" }
        let share = Double(count) / Double(total)
        if share >= 0.2 { return NumberFormat.percent(share) }
        return "1 in " + NumberFormat.grouped(UInt64(Swift.max(1, (1 / share).rounded())))
    }

    /// A response-time percentile; "≥ 60 s" when it sits at the client timeout because requests
    /// timed out (the real value is unknown: the client stopped waiting).
    func responseText(_ seconds: Double) -> String {
        ResponseText.format(seconds, timeoutSeconds: clientTimeoutSeconds, anyTimedOut: timedOut > 0)
    }

    /// True if `seconds` is the timeout cap rather than a measured response time.
    func isCapped(_ seconds: Double) -> Bool {
        ResponseText.isCapped(seconds, timeoutSeconds: clientTimeoutSeconds, anyTimedOut: timedOut > 0)
    }
}
