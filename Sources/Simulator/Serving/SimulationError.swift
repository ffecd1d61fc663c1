/// A run that cannot go on because of what its inputs make happen — not a malformed input,
/// which is an ``InputError`` or a ``ParameterError`` before the run starts.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More than ``SimulationLimits/maxRequestsInSystem`` requests were waiting or in service at
    /// once: the option cannot keep up with the traffic, and its queue would fill the memory.
    case overloaded(option: String, timeSeconds: Double, requestsInSystem: Int)
    /// A trace replayed without a horizon runs longer than ``Scenario/maxTimelineBuckets``
    /// timeline buckets.
    case traceTooLong(spanSeconds: Double, bucketSeconds: Double)
    /// A controller asked to act again and again at the same instant without the clock moving: a
    /// defect of costsim, stopped instead of hanging.
    case stalled(controller: String, timeSeconds: Double)

    public var description: String {
        switch self {
        case .overloaded(let option, let time, let requests):
            "option '\(option)' cannot keep up with the traffic: \(requests) requests waiting or in service "
                + "\(KEDAScaler.format((time / 3_600 * 10).rounded() / 10)) h into the run (costsim stops at "
                + "\(SimulationLimits.maxRequestsInSystem)); give it more capacity (maxReplicaCount, the node pool's max, "
                + "dedicated nodes) or less traffic"
        case .traceTooLong(let span, let bucket):
            "the trace runs \(KEDAScaler.format((span / 86_400).rounded())) days: more than \(KEDAScaler.format(Scenario.maxTimelineBuckets)) "
                + "timeline buckets of \(KEDAScaler.format(bucket)) s; set a larger timelineBucket or a horizon"
        case .stalled(let controller, let time):
            "\(controller) kept acting at \(KEDAScaler.format(time)) s without the clock moving; this is a defect of "
                + "costsim: please report it with the scenario"
        }
    }
}
