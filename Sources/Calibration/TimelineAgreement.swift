/// How one recorded series agrees with the simulation over the time both cover: the share of the
/// series' points at which the counts are equal, the mean counts, how much each went up, and the
/// lag of the recorded rises behind the simulated ones (docs/calibration.md).
public struct TimelineAgreement: Sendable, Hashable {
    public var metric: ObservedMetric
    /// The compared window, Unix seconds: the series' points within the simulated period.
    public var start, end: Double
    public var stepSeconds: Double
    public var points: Int
    /// Share of the points at which the recorded count (rounded) equals the simulated one.
    public var agreement: Double
    /// Mean count over the points.
    public var observedMean, simulatedMean: Double
    /// Count-hours over the window (node-hours for `nodes`).
    public var observedHours, simulatedHours: Double
    /// Sum of the increases from point to point (nodes or replicas added) and rises from 0 (scale-ups
    /// from zero), the simulation sampled at the same points.
    public var observedAdded, simulatedAdded: Double
    public var observedFromZero, simulatedFromZero: Int
    /// Simulated rises with a recorded rise within ``maxLagSeconds`` after them, and the median lag
    /// (recorded − simulated; the recorded rise is known to one step).
    public var matchedRises: Int
    public var medianLagSeconds: Double?

    /// A recorded rise later than this after a simulated one is not its match.
    public static let maxLagSeconds = 900.0

    /// `nil` when the series has no point within the simulated period.
    public init?(_ metric: ObservedMetric, observed: StepSeries, simulated: SimulatedCluster.Steps,
                 period: (start: Double, end: Double)) {
        let step = observed.stepSeconds
        let indices = observed.values.indices.filter { index in
            let time = observed.startSeconds + Double(index) * step
            return time >= period.start && time < period.end
        }
        guard let first = indices.first, let last = indices.last else { return nil }
        self.metric = metric
        stepSeconds = step
        start = observed.startSeconds + Double(first) * step
        end = min(period.end, observed.startSeconds + Double(last + 1) * step)
        points = indices.count
        var equal = 0, observedSum = 0.0, simulatedSum = 0.0
        // Both sides sampled at the series' points: a change shorter than a step vanishes from both.
        var observedAdded = 0.0, observedFromZero = 0, simulatedAdded = 0.0, simulatedFromZero = 0
        var observedRises: [Double] = []
        var previous: (observed: Double, simulated: Double)?
        for index in indices {
            let time = observed.startSeconds + Double(index) * step
            let value = observed.values[index].rounded()
            let simulatedValue = simulated.value(at: time)
            if value == simulatedValue { equal += 1 }
            observedSum += value
            simulatedSum += simulatedValue
            if let previous {
                if value > previous.observed {
                    observedAdded += value - previous.observed
                    if previous.observed == 0 { observedFromZero += 1 }
                    observedRises.append(time)
                }
                if simulatedValue > previous.simulated {
                    simulatedAdded += simulatedValue - previous.simulated
                    if previous.simulated == 0 { simulatedFromZero += 1 }
                }
            }
            previous = (value, simulatedValue)
        }
        agreement = Double(equal) / Double(points)
        observedMean = observedSum / Double(points)
        simulatedMean = simulatedSum / Double(points)
        observedHours = observedSum * step / 3600
        simulatedHours = simulatedSum * step / 3600
        self.observedAdded = observedAdded
        self.observedFromZero = observedFromZero
        self.simulatedAdded = simulatedAdded
        self.simulatedFromZero = simulatedFromZero
        // Each simulated rise takes the first unmatched recorded rise at or after it, within the limit.
        var lags: [Double] = []
        var next = 0
        for rise in simulated.rises(from: start, to: observed.startSeconds + Double(last) * step) {
            while next < observedRises.count, observedRises[next] < rise { next += 1 }
            guard next < observedRises.count, observedRises[next] - rise <= Self.maxLagSeconds else { continue }
            lags.append(observedRises[next] - rise)
            next += 1
        }
        matchedRises = lags.count
        lags.sort()
        medianLagSeconds = lags.isEmpty ? nil
            : lags.count % 2 == 1 ? lags[lags.count / 2] : (lags[lags.count / 2 - 1] + lags[lags.count / 2]) / 2
    }
}
