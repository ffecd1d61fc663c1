/// An exact amount of money in US dollars, stored as an integer number of nano-dollars
/// (1 USD = 1 000 000 000 nano-dollars).
///
/// Every charge the cost model computes is a `Money`, and sums of charges are exact integer
/// sums: there is no binary floating point anywhere between the catalog's decimal prices and
/// the totals. The range is ±9.2 billion USD.
///
/// Rounding happens in exactly two places, both documented:
/// - a VM run's charge (rate × billed seconds) is rounded **half-up to the nearest
///   nano-dollar** once per run and SKU (see ``HourlyRate/charge(forSeconds:)``);
/// - display rounds **half away from zero to whole cents** (``cents``, ``formatted``),
///   which is "half-up" for the non-negative amounts costsim prints. Never round before summing.
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in nano-dollars (1e-9 USD).
    public var nanoDollars: Int64

    /// Nano-dollars in one US dollar.
    public static let nanoDollarsPerDollar: Int64 = 1_000_000_000

    public static let zero = Money(nanoDollars: 0)

    public init(nanoDollars: Int64) {
        self.nanoDollars = nanoDollars
    }

    /// A whole number of cents, e.g. `Money(cents: 4236)` is $42.36.
    public init(cents: Int64) {
        self.nanoDollars = cents * 10_000_000
    }

    /// Parses a non-negative decimal dollar amount such as `"74.40"` exactly; `nil` if the text is
    /// not a plain decimal or has more than nine decimal places.
    public init?(dollars text: String) {
        guard let decimal = ExactDecimal(parsing: text), let nanos = decimal.scaled(toDecimalPlaces: 9) else {
            return nil
        }
        self.nanoDollars = nanos
    }

    /// The amount rounded half away from zero to whole cents (display rounding).
    public var cents: Int64 {
        let perCent: Int64 = 10_000_000
        let (quotient, remainder) = nanoDollars.quotientAndRemainder(dividingBy: perCent)
        if remainder >= perCent / 2 { return quotient + 1 }
        if remainder <= -perCent / 2 { return quotient - 1 }
        return quotient
    }

    /// Dollars and cents, rounded half away from zero: `$422.36`, `-$1.05`.
    public var formatted: String {
        let cents = self.cents
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        let sign = cents < 0 ? "-" : ""
        return "\(sign)$\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The exact amount as decimal dollars with trailing zeros trimmed (at least two decimals),
    /// e.g. `422.35632`; for CSV/JSON output where nothing may be lost.
    public var exactDollarsText: String {
        ExactDecimal(units: nanoDollars, decimalPlaces: 9).text(minimumDecimalPlaces: 2)
    }

    /// The amount as a `Double` number of dollars, for charts and ratios only (never for sums).
    public var approximateDollars: Double {
        Double(nanoDollars) / Double(Self.nanoDollarsPerDollar)
    }

    public var description: String { formatted }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.nanoDollars < rhs.nanoDollars }

    /// The exact mean of `amounts` rounded down (toward −∞) to the nano-dollar, summed on 128
    /// bits so it never overflows; zero for no amounts.
    static func mean(_ amounts: [Money]) -> Money {
        // Shift Int64 to UInt64 keeping order (x + 2^63), average, shift back.
        let bias: UInt64 = 1 << 63
        guard let mean = FixedPoint.mean(amounts.map { UInt64(bitPattern: $0.nanoDollars) ^ bias }) else {
            return .zero
        }
        return Money(nanoDollars: Int64(bitPattern: mean ^ bias))
    }

    /// `self + other`, or `nil` if the sum leaves the ±9.2 billion USD range.
    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = nanoDollars.addingReportingOverflow(other.nanoDollars)
        return overflow ? nil : Money(nanoDollars: sum)
    }

    // The operators below trap on overflow, like `Int`'s; the cost model uses ``adding(_:)``
    // and ``scaled(by:over:)`` wherever amounts come from input.

    public static func + (lhs: Money, rhs: Money) -> Money { Money(nanoDollars: lhs.nanoDollars + rhs.nanoDollars) }

    public static func - (lhs: Money, rhs: Money) -> Money { Money(nanoDollars: lhs.nanoDollars - rhs.nanoDollars) }

    public static func * (lhs: Money, rhs: Int) -> Money { Money(nanoDollars: lhs.nanoDollars * Int64(rhs)) }

    /// `self × numerator / denominator`, rounded half away from zero to the nano-dollar, with a
    /// 128-bit intermediate product; `nil` on overflow or a non-positive denominator. Used for
    /// monthly projections (`total × month / horizon`).
    public func scaled(by numerator: Int64, over denominator: Int64) -> Money? {
        guard denominator > 0, numerator >= 0 else { return nil }
        guard
            let magnitude = FixedPoint.mulDivRounded(nanoDollars.magnitude, numerator.magnitude, denominator.magnitude),
              magnitude <= UInt64(Int64.max) else { return nil }
        return Money(nanoDollars: nanoDollars < 0 ? -Int64(magnitude) : Int64(magnitude))
    }

    /// Splits `self` (non-negative) into parts proportional to `weights` (non-negative), so that
    /// the parts add up to `self` exactly (largest-remainder method; ties go to the earlier
    /// weight). All-zero weights put everything in the first part.
    /// Weights whose sum exceeds 64 bits are halved together until it fits (their proportions
    /// are kept to 63 significant bits).
    public func apportioned(by weights: [UInt64]) -> [Money] {
        guard !weights.isEmpty else { return [] }
        var scratch = weights
        var shares = [UInt64](repeating: 0, count: weights.count)
        var scratchSpan = scratch.mutableSpan
        var sharesSpan = shares.mutableSpan
        guard apportion(weights: &scratchSpan, into: &sharesSpan) else {
            var parts = Array(repeating: Money.zero, count: weights.count)
            parts[0] = self
            return parts
        }
        return shares.map { Money(nanoDollars: Int64($0)) }
    }

    /// The algorithm of ``apportioned(by:)`` on caller-provided storage (pricing apportions every
    /// node run over its states: no arrays there). Writes the shares in nano-dollars into
    /// `shares` (as many as `weights`) and uses `weights` as scratch space. Returns `false`, with
    /// `shares` untouched, when `self` is negative or the weights are all zero.
    func apportion(weights: inout MutableSpan<UInt64>, into shares: inout MutableSpan<UInt64>) -> Bool {
        precondition(weights.count == shares.count && !weights.isEmpty, "one share per weight")
        let total = nanoDollars.magnitude
        var weightSum: UInt64 = 0
        while true {
            var sum: UInt64 = 0
            var overflow = false
            for index in weights.indices where !overflow {
                (sum, overflow) = sum.addingReportingOverflow(weights[index])
            }
            if !overflow { weightSum = sum; break }
            for index in weights.indices { weights[index] >>= 1 }
        }
        guard nanoDollars >= 0, weightSum > 0 else { return false }
        var leftOver = total
        for index in weights.indices {
            let (quotient, remainder) = weightSum.dividingFullWidth(total.multipliedFullWidth(by: weights[index]))
            shares[index] = quotient
            weights[index] = remainder            // the weight is no longer needed
            leftOver -= quotient
        }
        // The `leftOver` (< count) largest remainders get one nano-dollar each; of equal
        // remainders the earlier one ranks higher.
        guard leftOver > 0 else { return true }
        for index in weights.indices {
            var outranking: UInt64 = 0
            for other in weights.indices
            where weights[other] > weights[index] || (weights[other] == weights[index] && other < index) {
                outranking += 1
            }
            if outranking < leftOver { shares[index] += 1 }
        }
        return true
    }
}
