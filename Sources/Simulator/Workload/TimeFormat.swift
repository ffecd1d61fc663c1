/// How a trace writes its timestamps.
public enum TimeFormat: String, Sendable, CaseIterable {
    /// Seconds as a decimal number.
    case seconds
    /// Milliseconds as a decimal number (the Mooncake traces).
    case milliseconds
    /// Wall-clock time: ISO-8601 (`2023-11-16T18:17:03.98Z`, offsets `+01:00` allowed) or
    /// `YYYY-MM-DD HH:MM:SS[.fffffff]` (the Azure LLM traces), read as UTC when no offset is given,
    /// or the Common Log Format of nginx's `$time_local` (`06/Dec/2026:10:00:05 +0000`).
    case wallClock = "wall-clock"
    /// Wall clock when the first field looks like a date (`YYYY-`), seconds otherwise.
    case auto
}
