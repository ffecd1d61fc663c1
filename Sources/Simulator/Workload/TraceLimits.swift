/// Bounds on what a trace file may contain and what the trace generator may be asked for: far
/// beyond any real workload, tight enough that no value can overflow the arithmetic of the readers,
/// the summary or the simulation, or make a run go on for days on a mistyped number.
/// `docs/trace-format.md` ("Limits") lists them with their reasons.
public enum TraceLimits {
    /// Latest absolute time a trace may hold: 9999-12-31T23:59:59Z as Unix seconds. It bounds
    /// wall-clock stamps and numeric times alike, so epoch seconds and epoch milliseconds both fit.
    public static let latestUnixSeconds = 253_402_300_799.0

    /// Latest time of an arrival after the start of the trace (its first record, or 0 when times
    /// are kept as written): 100 Julian years.
    public static let maxArrivalSeconds = SimulationLimits.maxDurationSeconds

    /// Largest request size (after `sizeScale`) and largest output-token count: 10⁹ work units
    /// (31 years of audio, a gigabyte of text, a thousand times the longest LLM context).
    public static let maxWorkSize = 1e9

    /// Longest measured service time of one request (after `serviceTimeScale`): one day. A GPU
    /// request is seconds to minutes long; a day is beyond any client timeout.
    public static let maxServiceSeconds = 86_400.0

    /// Longest trace `costsim trace generate` writes, in days: the 100 years of
    /// ``maxArrivalSeconds``, so that the file reads back.
    public static let maxGeneratedDays = SimulationLimits.maxDurationSeconds / 86_400

    /// Shortest mean burst or pause of the bursty profile (a non-zero pause, that is).
    public static let minBurstSeconds = 1.0

    /// Longest mean burst or pause of the bursty profile: one year.
    public static let maxBurstSeconds = 365 * 86_400.0

    /// Most periods of constant rate a generated trace may go through — business hours make
    /// three a day, bursts two per burst and pause: each costs about as much to generate as a
    /// request, even when it holds none (10⁸: 1-second bursts and pauses for 3 years).
    public static let maxProfilePeriods = 1e8

    /// Longest number accepted in a trace field, in characters: a double needs at most 17
    /// significant digits, so longer text is a mistake, and refusing it keeps parsing linear.
    public static let maxNumberLength = 100

    /// Characters of a field quoted in an error message; longer text is cut and ends in "…".
    public static let quotedCharacters = 80

    /// `bytes` as text for an error message: between quotes, at most ``quotedCharacters``
    /// characters long.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // A character takes at most 4 bytes in UTF-8: decode only what can be shown.
        let shown = UnsafeBufferPointer(rebasing: bytes[0..<Swift.min(bytes.count, 4 * quotedCharacters + 4)])
        return quote(String(decoding: shown, as: UTF8.self), cut: shown.count < bytes.count)
    }

    /// `text` for an error message: between quotes, at most ``quotedCharacters`` characters long.
    package static func quote(_ text: String, cut: Bool = false) -> String { "'\(shortened(text, cut: cut))'" }

    /// `text` cut to at most ``quotedCharacters`` characters, then `…`.
    package static func shortened(_ text: String, cut: Bool = false) -> String {
        guard cut || text.count > quotedCharacters else { return text }
        return "\(text.prefix(quotedCharacters))…"
    }
}
