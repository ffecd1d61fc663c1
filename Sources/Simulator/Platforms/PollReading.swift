/// What a polling platform's scaler reads at a poll (``PollingRules``): the requests in the
/// system now, and the run's arrivals and rejections so far — a rule on a period's counts
/// (SageMaker's invocations and failures per minute) takes the differences between polls.
struct PollReading: Sendable, Hashable {
    /// Requests waiting or in service.
    var inSystem: Int
    /// Requests that arrived since the start of the run.
    var arrived = 0
    /// Requests the platform rejected since the start of the run.
    var rejected = 0
}
