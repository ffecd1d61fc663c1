/// Turns the raw time and size fields of one trace line into a validated ``TraceRecord``:
/// parses numbers and timestamps, makes times relative, and rejects what is out of range (see
/// ``TraceLimits``), non-numeric, negative, or going backwards — each with the file, line and field.
struct TraceRecordDecoder {
    let path: String
    let format: TraceFormat
    /// The file's time frame, fixed by the first record; `nil` until a record has been read.
    private(set) var frame: TraceTimeFrame?
    /// The latest arrival so far (the previous one when times must not go back), its time as
    /// written and its line.
    private var latestArrival = -Double.infinity
    private var latestStamp = Timestamp(wholeSeconds: 0, fraction: 0)
    private var latestLine = 0

    init(path: String, format: TraceFormat) {
        self.path = path
        self.format = format
    }

    /// Whether a record has been decoded: a trace without one is an error.
    private var hasRecords: Bool { frame != nil }

    /// At the end of the file: an error if it gave no record, the filters' if they dropped every
    /// row, else `noRecords`.
    func finish(filters: RowFilters, noRecords: String) throws(TraceError) {
        guard !hasRecords else { return }
        if let error = filters.noRowKept(path: path) { throw error }
        throw TraceError(file: path, message: noRecords)
    }

    /// The record of a row whose fields `field` gives at the positions `fields` names.
    @inline(__always)
    mutating func decode(
        _ fields: RecordFields, line: Int, field: (Int) throws(TraceError) -> UnsafeBufferPointer<UInt8>
    ) throws(TraceError) -> TraceRecord {
        // Without closures (Optional.map): this runs once per record.
        @inline(__always) func optional(_ index: Int?) throws(TraceError) -> UnsafeBufferPointer<UInt8>? {
            guard let index else { return nil }
            return try field(index)
        }
        return try decode(
            time: try field(fields.time), size: try optional(fields.size), outputTokens: try optional(fields.outputTokens),
            service: try optional(fields.service), duration: try optional(fields.duration), line: line)
    }

    /// The record of one row from its fields: `size`, `outputTokens`, `service` and `duration` are
    /// `nil` when the format has no such column.
    ///
    /// One call per record. The helpers it calls are `mutating` though they change nothing, so
    /// they get the decoder by reference: a non-mutating call got a copy of all of it, format
    /// included, every time. Column names are read on error paths only.
    @inline(never)
    mutating func decode(
        time: UnsafeBufferPointer<UInt8>, size: UnsafeBufferPointer<UInt8>?, outputTokens: UnsafeBufferPointer<UInt8>?,
        service: UnsafeBufferPointer<UInt8>?, duration: UnsafeBufferPointer<UInt8>?, line: Int
    ) throws(TraceError) -> TraceRecord {
        let arrival = try arrivalSeconds(time, duration: duration, line: line)
        var workSize = 0.0
        if let size {
            workSize = try amount(size, column: .size, scale: format.sizeScale, what: "size", line: line)
        }
        var tokens = 0.0
        if let outputTokens {
            tokens = try amount(outputTokens, column: .outputTokens, scale: 1, what: "output-token count", line: line)
        }
        guard let service else { return TraceRecord(arrivalSeconds: arrival, workSize: workSize, outputTokens: tokens) }
        let seconds = try measuredSeconds(
            service, column: .serviceTime, unit: format.serviceTimeUnit, scale: format.serviceTimeScale, line: line)
        return TraceRecord(arrivalSeconds: arrival, workSize: workSize, serviceSeconds: seconds)
    }

