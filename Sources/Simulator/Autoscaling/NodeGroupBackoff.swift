/// The cluster autoscaler's back-off of a node group after failed scale-ups (kubernetes/autoscaler
/// `cluster-autoscaler/utils/backoff/exponential_backoff.go`, kept by `clusterstate/clusterstate.go`).
///
/// The first failure backs the group off for the initial duration; a failure after that back-off
/// has ended doubles the previous duration, up to the maximum; a failure while still backed off
/// (concurrent failures) keeps it. The memory of failures is dropped once the last one is older
/// than the reset timeout (strictly), so the next failure starts again from the initial duration.
/// A successful scale-up does not reset it. Upstream doubles only for a failure strictly after
/// the back-off's end; here a failure at the very instant it ends doubles too: the model's loops
/// fall exactly on that instant (a 10-s grid), a real loop a moment after it.
struct NodeGroupBackoff {
    let initialSeconds: Double
    let maxSeconds: Double
    let resetTimeoutSeconds: Double

    /// The current back-off duration, its end and the last failure; nil when no failure is remembered.
    private(set) var durationSeconds: Double?
    private(set) var untilSeconds = -Double.infinity
    private(set) var lastFailureSeconds = -Double.infinity

    init(initialSeconds: Double, maxSeconds: Double, resetTimeoutSeconds: Double) {
        self.initialSeconds = initialSeconds
        self.maxSeconds = maxSeconds
        self.resetTimeoutSeconds = resetTimeoutSeconds
    }

    /// True once the last failure is older than the reset timeout (`RemoveStaleBackoffData`, which
    /// runs at the start of every loop, before a scale-up can fail or be checked).
    private func isStale(at now: Double) -> Bool { lastFailureSeconds + resetTimeoutSeconds < now }

    /// Records a failed scale-up at `now` and returns the end of the back-off.
    @discardableResult
    mutating func recordFailure(now: Double) -> Double {
        var duration = initialSeconds
        if let previous = durationSeconds, !isStale(at: now) {
            duration = untilSeconds <= now ? Swift.min(2 * previous, maxSeconds) : previous
        }
        durationSeconds = duration
        untilSeconds = now + duration
        lastFailureSeconds = now
        return untilSeconds
    }

    /// Whether scale-ups of the group are held back at `now` (`IsBackedOff`: `backoffUntil.After(now)`).
    func isBackedOff(at now: Double) -> Bool { durationSeconds != nil && !isStale(at: now) && now < untilSeconds }

    /// When the back-off in force ends: its end, or the moment its memory goes stale if that is earlier.
    var endSeconds: Double { Swift.min(untilSeconds, (lastFailureSeconds + resetTimeoutSeconds).nextUp) }
}
