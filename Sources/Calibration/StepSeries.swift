/// A recorded count as a step function on a regular grid: `values[i]` holds from
/// `startSeconds + i·stepSeconds` until the next point, the last one for one step. What a Prometheus
/// range query returns, resampled at its `step`.
public struct StepSeries: Sendable, Hashable {
    /// Unix seconds of the first point.
    public var startSeconds: Double
    public var stepSeconds: Double
    public var values: [Double]

    public init(startSeconds: Double, stepSeconds: Double, values: [Double]) {
        self.startSeconds = startSeconds
        self.stepSeconds = stepSeconds
        self.values = values
    }

    /// Unix seconds where the series stops (one step after its last point).
    public var endSeconds: Double { startSeconds + Double(values.count) * stepSeconds }

    /// The value at `seconds`; `nil` outside [``startSeconds``, ``endSeconds``).
    public func value(at seconds: Double) -> Double? {
        guard seconds >= startSeconds, seconds < endSeconds else { return nil }
        let index = Int(((seconds - startSeconds) / stepSeconds).rounded(.down))
        return values[Swift.min(index, values.count - 1)]
    }
}
