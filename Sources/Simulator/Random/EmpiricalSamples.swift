/// Observed values that back an empirical ``Distribution`` (for example the model-load
/// latencies of the Alibaba GenTD26 trace), with their sample moments computed once.
public struct EmpiricalSamples: Sendable, Hashable {
    /// The observations, in the order given.
    public let values: [Double]
    /// Sample mean.
    public let mean: Double
    /// Population variance of the observations (the variance of resampling from them).
    public let variance: Double

    public init(_ values: [Double]) {
        self.values = values
        let count = Double(Swift.max(values.count, 1))
        let mean = values.reduce(0, +) / count
        self.mean = mean
        self.variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
    }
}
