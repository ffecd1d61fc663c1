import Foundation
import Sweeps

/// A lognormal fitted by maximum likelihood to one phase's samples (seconds > 0):
/// mu = mean of ln x, sigma = the maximum-likelihood standard deviation of ln x (divisor n), and a
/// two-sided 95 % confidence interval for mu by Student's t with n − 1 degrees of freedom (on the
/// n − 1 standard deviation).
public struct PhaseFit: Sendable, Hashable {
    /// Fewer samples than this leave the phase at its default.
    public static let minimumSamples = 2

    public var phase: ColdStartPhase
    /// The samples used (seconds > 0).
    public var count: Int
    /// Samples of 0 s (below the exports' 1 s resolution): no logarithm, left out.
    public var zeros: Int
    /// mu (the mean of ln x) with its 95 % interval.
    public var interval: ConfidenceInterval
    public var sigma: Double

    /// Fitted from `samples`; `nil` when fewer than ``minimumSamples`` are above 0 s.
    public init?(_ phase: ColdStartPhase, samples: [Double]) {
        let positive = samples.filter { $0 > 0 }
        guard positive.count >= Self.minimumSamples else { return nil }
        let logs = positive.map { Foundation.log($0) }
        let interval = ConfidenceInterval(logs)
        self.phase = phase
        count = positive.count
        zeros = samples.count - positive.count
        self.interval = interval
        let n = Double(count)
        sigma = (logs.reduce(0) { $0 + ($1 - interval.mean) * ($1 - interval.mean) } / n).squareRoot()
    }

    public var mu: Double { interval.mean }
    public var muLower: Double { interval.lower }
    public var muUpper: Double { interval.upper }

    /// exp(mu): the median seconds.
    public var median: Double { exp(mu) }
    /// exp(mu + sigma²/2): the mean seconds.
    public var mean: Double { exp(mu + sigma * sigma / 2) }
}
