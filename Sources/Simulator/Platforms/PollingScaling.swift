import DequeModule

/// The scaling rules of Azure Container Apps (KEDA driving the HPA) with their history, as a value.
///
/// At each poll the metric is the requests in the system (the HTTP rule counts requests in
/// flight and waiting at the ingress). With requests, the HPA's recommendation is
/// ceil(requests / `concurrentRequests`) within [max(1, `minInstances`), `maxInstances`]; the count
/// follows the highest recommendation of the last `stabilizationSeconds` (the HPA's scale-down
/// stabilization, 300 s), so it rises at once and falls slowly. With no request since
/// `cooldownSeconds` (KEDA's `cooldownPeriod`, strictly: lastActive + cooldown < now) the app goes
/// to `minInstances`, zero by default.
struct PollingScaling: PollingRules {
    var concurrentRequests: Int
    var minInstances: Int
    var maxInstances: Int
    var cooldownSeconds: Double
    var stabilizationSeconds = 300.0
    /// The last poll that saw requests (nil: none yet).
    private var lastActiveSeconds: Double?
    /// The recommendations of the polls within the stabilization window, oldest first.
    private var recommendations = Deque<(seconds: Double, count: Int)>()

    init(concurrentRequests: Int, minInstances: Int, maxInstances: Int, cooldownSeconds: Double) {
        self.concurrentRequests = concurrentRequests
        self.minInstances = minInstances
        self.maxInstances = maxInstances
        self.cooldownSeconds = cooldownSeconds
    }

    mutating func poll(at now: Double, reading: PollReading, instances: Int) -> Int {
        let requests = reading.inSystem
        if requests > 0 { lastActiveSeconds = now }
        recommendations.append((now, recommendation(requests: requests)))
        while let first = recommendations.first, first.seconds <= now - stabilizationSeconds {
            recommendations.removeFirst()
        }
        return target(at: now, lastActiveSeconds: lastActiveSeconds, recommendations: recommendations.map(\.count))
    }

    func rule(from before: Int, to after: Int) -> String {
        after > before
            ? "scale rule (concurrentRequests \(concurrentRequests))" : "scale in (cooldown, HPA stabilization)"
    }

    /// One poll's recommendation, with `requests` in the system.
    func recommendation(requests: Int) -> Int {
        let needed = requests / concurrentRequests + (requests % concurrentRequests == 0 ? 0 : 1)
        return Swift.min(maxInstances, Swift.max(Swift.max(1, minInstances), needed))
    }

    /// The instance count after a poll at `now`: `lastActiveSeconds` is the last poll that saw
    /// requests (this one included; nil: none yet), `recommendations` those of the polls after
    /// `now - stabilizationSeconds` (this one included).
    func target(at now: Double, lastActiveSeconds: Double?, recommendations: [Int]) -> Int {
        guard let lastActive = lastActiveSeconds, lastActive + cooldownSeconds >= now else {
            return minInstances
        }
        return recommendations.max() ?? minInstances
    }
}
