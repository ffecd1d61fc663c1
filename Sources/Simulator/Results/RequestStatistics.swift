/// What users saw over a whole run: counts, latency distributions, and the time averages that
/// Little's law relates.
///
/// *Response time* is what the client experiences: from arrival until the reply, capped at the
/// client timeout for requests that timed out (the user waited that long and got an error).
/// *Sojourn time* is the server's view, arrival to reply, uncapped, over served requests.
public struct RequestStatistics: Sendable {
    /// Requests that arrived.
    public internal(set) var arrived = 0
    /// Requests whose reply was published (in time or late).
    public internal(set) var served = 0
    /// Requests that failed: the client gave up first (served late, or expired unserved), or the
    /// platform rejected them (``rejected``).
    public internal(set) var timedOut = 0
    /// Timed-out requests that were removed from the queue unserved (message TTL).
    public internal(set) var expiredUnserved = 0
    /// Requests still unanswered when the run ended (counted as timed out too): the run stops at
    /// most an hour (or one client timeout) after the last arrival.
    public internal(set) var unanswered = 0
    /// Requests the platform refused with an error instead of serving them (counted as timed out
    /// too): they are in no latency distribution, a rejection being no answer.
    public internal(set) var rejected = 0
    /// Requests that waited for at least part of a cold start.
    public internal(set) var waitedForColdStart = 0

    /// Client-observed response time (capped at the timeout), every finished request but the rejected.
    public internal(set) var response = LatencyDistribution()
    /// Arrival to reply, served requests only.
    public internal(set) var sojourn = LatencyDistribution()
    /// Wait before service (queue and cold start together), served requests.
    public internal(set) var wait = LatencyDistribution()
    /// The cold-start part of the wait, requests that had one.
    public internal(set) var coldStartWait = LatencyDistribution()
    /// GPU service time, served requests.
    public internal(set) var service = LatencyDistribution()

    /// ∫ (requests in the system) dt, over the run, in request-seconds.
    public internal(set) var requestSecondsInSystem = 0.0
    /// ∫ (requests waiting in the broker) dt, in request-seconds.
    public internal(set) var requestSecondsInQueue = 0.0

    public init() {}

    /// Share of arrived requests that timed out or were rejected (0–1).
    public var timeoutShare: Double { arrived == 0 ? 0 : Double(timedOut) / Double(arrived) }
    /// Share of arrived requests that the platform rejected (0–1).
    public var rejectedShare: Double { arrived == 0 ? 0 : Double(rejected) / Double(arrived) }
    /// Share of arrived requests that waited for a cold start (0–1).
    public var coldStartShare: Double { arrived == 0 ? 0 : Double(waitedForColdStart) / Double(arrived) }
}
