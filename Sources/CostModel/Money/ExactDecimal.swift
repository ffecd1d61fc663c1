/// A non-negative decimal number held exactly as `units / 10^decimalPlaces`: the bridge
/// between decimal text (catalog prices, CSV fields) and the integer fixed point of ``Money``
/// and ``HourlyRate``. Internal: the public types expose their own parsing.
struct ExactDecimal: Hashable, Sendable {
    var units: Int64
    var decimalPlaces: Int

    init(units: Int64, decimalPlaces: Int) {
        self.units = units
        self.decimalPlaces = decimalPlaces
    }

    /// Parses `digits[.digits]` (no sign, no exponent, at most 18 significant digits); `nil`
    /// otherwise.
    init?(parsing text: String) {
        var units: Int64 = 0
        var places = 0
        var seenDot = false
        var digitsBeforeDot = 0
        var digitsAfterDot = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times10, overflow1) = units.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                units = sum
                if seenDot { places += 1; digitsAfterDot += 1 } else { digitsBeforeDot += 1 }
            case UInt8(ascii: "."):
                guard !seenDot else { return nil }
                seenDot = true
            default:
                return nil
            }
        }
        guard digitsBeforeDot > 0, !seenDot || digitsAfterDot > 0 else { return nil }
        self.units = units
        self.decimalPlaces = places
    }

    /// The value as an integer count of `10^-places`; `nil` if that needs rounding (more decimal
    /// places than `places`) or overflows.
    func scaled(toDecimalPlaces places: Int) -> Int64? {
        var value = units
        var current = decimalPlaces
        while current > places {
            guard value % 10 == 0 else { return nil }
            value /= 10
            current -= 1
        }
        while current < places {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = next
            current += 1
        }
        return value
    }

    /// `true` if the value is at most `whole` (a non-negative integer).
    func isAtMost(_ whole: Int64) -> Bool {
        var limit = whole
        for _ in 0..<decimalPlaces {
            let (next, overflow) = limit.multipliedReportingOverflow(by: 10)
            // A limit beyond Int64 is above any `units`.
            if overflow { return true }
            limit = next
        }
        return units <= limit
    }

    /// Decimal text with trailing zeros trimmed but at least `minimumDecimalPlaces` decimals.
    /// Handles negative `units` (for ``Money``).
    func text(minimumDecimalPlaces: Int = 0) -> String {
        // ASCII digits of the magnitude, least significant first, with at least one whole digit.
        var digits: [UInt8] = []
        var magnitude = units.magnitude
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        while digits.count <= decimalPlaces { digits.append(UInt8(ascii: "0")) }
        var trimmed = 0  // trailing zeros of the fraction left out
        while decimalPlaces - trimmed > minimumDecimalPlaces, digits[trimmed] == UInt8(ascii: "0") { trimmed += 1 }
        var text: [UInt8] = units < 0 ? [UInt8(ascii: "-")] : []
        text.append(contentsOf: digits[decimalPlaces...].reversed())
        if decimalPlaces > trimmed {
            text.append(UInt8(ascii: "."))
            text.append(contentsOf: digits[trimmed..<decimalPlaces].reversed())
        } else if decimalPlaces == 0, minimumDecimalPlaces > 0 {
            text.append(UInt8(ascii: "."))
            text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: minimumDecimalPlaces))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
