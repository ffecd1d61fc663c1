/// Turns the raw time and size fields of one trace line into a validated ``TraceRecord``:
/// parses numbers and timestamps, makes times relative, and rejects negative or non-numeric
/// sizes and times that go backwards — each with the file, line and field.
struct TraceRecordDecoder {
    let path: String
    let format: TraceFormat
    private var origin: Timestamp?
    private var previousArrival = -Double.infinity

    init(path: String, format: TraceFormat) {
        self.path = path
        self.format = format
    }

    mutating func decode(
        time: UnsafeBufferPointer<UInt8>, size: UnsafeBufferPointer<UInt8>, outputTokens: UnsafeBufferPointer<UInt8>?,
        line: Int
    ) throws(TraceError) -> TraceRecord {
        let stamp = try parseTime(time, line: line)
        let start: Timestamp
        if let origin {
            start = origin
        } else {
            let isWallClock = format.timeFormat == .wallClock || (format.timeFormat == .auto && Self.looksLikeDate(time))
            start = format.startAtFirstRecord || isWallClock ? stamp : Timestamp(wholeSeconds: 0, fraction: 0)
            origin = start
        }
        let arrival = stamp.seconds(since: start)
        guard arrival >= previousArrival else {
            throw TraceError(
                file: path, line: line, field: format.timeColumn,
                message: "timestamp goes backwards (\(arrival) s after \(previousArrival) s on the previous record); traces must be sorted by time")
        }
        guard arrival >= 0 else {
            throw TraceError(file: path, line: line, field: format.timeColumn, message: "arrival time \(arrival) s is negative")
        }
        previousArrival = arrival
        let workSize = try parseAmount(size, field: format.sizeColumn, line: line) * format.sizeScale
        var tokens = 0.0
        if let outputTokens, let column = format.outputTokensColumn {
            tokens = try parseAmount(outputTokens, field: column, line: line)
        }
        return TraceRecord(arrivalSeconds: arrival, workSize: workSize, outputTokens: tokens)
    }

    private func parseTime(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(TraceError) -> Timestamp {
        let field = format.timeColumn
        switch format.timeFormat {
        case .wallClock:
            return try wallClock(bytes, line: line)
        case .seconds, .milliseconds:
            return Timestamp(seconds: try number(bytes, line: line, field: field) * (format.timeFormat == .milliseconds ? 0.001 : 1))
        case .auto:
            return Self.looksLikeDate(bytes) ? try wallClock(bytes, line: line) : Timestamp(seconds: try number(bytes, line: line, field: field))
        }
    }

    private func wallClock(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(TraceError) -> Timestamp {
        guard let stamp = Timestamp.parseWallClock(bytes) else {
            throw TraceError(
                file: path, line: line, field: format.timeColumn,
                message: "'\(String(decoding: bytes, as: UTF8.self))' is not a timestamp (expected YYYY-MM-DD HH:MM:SS[.fff] or ISO-8601)")
        }
        return stamp
    }

    private func number(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, field: String) throws(TraceError) -> Double {
        guard let value = NumberParser.parseDouble(bytes), value.isFinite else {
            let text = String(decoding: bytes, as: UTF8.self)
            throw TraceError(file: path, line: line, field: field, message: text.isEmpty ? "value is empty" : "'\(text)' is not a number")
        }
        return value
    }

    private func parseAmount(_ bytes: UnsafeBufferPointer<UInt8>, field: String, line: Int) throws(TraceError) -> Double {
        let value = try number(bytes, line: line, field: field)
        guard value >= 0 else {
            throw TraceError(file: path, line: line, field: field, message: "size \(value) is negative")
        }
        return value
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
