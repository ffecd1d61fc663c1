import Foundation
import Testing

@testable import Simulator

/// Request logs as traces: ingress-nginx's default access log and Istio's default JSON access log.
@Suite struct AccessLogTraceTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/traces/\(name)").path
    }

    static func read(_ path: String, _ format: TraceFormat) throws -> (
        records: [TraceRecord], dropped: Int, frame: TraceTimeFrame?
    ) {
        var source = try TraceFile.reader(path: path, format: format)
        let records = try Fixtures.readAll(&source)
        return (records, source.droppedRows, source.timeFrame)
    }

    @Test func nginxArrivalsAreTheLogTimeMinusTheRequestTimeInArrivalOrder() throws {
        var format = TraceFormat.nginx()
        format.filters = [RowFilter(column: "status", value: "200")]
        let (records, dropped, frame) = try Self.read(Self.fixture("ingress-nginx-access.log"), format)
        // Logged at 10:00:05 (4.120 s), 10:00:09 (1.500 s), 10:00:09 (8.250 s), 10:02:00 (2.000 s): arrivals
        // 10:00:00.880, 10:00:07.5, 10:00:00.750, 10:01:58, replayed from the earliest.
        let expected: [(arrival: Double, service: Double)] = [
            (0, 8.249), (0.13, 4.118), (6.75, 0.7 + 0.79), (117.25, 1.999),
        ]
        #expect(records.count == expected.count)
        for (record, want) in zip(records, expected) {
            #expect(
                abs(record.arrivalSeconds - want.arrival) < 1e-9 && abs(record.serviceSeconds! - want.service) < 1e-9,
                "\(record)")
        }
        #expect(dropped == 1)  // the 503 that reached no upstream
        #expect(frame?.fileTime(ofArrival: 0) == "2026-12-06T10:00:00.75Z")
    }

    @Test func aLineWithoutUpstreamTimeNeedsAFilter() {
        let error = TraceReaderTests.error(
            reading: try! String(contentsOfFile: Self.fixture("ingress-nginx-access.log"), encoding: .utf8),
            format: .nginx(), name: "access.log")
        #expect(error?.line == 5 && error?.field == "upstream_response_time")
        #expect(error?.message.contains("'-' holds no time (the request reached no upstream)") == true)
    }

    @Test func malformedNginxLinesNameLineAndVariable() {
        let good =
            "10.8.0.21 - - [06/Dec/2026:10:00:05 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"ua\" 10 0.5 [up] [] "
                + "10.4.1.12:8080 5 0.4 200 id1\n"
        let truncated = TraceReaderTests.error(
            reading: good + "10.8.0.21 - - [06/Dec/2026:10:00:06 +0000] \"GET / HTTP/1.1\" 200\n",
            format: .nginx(), name: "access.log")
        #expect(truncated?.line == 2 && truncated?.field == "status")
        #expect(truncated?.message.hasPrefix("the line does not match the log format at this variable") == true)
        let badTime = TraceReaderTests.error(
            reading: good.replacingOccurrences(of: "06/Dec/2026", with: "06/Dez/2026"), format: .nginx())
        #expect(
            badTime?.line == 1 && badTime?.field == "time_local"
                && badTime?.message.contains("is not a timestamp") == true)
        var unknown = TraceFormat.nginx()
        unknown.filters = [RowFilter(column: "code", value: "200")]
        let missing = TraceReaderTests.error(reading: good, format: unknown)
        #expect(missing?.field == "code" && missing?.message.hasPrefix("no such variable in the log format") == true)
    }

    @Test func arrivalsOutOfOrderBeyondTheWindowAreAnError() {
        // The second line ended 2 s after the first but started 10 s before it: more than a 5-s window.
        let log = "t,took\n100,1\n102,12\n"
        let format = TraceFormat(
            timeColumn: "t", sizeColumn: nil, serviceTimeColumn: "took", durationColumn: "took", reorderWindowSeconds: 5
        )
        let error = TraceReaderTests.error(reading: log, format: format)
        #expect(error?.line == 3 && error?.field == "t")
        #expect(error?.message.hasPrefix("the request arrived 9 s before the one on line 2") == true)
    }

    @Test func aDurationColumnMovesArrivalsBackInStrictOrderToo() throws {
        // Ended at 100 and 102 after 1 and 1.5 s: arrivals 99 and 100.5, replayed from the first arrival or as written.
        let path = Fixtures.temporaryFile("t,took\n100,1\n102,1.5\n")
        var format = TraceFormat(timeColumn: "t", sizeColumn: nil, serviceTimeColumn: "took", durationColumn: "took")
        #expect(try Self.read(path, format).records.map(\.arrivalSeconds) == [0, 1.5])
        format.startAtFirstRecord = false
        #expect(try Self.read(path, format).records.map(\.arrivalSeconds) == [99, 100.5])
        let early = TraceReaderTests.error(reading: "t,took\n1,2\n", format: format)
        #expect(early?.line == 2 && early?.field == "took" && early?.message.contains("arrived before time 0") == true)
    }

    @Test func msecIsTheLogTimeWhenTheFormatHasIt() throws {
        let logFormat = try AccessLogFormat("$msec $status $request_time $upstream_response_time")
        #expect(TraceFormat.nginx(logFormat: logFormat).timeColumn == "msec")
        let path = Fixtures.temporaryFile(
            "1765015205.250 200 0.250 0.200\n1765015206.000 200 2.000 1.900\n", name: "a.log")
        let (records, _, _) = try Self.read(path, .nginx(logFormat: logFormat))
        // Arrivals 1765015205.000 and 1765015204.000: the second request started first.
        #expect(records.map(\.arrivalSeconds) == [0, 1])
        #expect(records.map(\.serviceSeconds) == [1.9, 0.2])
    }

    @Test func logFormatText() throws {
        #expect(AccessLogFormat.ingressNginx.variables.count == 17)
        #expect(try AccessLogFormat("${time_local}|$status").variables == ["time_local", "status"])
        #expect(throws: AccessLogFormat.FormatError.self) { try AccessLogFormat("$status$request_time") }
        #expect(throws: AccessLogFormat.FormatError.self) { try AccessLogFormat("no variables") }
        #expect(throws: AccessLogFormat.FormatError.self) { try AccessLogFormat("$ alone") }
    }

    @Test func commonLogTimes() {
        func parse(_ text: String) -> Timestamp? {
            Array(text.utf8).withUnsafeBufferPointer { Timestamp.parseWallClock($0) }
        }
        // 2026-12-06T10:00:05Z is 1,796,551,205 s after the epoch (20,793 days × 86,400 + 36,005); +0100 is an hour
        // ahead of UTC.
        #expect(parse("06/Dec/2026:10:00:05 +0000")?.unixSeconds == 1_796_551_205)
        #expect(parse("06/Dec/2026:11:00:05 +0100")?.unixSeconds == 1_796_551_205)
        #expect(parse("31/Nov/2026:10:00:05 +0000") == nil)
        #expect(parse("06/Dec/2026:10:00:05") == nil)
    }

    @Test func envoyJSONStartTimesAreArrivals() throws {
        var format = TraceFormat.envoyJSON
        format.filters = [RowFilter(column: "response_code", value: "200")]
        let (records, dropped, _) = try Self.read(Self.fixture("istio-access.jsonl"), format)
        // start_time 10:00:00.880, 10:00:00.750, 10:01:58 (the 503 at 10:01:10 is dropped); upstream_service_time in
        // ms.
        let expected: [(arrival: Double, service: Double)] = [(0, 8.249), (0.13, 4.118), (117.25, 1.999)]
        #expect(records.count == expected.count && dropped == 1)
        for (record, want) in zip(records, expected) {
            #expect(
                abs(record.arrivalSeconds - want.arrival) < 1e-9 && abs(record.serviceSeconds! - want.service) < 1e-9,
                "\(record)")
        }
        let unfiltered = TraceReaderTests.error(
            reading: try String(contentsOfFile: Self.fixture("istio-access.jsonl"), encoding: .utf8),
            format: .envoyJSON, name: "a.jsonl")
        #expect(
            unfiltered?.line == 3 && unfiltered?.field == "upstream_service_time"
                && unfiltered?.message.hasPrefix("'null' holds no time") == true)
    }
}
