import Analysis

/// The CLI's names for ``NumberFormat`` (Analysis), so tables, messages and the reports write
/// every number the same way.
enum Format {
    /// A duration with a unit that fits it: `850 ms`, `12.3 s`, `4.2 min`, `3.1 h`.
    static func duration(_ seconds: Double) -> String { NumberFormat.duration(seconds) }

    /// `value` with `decimals` decimals and thousands separators.
    static func fixed(_ value: Double, decimals: Int) -> String { NumberFormat.fixed(value, decimals: decimals) }

    /// A model parameter as written: 0.45, 0.025, 1.
    static func parameter(_ value: Double) -> String { NumberFormat.parameter(value) }

    /// A share 0–1 as a percentage: `0.80%`, `11.6%`.
    static func percent(_ share: Double) -> String { NumberFormat.percent(share) }

    /// Seconds as hours with one decimal.
    static func hours(_ seconds: Double) -> String { NumberFormat.fixed(seconds / 3600, decimals: 1) }

    /// An integer with thousands separators: `36,012`.
    static func count(_ value: Int) -> String { NumberFormat.count(value) }

    /// A count that may be huge or a quotient of a tiny divisor: grouped digits below 10¹⁵, then `1.2e+20`.
    static func approximate(_ value: Double) -> String { NumberFormat.approximate(value) }
}
