import Glibc

/// One axis of a plot before layout: title, unit, range and scale kind.
public struct AxisSpec: Sendable, Hashable {
    public var title: String
    public var unit: AxisUnit
    public var lower: Double
    public var upper: Double
    public var isLog: Bool
    /// Widen the range to the nearest ticks outside it (linear axes).
    public var niceBounds: Bool

    public init(
        title: String, unit: AxisUnit, lower: Double, upper: Double, isLog: Bool = false, niceBounds: Bool = true
    ) {
        self.title = title
        self.unit = unit
        self.isLog = isLog
        self.niceBounds = niceBounds
        var lo = lower.isFinite ? lower : 0
        var hi = upper.isFinite ? upper : 1
        if isLog {
            if !(lo > 0) { lo = hi > 0 ? hi / 100 : 0.1 }
            if !(hi > lo) { hi = lo * 10 }
        } else if !(hi > lo) {
            hi = lo == 0 ? 1 : lo + Swift.abs(lo) * 0.5
            if lower == upper, lower > 0, lo > 0 { lo = 0 }
        }
        self.lower = lo
        self.upper = hi
    }

    /// Ticks for this axis and the (possibly widened) bounds, aiming at about `target` ticks.
    func ticks(target: Int) -> (ticks: [Double], lower: Double, upper: Double, step: Double) {
        isLog
            ? TickGenerator.log(lower: lower, upper: upper, unit: unit, target: target)
            : TickGenerator.linear(lower: lower, upper: upper, unit: unit, target: target, widen: niceBounds)
    }
}
