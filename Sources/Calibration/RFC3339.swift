import Foundation

/// Kubernetes times: RFC 3339 (`metav1.Time`, `2026-11-02T10:00:05Z`, whole seconds) and
/// `metav1.MicroTime` (`2026-11-02T10:00:05.123456Z`), read as Unix seconds and written back in UTC.
public struct RFC3339 {
    private let whole = ISO8601DateFormatter()
    private let fractional = ISO8601DateFormatter()

    init() {
        whole.formatOptions = [.withInternetDateTime]
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    }

    /// Unix seconds of `text`, with or without a fraction; `nil` if it is not an RFC 3339 time.
    func seconds(_ text: String) -> Double? {
        guard text.count <= 64 else { return nil }
        let date = text.contains(".") ? fractional.date(from: text) : whole.date(from: text)
        return date?.timeIntervalSince1970
    }

    /// `seconds` as `2026-11-02T10:00:05Z` (the fraction dropped).
    public static func text(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
}
