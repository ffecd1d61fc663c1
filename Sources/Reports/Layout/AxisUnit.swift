import Analysis

/// What an axis measures, which decides its tick steps and how tick labels read.
public enum AxisUnit: Sendable, Hashable {
    /// A plain count or quantity ("1,200").
    case count
    /// US dollars ("$1,200", "$15k").
    case dollars
    /// A duration in seconds, labelled in ms / s / min / h / d.
    case seconds
    /// Seconds since midnight, labelled as clock time ("06:00").
    case clock
    /// A share 0–1, labelled as a percentage.
    case share
    /// A plain number with a unit suffix ("300 min/day").
    case quantity(suffix: String)

    /// Label of one tick value.
    func label(_ value: Double, step: Double) -> String {
        switch self {
        case .count: return NumberFormat.compact(value, maxDecimals: step < 1 ? 2 : 0)
        case .dollars: return NumberFormat.dollarsTick(value)
        case .seconds: return NumberFormat.duration(value)
        case .clock: return NumberFormat.clock(value, withSeconds: step < 60)
        case .share: return NumberFormat.compact(value * 100, maxDecimals: step < 0.01 ? 1 : 0) + "%"
        case .quantity(let suffix):
            let text = NumberFormat.compact(value, maxDecimals: step < 1 ? 2 : 0)
            return suffix.isEmpty ? text : text + " " + suffix
        }
    }

    /// Candidate tick steps for a linear axis (nil: the generic 1-2-5 series).
    var linearSteps: [Double]? {
        switch self {
        case .seconds:
            return [
                0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
            ]
        case .clock:
            return [
                1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 14_400, 21_600, 43_200, 86_400,
            ]
        default: return nil
        }
    }
}
