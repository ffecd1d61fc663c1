import Glibc

/// Nice tick values: 1-2-5 steps (or time-friendly steps) on linear axes, decades with
/// time-friendly intermediates on log axes.
enum TickGenerator {
    static func linear(
        lower: Double, upper: Double, unit: AxisUnit, target: Int, widen: Bool
    )
        -> (ticks: [Double], lower: Double, upper: Double, step: Double)
    {
        let span = Swift.max(upper - lower, 1e-12)
        let raw = span / Double(Swift.max(target, 1))
        var step: Double
        if let steps = unit.linearSteps, let fit = steps.first(where: { $0 >= raw }) {
            step = fit
        } else {
            let magnitude = pow(10, floor(log10(raw)))
            let normalized = raw / magnitude
            step =
                (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10)
                * magnitude
        }
        if unit == .count { step = Swift.max(step, 1) }
        let first = widen ? floor(lower / step + 1e-9) * step : ceil(lower / step - 1e-9) * step
        let last = widen ? ceil(upper / step - 1e-9) * step : floor(upper / step + 1e-9) * step
        var ticks: [Double] = []
        var i = 0.0
        while first + i * step <= last + step * 1e-6 && ticks.count < 200 {
            let v = first + i * step
            ticks.append(Swift.abs(v) < step * 1e-9 ? 0 : v)
            i += 1
        }
        return (ticks, widen ? Swift.min(first, lower) : lower, widen ? Swift.max(last, upper) : upper, step)
    }

    /// Time-friendly values for log axes in seconds.
    private static let timeMajor: [Double] = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 36_000, 86_400, 864_000]
    private static let timeMinor: [Double] = [
        0.002, 0.005, 0.02, 0.05, 0.2, 0.5, 2, 5, 20, 30, 120, 300, 1200, 1800,
        7200, 18_000, 43_200, 172_800, 432_000,
    ]

    static func log(
        lower: Double, upper: Double, unit: AxisUnit, target: Int
    )
        -> (ticks: [Double], lower: Double, upper: Double, step: Double)
    {
        let inRange: (Double) -> Bool = { $0 >= lower * (1 - 1e-9) && $0 <= upper * (1 + 1e-9) }
        var ticks: [Double]
        if unit == .seconds {
            ticks = timeMajor.filter(inRange)
            if ticks.count < Swift.max(4, target / 2) { ticks = (ticks + timeMinor.filter(inRange)).sorted() }
        } else {
            let lo = Int(floor(log10(lower)))
            let hi = Int(ceil(log10(upper)))
            ticks = (lo...Swift.max(lo, hi)).map { pow(10, Double($0)) }.filter(inRange)
            if ticks.count < Swift.max(4, target / 2) {
                var more: [Double] = []
                for e in lo...Swift.max(lo, hi) {
                    for m in [2.0, 5.0] { more.append(m * pow(10, Double(e))) }
                }
                ticks = (ticks + more.filter(inRange)).sorted()
            }
        }
        // Label the ends too when they are round values (logBounds makes them so).
        for bound in [lower, upper]
        where isRoundLogValue(bound, unit: unit) && !ticks.contains(where: { Swift.abs($0 / bound - 1) < 1e-9 }) {
            ticks.append(bound)
        }
        ticks.sort()
        if ticks.isEmpty { ticks = [lower, upper] }
        return (ticks, lower, upper, 0)
    }

    private static func isRoundLogValue(_ value: Double, unit: AxisUnit) -> Bool {
        guard value > 0, value.isFinite else { return false }
        if unit == .seconds { return (timeMajor + timeMinor).contains { Swift.abs($0 / value - 1) < 1e-9 } }
        let mantissa = value / pow(10, floor(log10(value)))
        return [1.0, 2.0, 5.0, 10.0].contains { Swift.abs($0 / mantissa - 1) < 1e-9 }
    }

    /// A log range covering `lower…upper` that starts and ends on a tick-friendly value.
    static func logBounds(lower: Double, upper: Double, unit: AxisUnit) -> (Double, Double) {
        let lo = lower > 0 ? lower : 0.001
        let hi = Swift.max(upper, lo * 1.0001)
        let candidates: [Double]
        if unit == .seconds {
            candidates = (timeMajor + timeMinor).sorted()
        } else {
            candidates = (-6...12).flatMap { e in [1.0, 2.0, 5.0].map { $0 * pow(10, Double(e)) } }
        }
        let below = candidates.last(where: { $0 <= lo }) ?? pow(10, floor(log10(lo)))
        let above = candidates.first(where: { $0 >= hi }) ?? pow(10, ceil(log10(hi)))
        return (below, above > below ? above : below * 10)
    }
}
