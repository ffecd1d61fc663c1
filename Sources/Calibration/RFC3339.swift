import Foundation

/// Kubernetes times: RFC 3339 (`metav1.Time`, `2026-11-02T10:00:05Z`, whole seconds) and
/// `metav1.MicroTime` (`2026-11-02T10:00:05.123456Z`), read as Unix seconds and written back in UTC.
public struct RFC3339 {
    private let whole = ISO8601DateFormatter()

    init() { whole.formatOptions = [.withInternetDateTime] }

    /// Unix seconds of `text`, with or without a fraction (to nanoseconds); `nil` if it is not an
    /// RFC 3339 time. The fraction is read here: the formatter would keep only milliseconds.
    func seconds(_ text: String) -> Double? {
        guard text.count <= 64 else { return nil }
        guard let dot = text.firstIndex(of: ".") else { return whole.date(from: text)?.timeIntervalSince1970 }
        let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), let fraction = Double("0." + digits),
            let date = whole.date(from: String(text[..<dot]) + String(text[digits.endIndex...]))
        else { return nil }
        return date.timeIntervalSince1970 + fraction
    }

    /// Unix seconds of `text` (RFC 3339, with or without a fraction); `nil` if it is not one.
    public static func seconds(_ text: String) -> Double? { RFC3339().seconds(text) }

    /// `seconds` as `2026-11-02T10:00:05Z` (the fraction dropped).
    public static func text(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
}
