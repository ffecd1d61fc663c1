/// The scaling of a SageMaker asynchronous endpoint that scales to zero, as CloudWatch alarms on
/// one-minute datapoints driving Application Auto Scaling, with the alarms' state as a value.
///
/// Each poll is one datapoint of the backlog (`ApproximateBacklogSize`: requests queued or in
/// process). At zero instances, the step-scaling alarm on `HasBacklogWithoutCapacity` adds one
/// instance once `scaleOutEvaluations` datapoints in a row had a backlog. With instances, target
/// tracking on `ApproximateBacklogSizePerInstance` = `targetBacklogPerInstance`: its high alarm
/// (3 datapoints above the target) scales out and its low alarm (`lowDatapoints` below 90 % of
/// it) scales in, each to ceil(backlog / target) within [`minInstances`, `maxInstances`]; an
/// alarm that stays in alarm acts again at the next datapoint.
struct AlarmScaling: PollingRules {
    var targetBacklogPerInstance: Int
    var minInstances: Int
    var maxInstances: Int
    var scaleOutEvaluations: Int
    var lowDatapoints: Int
    var highDatapoints = 3
    /// The step alarm's metric and the tracked metric, for the decision log.
    var stepAlarm = "HasBacklogWithoutCapacity"
    var trackedMetric = "backlog per instance"
    private var withoutCapacity = 0
    private var high = 0
    private var low = 0

    init(targetBacklogPerInstance: Int, minInstances: Int, maxInstances: Int, scaleOutEvaluations: Int,
         lowDatapoints: Int) {
        self.targetBacklogPerInstance = targetBacklogPerInstance
        self.minInstances = minInstances
        self.maxInstances = maxInstances
        self.scaleOutEvaluations = scaleOutEvaluations
        self.lowDatapoints = lowDatapoints
    }

    mutating func poll(at now: Double, reading: PollReading, instances: Int) -> Int {
        evaluate(at: now, datapoint: reading.inSystem, instances: instances)
    }

    /// The instance count after a datapoint of `datapoint` (the metric summed over the
    /// instances) with `instances` live ones.
    mutating func evaluate(at now: Double, datapoint requests: Int, instances: Int) -> Int {
        guard instances > 0 else {
            (high, low) = (0, 0)
            withoutCapacity = requests > 0 ? withoutCapacity + 1 : 0
            guard withoutCapacity >= scaleOutEvaluations else { return instances }
            withoutCapacity = 0
            return Swift.min(maxInstances, Swift.max(1, minInstances))
        }
        withoutCapacity = 0
        let target = Double(targetBacklogPerInstance)
        let perInstance = Double(requests) / Double(instances)
        high = perInstance > target ? high + 1 : 0
        low = perInstance < 0.9 * target ? low + 1 : 0
        let needed = requests / targetBacklogPerInstance + (requests % targetBacklogPerInstance == 0 ? 0 : 1)
        let desired = Swift.min(maxInstances, Swift.max(minInstances, needed))
        if high >= highDatapoints, desired > instances { return desired }
        if low >= lowDatapoints, desired < instances { return desired }
        return instances
    }

    func rule(from before: Int, to after: Int) -> String {
        if before == 0 { return "\(stepAlarm) alarm (\(scaleOutEvaluations) datapoints): step +1" }
        return after > before
            ? "target tracking high alarm (\(trackedMetric) > \(targetBacklogPerInstance))"
            : "target tracking low alarm (\(lowDatapoints) datapoints < 90 % of \(targetBacklogPerInstance))"
    }
}
