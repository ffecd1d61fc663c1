/// 128-bit-intermediate integer arithmetic for fixed-point money (no `Int128`, which needs
/// macOS 15). Internal.
enum FixedPoint {
    /// `a × b / divisor` rounded half-up, computed on a 128-bit product; `nil` if `divisor` is 0
    /// or the quotient does not fit in 64 bits.
    static func mulDivRounded(_ a: UInt64, _ b: UInt64, _ divisor: UInt64) -> UInt64? {
        guard divisor > 0 else { return nil }
        let product = a.multipliedFullWidth(by: b)
        // dividingFullWidth traps when the quotient overflows; it does exactly when high >= divisor.
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        // Half-up: round up when remainder >= divisor / 2 (compare without overflow).
        if remainder >= divisor - remainder {
            guard quotient < UInt64.max else { return nil }
            return quotient + 1
        }
        return quotient
    }

    /// The mean of `values` rounded down, from a 128-bit sum (cannot overflow: the mean is at
    /// most the largest value); `nil` for no values.
    static func mean(_ values: [UInt64]) -> UInt64? {
        guard !values.isEmpty else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for value in values {
            let (sum, carry) = low.addingReportingOverflow(value)
            low = sum
            if carry { high += 1 }  // at most values.count, so it cannot overflow
        }
        // high < count because every value is below 2^64, so the quotient fits in 64 bits.
        return UInt64(values.count).dividingFullWidth((high, low)).quotient
    }
}
