#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A probability distribution of a non-negative or real quantity (seconds, sizes), sampled
/// with a seedable generator.
///
/// Parameters are in the unit of the quantity being modelled (seconds for durations). The
/// moments (``mean``, ``variance``) are exact for the parametric cases and the sample moments
/// for ``empirical(_:)``; tests check every sampler against them.
public enum Distribution: Sendable, Hashable {
    /// Always `value`.
    case constant(Double)
    /// Uniform on [lower, upper).
    case uniform(lower: Double, upper: Double)
    /// Exponential with the given mean (rate = 1/mean).
    case exponential(mean: Double)
    /// Normal (Gaussian); sampled with the Box–Muller transform.
    case normal(mean: Double, standardDeviation: Double)
    /// Lognormal: `exp(N(mu, sigma²))`. See ``lognormal(mean:p95:)`` for the practical form.
    case lognormal(mu: Double, sigma: Double)
    /// Gamma with shape k and scale θ (mean kθ); Marsaglia & Tsang (2000) sampler.
    case gamma(shape: Double, scale: Double)
    /// Weibull with shape k and scale λ (SciPy's `weibull_min(c=k, scale=λ)`): P(X > x) = exp(−(x/λ)^k).
    case weibull(shape: Double, scale: Double)
    /// Resampling of observed values (each equally likely).
    case empirical(EmpiricalSamples)

    /// z-score of the 95th percentile of the standard normal distribution.
    static let z95 = 1.6448536269514722

    /// The lognormal distribution with the given mean and 95th percentile.
    ///
    /// Solves `mean = exp(mu + sigma²/2)` and `p95 = exp(mu + 1.645 sigma)` for the smaller
    /// root in sigma. Fails when no lognormal has that pair (`p95 <= mean`, or `p95` too far
    /// above the mean: `ln(p95/mean) > 1.645²/2`).
    public static func lognormal(mean: Double, p95: Double) throws(ParameterError) -> Distribution {
        guard mean > 0, p95 > mean else {
            throw .invalidParameter("lognormal needs 0 < mean < p95, got mean \(mean), p95 \(p95)")
        }
        let gap = log(p95 / mean)
        let discriminant = z95 * z95 - 2 * gap
        guard discriminant >= 0 else {
            throw .invalidParameter("no lognormal has mean \(mean) and p95 \(p95): p95/mean must be at most \(exp(z95 * z95 / 2))")
        }
        let sigma = z95 - discriminant.squareRoot()
        return .lognormal(mu: log(mean) - sigma * sigma / 2, sigma: sigma)
    }

    /// Checks that the parameters describe a proper distribution.
    public func validate() throws(ParameterError) {
        func require(_ condition: Bool, _ message: String) throws(ParameterError) {
            if !condition { throw .invalidParameter(message) }
        }
        switch self {
        case .constant(let value):
            try require(value.isFinite, "constant must be finite")
        case .uniform(let lower, let upper):
            try require(lower.isFinite && upper.isFinite && lower <= upper, "uniform needs lower <= upper")
        case .exponential(let mean):
            try require(mean.isFinite && mean > 0, "exponential mean must be > 0")
        case .normal(let mean, let sd):
            try require(mean.isFinite && sd.isFinite && sd >= 0, "normal needs a finite mean and standard deviation >= 0")
        case .lognormal(let mu, let sigma):
            try require(mu.isFinite && sigma.isFinite && sigma >= 0, "lognormal needs finite mu and sigma >= 0")
        case .gamma(let shape, let scale):
            try require(shape.isFinite && scale.isFinite && shape > 0 && scale > 0, "gamma needs shape > 0 and scale > 0")
        case .weibull(let shape, let scale):
            try require(shape.isFinite && scale.isFinite && shape > 0 && scale > 0, "weibull needs shape > 0 and scale > 0")
        case .empirical(let samples):
            try require(!samples.values.isEmpty, "empirical distribution needs at least one sample")
        }
    }

    /// Expected value.
    public var mean: Double {
        switch self {
        case .constant(let value): value
        case .uniform(let lower, let upper): (lower + upper) / 2
        case .exponential(let mean): mean
        case .normal(let mean, _): mean
        case .lognormal(let mu, let sigma): exp(mu + sigma * sigma / 2)
        case .gamma(let shape, let scale): shape * scale
        case .weibull(let shape, let scale): scale * tgamma(1 + 1 / shape)
        case .empirical(let samples): samples.mean
        }
    }

    /// Variance.
    public var variance: Double {
        switch self {
        case .constant: 0
        case .uniform(let lower, let upper): (upper - lower) * (upper - lower) / 12
        case .exponential(let mean): mean * mean
        case .normal(_, let sd): sd * sd
        case .lognormal(let mu, let sigma): (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
        case .gamma(let shape, let scale): shape * scale * scale
        case .weibull(let shape, let scale): scale * scale * (tgamma(1 + 2 / shape) - pow(tgamma(1 + 1 / shape), 2))
        case .empirical(let samples): samples.variance
        }
    }

    /// Draws one value.
    @inlinable
    public func sample(using generator: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let lower, let upper):
            return lower + (upper - lower) * generator.nextUnitInterval()
        case .exponential(let mean):
            return -mean * log(1 - generator.nextUnitInterval())
        case .normal(let mean, let sd):
            return mean + sd * Distribution.standardNormal(using: &generator)
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * Distribution.standardNormal(using: &generator))
        case .gamma(let shape, let scale):
            return scale * Distribution.standardGamma(shape: shape, using: &generator)
        case .weibull(let shape, let scale):
            return scale * pow(-log(1 - generator.nextUnitInterval()), 1 / shape)   // inverse CDF
        case .empirical(let samples):
            let index = Int(generator.next() % UInt64(samples.values.count))
            return samples.values[index]
        }
    }

    /// Box–Muller: one standard normal deviate from two uniforms (the second deviate is
    /// discarded so that every draw consumes exactly two numbers of its stream).
    @usableFromInline
    static func standardNormal(using generator: inout Xoshiro256StarStar) -> Double {
        let u1 = 1 - generator.nextUnitInterval()   // (0, 1]
        let u2 = generator.nextUnitInterval()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000;
    /// shape < 1 through the boost `G(k) = G(k+1) · U^(1/k)`.
    @usableFromInline
    static func standardGamma(shape: Double, using generator: inout Xoshiro256StarStar) -> Double {
        if shape < 1 {
            let boost = pow(1 - generator.nextUnitInterval(), 1 / shape)
            return standardGamma(shape: shape + 1, using: &generator) * boost
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = 1 - generator.nextUnitInterval()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }
}

