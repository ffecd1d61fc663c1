import Glibc

/// The one way numbers are written for people — chart labels, the PDF and HTML reports and
/// the CLI's tables and messages — without Foundation: a comma every three integer digits, a
/// minus sign (−), money in whole dollars from $100 up and to the cent below (``dollars(_:)``)
/// or to the cent in tables (``fixed(_:decimals:grouping:)``), durations with about three
/// significant digits in the unit that suits them, and shares with up to two decimals below 1 %
/// and one from 1 % up. Machine formats (JSON, CSV) keep their own exact notation.
public enum NumberFormat {
    /// `value` with exactly `decimals` decimals and a comma every three integer digits.
    public static func fixed(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        let decimals = Swift.max(0, Swift.min(decimals, 9))
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (Swift.abs(value) * Double(scale)).rounded()
        let n = scaled >= 9.0e18 ? UInt64(9.0e18) : UInt64(scaled)
        let integer = n / scale
        let fraction = n % scale
        var text = grouping ? grouped(integer) : String(integer)
        if decimals > 0 {
            var digits = String(fraction)
            while digits.count < decimals { digits = "0" + digits }
            text += "." + digits
        }
        return (value < 0 && n != 0 ? "−" : "") + text
    }

    /// `value` with at most `decimals` decimals, trailing zeros removed.
    public static func compact(_ value: Double, maxDecimals: Int) -> String {
        var text = fixed(value, decimals: maxDecimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// About three significant digits: 1,234 · 123 · 12.3 · 1.23 · 0.123.
    public static func significant(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return compact(value, maxDecimals: decimals)
    }

    /// A count with thousands separators; negative, NaN and infinite values read "–".
    public static func count(_ value: Int) -> String { value >= 0 ? grouped(UInt64(value)) : "–" }

    /// A count held in a `Double` (rounded); negative, NaN and infinite values read "–".
    public static func count(_ value: Double) -> String {
        value.isFinite && value >= 0 && value < 9e18 ? grouped(UInt64(value.rounded())) : "–"
    }

    /// Two significant digits, for estimates: 1,918 → "1,900", 0.437 → "0.44".
    public static func roughly(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return fixed(value, decimals: 0) }
        let magnitude = pow(10, floor(log10(Swift.abs(value))) - 1)
        guard magnitude > 0 else { return fixed(value, decimals: 0) }   // below 1e-322 the step underflows to 0
        let rounded = (value / magnitude).rounded() * magnitude
        return compact(rounded, maxDecimals: Swift.max(0, Int(-log10(magnitude).rounded())))
    }

    /// The digits of `value` with a comma every three.
    public static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Dollars for headlines and labels: "$1,234" from $100 up, "$12.34" below, "$0" for zero.
    public static func dollars(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        let body = magnitude >= 100 || magnitude == 0 ? fixed(magnitude, decimals: 0) : fixed(magnitude, decimals: 2)
        return (value < 0 && magnitude > 0 ? "−$" : "$") + body
    }

    /// Dollars for tick labels: "$1.5k" style above $10,000, otherwise trimmed.
    public static func dollarsTick(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        let sign = value < 0 && magnitude > 0 ? "−" : ""
        if magnitude >= 1_000_000 { return sign + "$" + compact(magnitude / 1_000_000, maxDecimals: 2) + "M" }
        if magnitude >= 10_000 { return sign + "$" + compact(magnitude / 1000, maxDecimals: 1) + "k" }
        if magnitude >= 100 || magnitude == magnitude.rounded() { return sign + "$" + fixed(magnitude, decimals: 0) }
        return sign + "$" + fixed(magnitude, decimals: 2)
    }

    /// A duration in the unit that suits it: "350 ms", "4.2 s", "3.5 min", "2.1 h", "1.5 d".
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        let s = Swift.abs(seconds), sign = seconds < 0 ? "−" : ""
        if s == 0 { return "0 s" }
        if s < 1 { return sign + significant(s * 1000) + " ms" }
        if s < 120 { return sign + significant(s) + " s" }
        if s < 7200 { return sign + significant(s / 60) + " min" }
        if s < 172_800 { return sign + significant(s / 3600) + " h" }
        return sign + significant(s / 86_400) + " d"
    }

    /// A share 0–1 as a percentage: up to two decimals below 1 % ("0.81%", "0.8%", "<0.01%"), up
    /// to one from 1 % up ("11.6%", "50%"), trailing zeros dropped.
    public static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "–" }
        let p = share * 100
        if p == 0 { return "0%" }
        if Swift.abs(p) < 0.01 { return (p < 0 ? "−" : "") + "<0.01%" }
        return compact(p, maxDecimals: Swift.abs(p) < 1 ? 2 : 1) + "%"
    }

    /// A count that may be huge or a quotient of a tiny divisor: grouped digits below 10¹⁵, then
    /// two significant digits with an exponent ("1.2e+20"), never an integer conversion that could trap.
    public static func approximate(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        let magnitude = Swift.abs(value)
        if magnitude < 1e15 {
            return (value < 0 && magnitude >= 0.5 ? "−" : "") + grouped(UInt64(magnitude.rounded()))
        }
        var exponent = Int(floor(log10(magnitude)))
        var mantissa = (magnitude / pow(10, Double(exponent)) * 10).rounded() / 10
        if mantissa >= 10 { mantissa /= 10; exponent += 1 }
        return (value < 0 ? "−" : "") + compact(mantissa, maxDecimals: 1) + "e+" + String(exponent)
    }

    /// A model parameter as written: the shortest decimal that reads back as the same number,
    /// without a trailing ".0" (0.45, 0.025, 1, 1e-05).
    public static func parameter(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// "× ratio" with one decimal below 10, none above: "4.2×", "23×".
    public static func ratio(_ value: Double) -> String {
        (value >= 10 ? fixed(value, decimals: 0) : compact(value, maxDecimals: 1)) + "×"
    }

    /// `text` with its first letter upper-cased ("scale-to-zero costs…" → "Scale-to-zero costs…").
    public static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "minute", "hour", "10 min", "30 s": the width of a time bucket in words.
    public static func bucketPhrase(_ seconds: Double) -> String {
        if seconds == 60 { return "minute" }
        if seconds == 3600 { return "hour" }
        if seconds == 86_400 { return "day" }
        return duration(seconds)
    }

    /// Clock time within a day, "HH:MM" (or "HH:MM:SS" when `withSeconds`).
    public static func clock(_ secondsIntoDay: Double, withSeconds: Bool = false) -> String {
        let total = Int(secondsIntoDay.rounded())
        let h = total / 3600
        let m = (total % 3600) / 60
        let s = total % 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return two(h) + ":" + two(m) + (withSeconds ? ":" + two(s) : "")
    }

    /// Items joined for a sentence: "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
