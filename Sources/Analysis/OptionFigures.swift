import CostModel
import Simulator

/// The headline numbers of one option: monthly cost, response times, cold starts, timeouts —
/// what the verdict judges and what page 1, the HTML report and `costsim run` print.
public struct OptionFigures: Sendable, Hashable {
    public var name: String
    /// Projected dollars per month, if a cost was given.
    public var monthlyDollars: Double?
    /// Client-observed response time, seconds.
    public var response: LatencySummary
    /// Wait for a cold start, seconds, over the requests that had one.
    public var coldStartWait: LatencySummary
    public var arrived: Int
    /// Requests that timed out or were rejected: the failed ones.
    public var timedOut: Int
    /// Requests the platform rejected with an error (counted in ``timedOut`` too).
    public var rejected = 0
    public var waitedForColdStart: Int
    public var clientTimeoutSeconds: Double
    /// Simulated period, seconds.
    public var horizonSeconds: Double

    /// Every replication of `outcome`, pooled; its mean projected monthly cost.
    public init(outcome: OptionOutcome) {
        self.init(result: outcome.first, monthlyDollars: outcome.cost?.meanMonthlyTotal.approximateDollars)
        response = outcome.response.summary
        coldStartWait = outcome.coldStartWait.summary
        arrived = outcome.arrived
        timedOut = outcome.timedOut
        rejected = outcome.rejected
        waitedForColdStart = outcome.waitedForColdStart
    }

    public init(
        name: String, monthlyDollars: Double?, response: LatencySummary, coldStartWait: LatencySummary, arrived: Int,
        timedOut: Int, waitedForColdStart: Int, clientTimeoutSeconds: Double, horizonSeconds: Double
    ) {
        self.name = name
        self.monthlyDollars = monthlyDollars
        self.response = response
        self.coldStartWait = coldStartWait
        self.arrived = arrived
        self.timedOut = timedOut
        self.waitedForColdStart = waitedForColdStart
        self.clientTimeoutSeconds = clientTimeoutSeconds
        self.horizonSeconds = horizonSeconds
    }

    /// One run's figures.
    public init(result: SimulationResult, monthlyDollars: Double?) {
        name = result.option.name
        self.monthlyDollars = monthlyDollars
        response = result.requests.response.summary
        coldStartWait = result.requests.coldStartWait.summary
        arrived = result.requests.arrived
        timedOut = result.requests.timedOut
        rejected = result.requests.rejected
        waitedForColdStart = result.requests.waitedForColdStart
        clientTimeoutSeconds = result.clientTimeoutSeconds
        horizonSeconds = result.horizonSeconds
    }

    /// Share of requests that timed out or were rejected (0 when none arrived).
    public var timedOutShare: Double { arrived == 0 ? 0 : Double(timedOut) / Double(arrived) }
    /// Share of requests the platform rejected (0 when none arrived).
    public var rejectedShare: Double { arrived == 0 ? 0 : Double(rejected) / Double(arrived) }

    /// What the timed-out share counts: "timed out", or "timed out or rejected" when the platform
    /// rejected requests.
    public var failedLabel: String { rejected > 0 ? "timed out or rejected" : "timed out" }

    /// The rejected part of the failed share, " (3.1% rejected)", or nothing when none was.
    public var rejectedNote: String { rejected > 0 ? " (\(NumberFormat.percent(rejectedShare)) rejected)" : "" }

    /// Share of requests that waited for a cold start (0 when none arrived).
    public var coldStartShare: Double { arrived == 0 ? 0 : Double(waitedForColdStart) / Double(arrived) }

    /// The value of `metric` for this option: seconds for latencies, a share otherwise.
    public func value(_ metric: Objective.Metric) -> Double {
        guard arrived > 0 else { return 0 }
        switch metric {
        case .p50: return response.p50Seconds
        case .p95: return response.p95Seconds
        case .p99: return response.p99Seconds
        case .timedOut: return timedOutShare
        case .coldStartHit: return coldStartShare
        }
    }

    /// "1 in N" for a count out of `total` (N rounded), or a percentage when the share is 20 %
    /// or more, where "1 in 2" would hide too much.
    public static func oneIn(_ count: Int, of total: Int) -> String {
        guard count > 0, total > 0 else { return "none" }
        let share = Double(count) / Double(total)
        if share >= 0.2 { return NumberFormat.percent(share) }
        return "1 in " + NumberFormat.grouped(UInt64(Swift.max(1, (1 / share).rounded())))
    }

    /// A response-time percentile; "≥ 60 s" when it sits at the client timeout because requests
    /// timed out (the real value is unknown: the client stopped waiting).
    public func responseText(_ seconds: Double) -> String {
        ResponseText.format(seconds, timeoutSeconds: clientTimeoutSeconds, anyTimedOut: timedOut > rejected)
    }

    /// True if `seconds` is the timeout cap rather than a measured response time.
    public func isCapped(_ seconds: Double) -> Bool {
        ResponseText.isCapped(seconds, timeoutSeconds: clientTimeoutSeconds, anyTimedOut: timedOut > rejected)
    }
}