    /// The arrival of the record on `line` from its time field and, if the format has a
    /// duration column, its duration field; checks the order of arrivals and fixes the time
    /// frame at the first record.
    @inline(__always)
    private mutating func arrivalSeconds(
        _ time: UnsafeBufferPointer<UInt8>, duration: UnsafeBufferPointer<UInt8>?, line: Int
    ) throws(TraceError) -> Double {
        var frame: TraceTimeFrame
        let first = self.frame == nil
        if let known = self.frame {
            frame = known
        } else {
            frame = try firstFrame(time, line: line)
        }
        let stamp = try parseTime(time, unit: frame.unit, line: line)
        var arrival = stamp.seconds(since: frame.origin)
        if let duration {
            arrival -= try measuredSeconds(duration, column: .duration, unit: .seconds, scale: 1, line: line)
            if first && frame.startsAtFirstRecord {   // the first record's arrival, not its end, is time 0
                frame = frame.shifted(by: arrival)
                arrival = 0
            }
            guard arrival >= 0 || frame.startsAtFirstRecord else {
                throw error(
                    line, name(of: .duration),
                    "the request arrived before time 0 (its time minus this duration is negative)")
            }
        }
        if first { self.frame = frame }
        let window = format.reorderWindowSeconds
        guard arrival >= latestArrival - window else {
            guard window > 0 else {
                let previous = frame.text(of: latestStamp, exact: true)
                throw error(
                    line, format.timeColumn,
                    "time goes backwards: \(TraceLimits.quote(time)) is earlier than \(previous) on line \(latestLine), the previous record; "
                        + "traces must be sorted by time")
            }
            throw error(
                line, format.timeColumn,
                "the request arrived \(TraceTimeFrame.plainNumber(latestArrival - arrival, decimals: 3)) s "
                    + "before the one on line \(latestLine); "
                    + "a log is written as requests end, and arrivals are put back in order only within the reorder window "
                    + "(\(TraceTimeFrame.plainNumber(window, decimals: 3)) s): sort the file by arrival or widen reorderWindow")
        }
        // Times are >= 0 and the origin is the first record or 0, so `arrival` is >= 0 here unless
        // durations or a reorder window move arrivals before the first record (by at most 2 days).
        guard arrival <= TraceLimits.maxArrivalSeconds else {
            let start = frame.startsAtFirstRecord ? "the first record (\(frame.text(of: frame.origin, exact: true)))" : "time 0"
            throw error(
                line, format.timeColumn,
                "\(TraceLimits.quote(time)) is more than 100 years after \(start); a trace may span at most 100 years")
        }
        if arrival >= latestArrival {
            latestArrival = arrival
            latestStamp = stamp
            latestLine = line
        }
        return arrival
    }

