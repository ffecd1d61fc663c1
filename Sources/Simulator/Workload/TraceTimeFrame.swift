/// How the arrival times a trace reader returns relate to the times written in the file, so
/// that a time can be shown the way the file writes it (`costsim trace inspect` does).
///
/// Readers return seconds after an origin: the first record's time when the trace starts at its
/// first record (the default, and always for wall-clock times), else time 0 of the file.
public struct TraceTimeFrame: Sendable, Hashable {
    /// How the file writes times.
    public enum Unit: String, Sendable, Hashable {
        /// A number of seconds.
        case seconds
        /// A number of milliseconds.
        case milliseconds
        /// A date and time of day (shown as ISO-8601 in UTC).
        case wallClock = "wall-clock"
    }

    /// How the file writes times (``TimeFormat/auto`` resolved by the first record).
    public let unit: Unit
    /// Whether arrival times count from the first record (`true`) or from time 0 of the file.
    public let startsAtFirstRecord: Bool
    /// The file time that is arrival time 0.
    let origin: Timestamp

    /// The file time of arrival 0 as a number of seconds: Unix seconds for wall-clock times and
    /// for numeric times that count from the Unix epoch.
    public var originSeconds: Double { origin.unixSeconds }

    init(unit: Unit, startsAtFirstRecord: Bool, origin: Timestamp) {
        self.unit = unit
        self.startsAtFirstRecord = startsAtFirstRecord
        self.origin = origin
    }

    /// The time `arrivalSeconds` after the origin as the file writes it: a number in the file's
    /// unit (`1000`, `3536999`), or an ISO-8601 time in UTC (`2023-11-16T18:17:03.97996Z`).
    public func fileTime(ofArrival arrivalSeconds: Double) -> String {
        let whole = arrivalSeconds.rounded(.down)
        guard let offset = Timestamp(seconds: whole) else { return "\(arrivalSeconds) s after the first record" }
        var stamp = Timestamp(
            wholeSeconds: origin.wholeSeconds &+ offset.wholeSeconds,
            fraction: origin.fraction + (arrivalSeconds - whole))
        if stamp.fraction >= 1 {
            stamp.wholeSeconds &+= 1
            stamp.fraction -= 1
        }
        return text(of: stamp)
    }

    /// The frame whose arrival 0 is `seconds` after this one's (a reordered log starts at its
    /// earliest arrival, before its first line).
    func shifted(by seconds: Double) -> TraceTimeFrame {
        let whole = seconds.rounded(.down)
        var origin = Timestamp(
            wholeSeconds: self.origin.wholeSeconds &+ Int64(whole), fraction: self.origin.fraction + (seconds - whole))
        if origin.fraction >= 1 {
            origin.wholeSeconds &+= 1
            origin.fraction -= 1
        }
        return TraceTimeFrame(unit: unit, startsAtFirstRecord: startsAtFirstRecord, origin: origin)
    }

    /// `stamp` as the file writes times: rounded for display to microseconds, or `exact`ly as
    /// the file wrote it (to quote it in an error message).
    func text(of stamp: Timestamp, exact: Bool = false) -> String {
        switch unit {
        case .seconds: Self.plainNumber(stamp.unixSeconds, decimals: exact ? nil : 6)
        // Nine decimals undo the rounding of the conversion to seconds and back.
        case .milliseconds: Self.plainNumber(stamp.unixSeconds * 1000, decimals: exact ? 9 : 3)
        case .wallClock: stamp.wallClockText
        }
    }

    /// `value` rounded to `decimals` places (`nil`: not rounded), without a trailing `.0`
    /// (`3000`, `1.5`, `1e+20`).
    static func plainNumber(_ value: Double, decimals: Int?) -> String {
        var scale = 1.0
        for _ in 0..<(decimals ?? 0) { scale *= 10 }
        let rounded = decimals == nil ? value : (value * scale).rounded() / scale
        guard rounded.isFinite else { return "\(value)" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }
}
