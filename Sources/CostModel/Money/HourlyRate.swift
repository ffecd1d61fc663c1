/// A price per hour held exactly, as an integer number of femto-dollars per hour
/// (1 USD/h = 10^15 fd/h). Catalog prices have up to 14 decimals (e.g. GCP's
/// `11.0612499878219`), so 15 decimal places keep every one of them exact; the largest rate
/// is about 9 223 USD/h.
public struct HourlyRate: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    /// Femto-dollars (1e-15 USD) per hour.
    public var femtoDollarsPerHour: Int64

    /// Decimal places of USD kept by ``femtoDollarsPerHour``.
    public static let decimalPlaces = 15

    public static let zero = HourlyRate(femtoDollarsPerHour: 0)

    public init(femtoDollarsPerHour: Int64) {
        self.femtoDollarsPerHour = femtoDollarsPerHour
    }

    /// Parses a non-negative decimal USD-per-hour text such as `"0.236606"` exactly; `nil` if it
    /// is not a plain decimal, has more than 15 decimals or exceeds the range.
    public init?(dollarsPerHour text: String) {
        guard let decimal = ExactDecimal(parsing: text),
              let femto = decimal.scaled(toDecimalPlaces: Self.decimalPlaces) else { return nil }
        self.femtoDollarsPerHour = femto
    }

    /// The rate as decimal text, trailing zeros trimmed: `0.236606`, `0.10` → `0.1`.
    public var dollarsPerHourText: String {
        ExactDecimal(units: femtoDollarsPerHour, decimalPlaces: Self.decimalPlaces).text()
    }

    /// The exact rate as decimal dollars per hour, trailing zeros trimmed to at least two decimals
    /// (`0.10`, `0.236606`); for CSV/JSON output where nothing may be lost.
    public var exactDollarsPerHourText: String {
        ExactDecimal(units: femtoDollarsPerHour, decimalPlaces: Self.decimalPlaces).text(minimumDecimalPlaces: 2)
    }

    /// `$0.586606/h`, `$0.10/h` (at least two decimals).
    public var description: String {
        "$\(exactDollarsPerHourText)/h"
    }

    /// The rate as a `Double`, for display and charts only.
    public var approximateDollarsPerHour: Double { Double(femtoDollarsPerHour) / 1e15 }

    /// What `seconds` of this rate cost, rounded half-up to the nano-dollar:
    /// `rate × seconds / 3600`. `nil` on overflow or negative input.
    public func charge(forSeconds seconds: Int64) -> Money? {
        guard seconds >= 0, femtoDollarsPerHour >= 0 else { return nil }
        // nano = femto/h × s / (3600 s/h × 10^6 femto/nano)
        guard let nanos = FixedPoint.mulDivRounded(femtoDollarsPerHour.magnitude, seconds.magnitude, 3_600_000_000),
              nanos <= UInt64(Int64.max) else { return nil }
        return Money(nanoDollars: Int64(nanos))
    }

    /// What `hours` whole hours cost (no rounding needed below the nano-dollar unless the
    /// rate has more than 9 decimals, in which case half-up); `nil` on overflow.
    public func charge(forHours hours: Int64) -> Money? {
        let (seconds, overflow) = hours.multipliedReportingOverflow(by: 3600)
        return overflow ? nil : charge(forSeconds: seconds)
    }

    /// `self + other`, or `nil` if the sum leaves the range.
    public func adding(_ other: HourlyRate) -> HourlyRate? {
        let (sum, overflow) = femtoDollarsPerHour.addingReportingOverflow(other.femtoDollarsPerHour)
        return overflow ? nil : HourlyRate(femtoDollarsPerHour: sum)
    }

    /// `self × count`, or `nil` if the product leaves the range.
    public func multiplied(by count: Int) -> HourlyRate? {
        let (product, overflow) = femtoDollarsPerHour.multipliedReportingOverflow(by: Int64(count))
        return overflow ? nil : HourlyRate(femtoDollarsPerHour: product)
    }

    public static func < (lhs: HourlyRate, rhs: HourlyRate) -> Bool {
        lhs.femtoDollarsPerHour < rhs.femtoDollarsPerHour
    }

    public static func + (lhs: HourlyRate, rhs: HourlyRate) -> HourlyRate {
        HourlyRate(femtoDollarsPerHour: lhs.femtoDollarsPerHour + rhs.femtoDollarsPerHour)
    }

    public static func - (lhs: HourlyRate, rhs: HourlyRate) -> HourlyRate {
        HourlyRate(femtoDollarsPerHour: lhs.femtoDollarsPerHour - rhs.femtoDollarsPerHour)
    }

    public static func * (lhs: HourlyRate, rhs: Int) -> HourlyRate {
        HourlyRate(femtoDollarsPerHour: lhs.femtoDollarsPerHour * Int64(rhs))
    }
}
