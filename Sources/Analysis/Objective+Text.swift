import Simulator

extension Objective: CustomStringConvertible {
    /// `p95 <= 30s`, `timed out <= 1%`: about three significant digits, no trailing zeros (the
    /// grammar `--slo` and `--timeouts` read).
    public var description: String {
        let value = metric.isLatency
            ? NumberFormat.significant(threshold) + "s" : NumberFormat.significant(threshold * 100) + "%"
        return "\(metric.label) \(strict ? "<" : "<=") \(value)"
    }

    /// The bound for sentences: `≤ 30 s`, `< 1%`.
    public var bound: String {
        let value = metric.isLatency ? NumberFormat.duration(threshold) : NumberFormat.significant(threshold * 100) + "%"
        return (strict ? "< " : "≤ ") + value
    }
}
