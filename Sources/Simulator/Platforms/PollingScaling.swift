/// The scaling rules of a polling serverless platform (Azure Container Apps: KEDA driving the
/// HPA), as a value: one poll's metric and history in, the instance count out; no events, no
/// random numbers.
///
/// At each poll the metric is the requests in the system (the HTTP rule counts requests in
/// flight and waiting at the ingress). With requests, the HPA's recommendation is
/// ceil(requests / `concurrentRequests`) within [max(1, `minInstances`), `maxInstances`]; the count
/// follows the highest recommendation of the last `stabilizationSeconds` (the HPA's scale-down
/// stabilization, 300 s), so it rises at once and falls slowly. With no request since
/// `cooldownSeconds` (KEDA's `cooldownPeriod`, strictly: lastActive + cooldown < now) the app goes
/// to `minInstances`, zero by default.
struct PollingScaling: Sendable, Hashable {
    var concurrentRequests: Int
    var minInstances: Int
    var maxInstances: Int
    var cooldownSeconds: Double
    var stabilizationSeconds = 300.0

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
