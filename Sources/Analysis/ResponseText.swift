/// Formats response-time percentiles that may be capped at the client timeout.
public enum ResponseText {
    public static func isCapped(_ seconds: Double, timeoutSeconds: Double?, anyTimedOut: Bool) -> Bool {
        guard anyTimedOut, let timeoutSeconds, timeoutSeconds > 0 else { return false }
        return seconds >= timeoutSeconds * 0.999
    }

    /// "12.3 s", or "≥ 60 s" for a value at the timeout cap.
    public static func format(_ seconds: Double, timeoutSeconds: Double?, anyTimedOut: Bool) -> String {
        isCapped(seconds, timeoutSeconds: timeoutSeconds, anyTimedOut: anyTimedOut)
            ? "≥ " + NumberFormat.duration(timeoutSeconds ?? seconds) : NumberFormat.duration(seconds)
    }
}
