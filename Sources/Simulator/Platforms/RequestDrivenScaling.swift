/// The scaling rules of a request-driven serverless platform (Modal, RunPod, Cloud Run), as a
/// value: requests in, instances to start or remove out; no events, no random numbers.
///
/// Scale-up: enough instances for every request in the system (waiting or running) at
/// `concurrency` each, at least `minInstances`, at most `maxInstances`; instances still starting
/// count, so a burst starts each instance once. Scale-in: an instance idle for `idleTimeoutSeconds`
/// goes if more than `minInstances` remain.
struct RequestDrivenScaling: Sendable, Hashable {
    var concurrency: Int
    var minInstances: Int
    var maxInstances: Int
    var idleTimeoutSeconds: Double

    /// Instances to start when `requestsInSystem` requests are in the system and `instances`
    /// instances are starting or serving.
    func instancesToStart(requestsInSystem: Int, instances: Int) -> Int {
        let needed = requestsInSystem / concurrency + (requestsInSystem % concurrency == 0 ? 0 : 1)
        let target = Swift.min(maxInstances, Swift.max(minInstances, needed))
        return Swift.max(0, target - instances)
    }

    /// Whether `instances` instances, starting or serving, have no slot left for the last of
    /// `requestsInSystem` requests (they are at `maxInstances`, or they would have started one).
    func isFull(requestsInSystem: Int, instances: Int) -> Bool { requestsInSystem > instances * concurrency }

    /// When an instance idle since `idleSince` may be removed.
    func removalSeconds(idleSince: Double) -> Double { idleSince + idleTimeoutSeconds }

    /// Whether an instance idle since `idleSince` is removed at `now`, of `instances` live ones.
    func removes(idleSince: Double, at now: Double, instances: Int) -> Bool {
        instances > minInstances && now >= removalSeconds(idleSince: idleSince)
    }
}
