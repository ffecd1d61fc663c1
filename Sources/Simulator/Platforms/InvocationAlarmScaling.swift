/// The scaling of a SageMaker real-time endpoint with inference components scaled to zero: the
/// alarms of ``AlarmScaling`` on counts per period instead of a backlog, one copy per instance.
///
/// At zero instances a datapoint is the requests rejected in the period (the Sum of
/// `NoCapacityInvocationFailures`): the step alarm adds one instance once `scaleOutEvaluations`
/// datapoints in a row had a failure. With instances it is the invocations of the period (requests
/// not rejected), which target tracking divides by the instances (`InvocationsPerCopy`).
struct InvocationAlarmScaling: PollingRules {
    private var alarms: AlarmScaling
    /// The run's arrivals and rejections at the previous poll.
    private var arrivedBefore = 0
    private var rejectedBefore = 0

    init(alarms: AlarmScaling) {
        self.alarms = alarms
        self.alarms.stepAlarm = "NoCapacityInvocationFailures"
        self.alarms.trackedMetric = "invocations per copy"
    }

    mutating func poll(at now: Double, reading: PollReading, instances: Int) -> Int {
        let rejected = reading.rejected - rejectedBefore
        let invocations = reading.arrived - arrivedBefore - rejected
        (arrivedBefore, rejectedBefore) = (reading.arrived, reading.rejected)
        return alarms.evaluate(at: now, datapoint: instances == 0 ? rejected : invocations, instances: instances)
    }

    func rule(from before: Int, to after: Int) -> String { alarms.rule(from: before, to: after) }
}
