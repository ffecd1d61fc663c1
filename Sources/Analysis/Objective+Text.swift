import Glibc
import Simulator

extension Objective: CustomStringConvertible {
    /// `p95 <= 30s`, `timed out <= 1%`: about three significant digits, no trailing zeros (the
    /// grammar `--slo` and `--timeouts` read).
    public var description: String {
        let value = metric.isLatency ? Self.digits(threshold) + "s" : Self.digits(threshold * 100) + "%"
        return "\(metric.label) \(strict ? "<" : "<=") \(value)"
    }

    /// Three significant digits, no grouping, no trailing zeros (`6.5`, `0.0001`, `3600`).
    static func digits(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return NumberFormat.fixed(value, decimals: 0, grouping: false) }
        let decimals = Swift.max(0, 2 - Int(log10(value).rounded(.down)))
        var text = NumberFormat.fixed(value, decimals: decimals, grouping: false)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// The bound for sentences: `≤ 30 s`, `< 1%`.
    public var bound: String {
        let value =
            metric.isLatency ? NumberFormat.duration(threshold) : NumberFormat.significant(threshold * 100) + "%"
        return (strict ? "< " : "≤ ") + value
    }
}
