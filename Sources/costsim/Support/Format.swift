import Foundation

/// Number formatting for tables: rounding happens here and only here.
enum Format {
    /// A duration with a unit that fits it: `850 ms`, `12.3 s`, `4.2 min`, `3.1 h`.
    static func duration(_ seconds: Double) -> String {
        if seconds == 0 { return "0 s" }
        if seconds < 1 { return String(format: "%.0f ms", seconds * 1000) }
        if seconds < 100 { return String(format: "%.1f s", seconds) }
        if seconds < 6000 { return String(format: "%.1f min", seconds / 60) }
        return String(format: "%.1f h", seconds / 3600)
    }

    static func fixed(_ value: Double, decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    /// A model parameter as written: up to 6 significant digits, no trailing zeros (0.45, 0.025, 1).
    static func parameter(_ value: Double) -> String { String(format: "%g", value) }

    static func percent(_ share: Double) -> String { String(format: "%.2f%%", share * 100) }

    static func hours(_ seconds: Double) -> String { String(format: "%.1f", seconds / 3600) }

    /// An integer with thousands separators: `36,012`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A count that may be huge or a quotient of a tiny divisor: grouped digits below 10¹⁵, then `1.2e+20`
    /// (`inf` when infinite), never an integer conversion that could trap.
    static func approximate(_ value: Double) -> String {
        value.magnitude < 1e15 ? count(Int(value.rounded())) : String(format: "%.2g", value)
    }
}
