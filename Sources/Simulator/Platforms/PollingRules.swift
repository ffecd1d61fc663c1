/// The rules of a polling platform's scaler as a value with its own history — KEDA's last active
/// poll and the HPA's recommendations (``PollingScaling``), CloudWatch alarm datapoints
/// (``AlarmScaling``, ``InvocationAlarmScaling``): one poll in, the instance count out; no events,
/// no random numbers.
protocol PollingRules: Sendable {
    /// The instance count after a poll at `now` that reads `reading` and sees `instances` live ones.
    mutating func poll(at now: Double, reading: PollReading, instances: Int) -> Int

    /// The rule that moved the count from `before` to `after`, for the decision log.
    func rule(from before: Int, to after: Int) -> String
}
