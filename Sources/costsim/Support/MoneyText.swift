import CostModel

/// Money in JSON and CSV: decimal dollars rounded once, half away from zero, to the cent
/// (`"428.22"`, `"-3.10"`), as text so no reader parses it into binary floating point. An exact
/// amount also goes out as whole nano-dollars beside it (``Money/nanoDollars``). Prices per hour
/// go out exact.
enum MoneyText {
    /// An exact amount rounded to the cent: `428.22`.
    static func cents(_ money: Money) -> String { text(cents: money.cents) }

    /// A price per hour, exact (never rounded: every amount is computed from it): `0.35`,
    /// `0.236606` (at least two decimals).
    static func perHour(_ rate: HourlyRate) -> String { rate.exactDollarsPerHourText }

    /// A statistical estimate in dollars (a mean, a confidence bound, a difference) rounded to
    /// the cent; `nil` if it is not finite or beyond ±90 trillion dollars.
    static func cents(dollars: Double) -> String? {
        let cents = (dollars * 100).rounded(.toNearestOrAwayFromZero)
        guard cents.isFinite, abs(cents) < 9e15 else { return nil }
        return text(cents: Int64(cents))
    }

    private static func text(cents: Int64) -> String {
        let fraction = cents.magnitude % 100
        return (cents < 0 ? "-" : "") + "\(cents.magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