    /// A measured time in seconds, × `scale`: a number >= 0 in `unit`, or a list of them separated
    /// by commas or colons (nginx's `$upstream_response_time` after retries), which adds up: every
    /// attempt held an upstream for its time. At most ``TraceLimits/maxServiceSeconds``.
    private mutating func measuredSeconds(
        _ bytes: UnsafeBufferPointer<UInt8>, column: Column, unit: DurationUnit, scale: Double, line: Int
    ) throws(TraceError) -> Double {
        var total = 0.0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: ",") && bytes[end] != UInt8(ascii: ":") { end += 1 }
            var first = start, last = end
            while first < last && bytes[first] == UInt8(ascii: " ") { first += 1 }
            while last > first && bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
            let part = UnsafeBufferPointer(rebasing: bytes[first..<last])
            if part.elementsEqual("-".utf8) || part.elementsEqual("null".utf8) {
                throw error(
                    line, name(of: column),
                    "\(TraceLimits.quote(bytes)) holds no time (the request reached no upstream); "
                        + "keep such rows out with a filter (--where, trace.where), e.g. on the status")
            }
            guard let value = Self.finiteNumber(part) else {
                throw notANumber(part, line: line, field: name(of: column))
            }
            guard value >= 0 else {
                throw error(line, name(of: column), "time \(TraceLimits.quote(bytes)) is negative")
            }
            total += value
            start = end + 1
        }
        let seconds = total / unit.perSecond * scale
        guard seconds <= TraceLimits.maxServiceSeconds else {
            let scaling = scale == 1 ? "" : " × serviceTimeScale \(scale)"
            throw error(
                line, name(of: column),
                "time \(TraceLimits.quote(bytes)) \(unit == .seconds ? "s" : "ms")\(scaling) is more than a day "
                    + "(\(Int(TraceLimits.maxServiceSeconds)) s), the longest a request may take")
        }
        return seconds
    }

    /// The frame the first record sets: its unit (resolving ``TimeFormat/auto``) and origin.
    private mutating func firstFrame(
        _ time: UnsafeBufferPointer<UInt8>, line: Int
    ) throws(TraceError) -> TraceTimeFrame {
        let unit: TraceTimeFrame.Unit = switch format.timeFormat {
        case .seconds: .seconds
        case .milliseconds: .milliseconds
        case .wallClock: .wallClock
        case .auto: Self.looksLikeDate(time) ? .wallClock : .seconds
        }
        let startsAtFirstRecord = format.startAtFirstRecord || unit == .wallClock
        let origin = startsAtFirstRecord ? try parseTime(time, unit: unit, line: line) : Timestamp(wholeSeconds: 0, fraction: 0)
        return TraceTimeFrame(unit: unit, startsAtFirstRecord: startsAtFirstRecord, origin: origin)
    }

    /// The time in `bytes`, written in `unit`, within 1970-01-01 … 9999-12-31 (Unix time 0 …
    /// ``TraceLimits/latestUnixSeconds``).
    private mutating func parseTime(
        _ bytes: UnsafeBufferPointer<UInt8>, unit: TraceTimeFrame.Unit, line: Int
    ) throws(TraceError) -> Timestamp {
        switch unit {
        case .wallClock:
            guard let stamp = Timestamp.parseWallClock(bytes) else {
                let expected = bytes.count > TraceLimits.maxNumberLength
                    ? "at most \(TraceLimits.maxNumberLength) characters" : "YYYY-MM-DD HH:MM:SS[.fff] or ISO-8601"
                throw error(
                    line, format.timeColumn, "\(TraceLimits.quote(bytes)) is not a timestamp (expected \(expected))")
            }
            guard stamp.wholeSeconds >= 0, stamp.unixSeconds <= TraceLimits.latestUnixSeconds else {
                throw error(
                    line, format.timeColumn, "\(TraceLimits.quote(bytes)) is outside the years 1970 to 9999 (UTC)")
            }
            return stamp
        case .seconds, .milliseconds:
            guard let value = Self.finiteNumber(bytes) else {
                var error = notANumber(bytes, line: line, field: format.timeColumn)
                if Self.looksLikeDate(bytes) {
                    error.message += "; it looks like a wall-clock time: read the column as one "
                        + "(--time-format wall-clock, or timeFormat: wall-clock in the scenario)"
                }
                throw error
            }
            let perSecond = unit == .milliseconds ? 1000.0 : 1
            guard value >= 0 else {
                throw error(
                    line, format.timeColumn, "arrival time \(TraceLimits.quote(bytes)) is negative; times must be >= 0")
            }
            guard value / perSecond <= TraceLimits.latestUnixSeconds, let stamp = Timestamp(seconds: value / perSecond) else {
                let limit = TraceTimeFrame.plainNumber(TraceLimits.latestUnixSeconds * perSecond, decimals: 0)
                throw error(
                    line, format.timeColumn,
                    "\(TraceLimits.quote(bytes)) is too large: times may be at most \(limit) \(unit == .milliseconds ? "ms" : "s") "
                        + "(9999-12-31T23:59:59Z as Unix time)")
            }
            return stamp
        }
    }

    /// `bytes` as a finite number, or `nil`.
    private static func finiteNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let value = NumberParser.parseDouble(bytes), value.isFinite else { return nil }
        return value
    }

    /// The error for a field that holds no finite number.
    private func notANumber(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, field: String) -> TraceError {
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") }) { return error(line, field, "value is empty") }
        let tooLong = bytes.count > TraceLimits.maxNumberLength
            ? " (a number may be at most \(TraceLimits.maxNumberLength) characters long)" : ""
        return error(line, field, "\(TraceLimits.quote(bytes)) is not a number\(tooLong)")
    }

    /// A size or token count: a number >= 0 that, times `scale`, is at most ``TraceLimits/maxWorkSize``.
    private mutating func amount(
        _ bytes: UnsafeBufferPointer<UInt8>, column: Column, scale: Double, what: String, line: Int
    ) throws(TraceError) -> Double {
        guard let value = Self.finiteNumber(bytes) else { throw notANumber(bytes, line: line, field: name(of: column)) }
        guard value >= 0 else { throw error(line, name(of: column), "\(what) \(TraceLimits.quote(bytes)) is negative") }
        let scaled = value * scale
        guard scaled >= 0, scaled <= TraceLimits.maxWorkSize else {
            let scaling = scale == 1 ? "" : " × sizeScale \(scale)"
            throw error(
                line, name(of: column),
                "\(what) \(TraceLimits.quote(bytes))\(scaling) is out of range: it must be within 0 to 1e9")
        }
        return scaled
    }

    /// An optional column a record reads: the helpers get this instead of its name, which only an
    /// error reads (passing the name copied the decoder or retained the name once per record).
    enum Column {
        case size, outputTokens, serviceTime, duration
    }

    private func name(of column: Column) -> String {
        let name = switch column {
        case .size: format.sizeColumn
        case .outputTokens: format.outputTokensColumn
        case .serviceTime: format.serviceTimeColumn
        case .duration: format.durationColumn
        }
        return name ?? ""
    }

    private func error(_ line: Int, _ field: String, _ message: String) -> TraceError {
        TraceError(file: path, line: line, field: field, message: message)
    }

    static func looksLikeDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard bytes.count - index >= 5 else { return false }
        for offset in 0..<4 where !(bytes[index + offset] >= UInt8(ascii: "0") && bytes[index + offset] <= UInt8(ascii: "9")) {
            return false
        }
        return bytes[index + 4] == UInt8(ascii: "-")
    }
}
