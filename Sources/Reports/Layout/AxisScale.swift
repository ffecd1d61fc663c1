import Glibc

/// Maps data values on one axis to drawing coordinates, linearly or logarithmically.
public struct AxisScale: Sendable, Hashable {
    /// Data value at `start`.
    public var lower: Double
    /// Data value at `end`.
    public var upper: Double
    /// Drawing coordinate of `lower` (left edge, or bottom edge for a y axis).
    public var start: Double
    /// Drawing coordinate of `upper`.
    public var end: Double
    /// Logarithmic (base 10) when true; values ≤ 0 then map to `start`.
    public var isLog: Bool

    public init(lower: Double, upper: Double, start: Double, end: Double, isLog: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.start = start
        self.end = end
        self.isLog = isLog
    }

    /// Drawing coordinate of `value` (not clamped, except non-positive values on a log axis).
    public func position(_ value: Double) -> Double {
        let t: Double
        if isLog {
            let lo = log10(lower), hi = log10(upper)
            let v = value > 0 ? log10(value) : lo
            t = hi == lo ? 0.5 : (v - lo) / (hi - lo)
        } else {
            t = upper == lower ? 0.5 : (value - lower) / (upper - lower)
        }
        return start + t * (end - start)
    }

    /// Data value at drawing coordinate `coordinate`.
    public func value(at coordinate: Double) -> Double {
        let t = end == start ? 0 : (coordinate - start) / (end - start)
        if isLog { return pow(10, log10(lower) + t * (log10(upper) - log10(lower))) }
        return lower + t * (upper - lower)
    }

    /// `position(value)` clamped to the axis.
    func clampedPosition(_ value: Double) -> Double {
        let p = position(value)
        return Swift.min(Swift.max(p, Swift.min(start, end)), Swift.max(start, end))
    }
}
