import Testing

@testable import Simulator

/// Measured service times, row filters and the hints of the trace column mapping.
@Suite struct TraceColumnTests {
    static let production = """
        request_id,gmt_create,exec_time_seconds,predict_status
        a,2023-07-01 00:00:03,12.5,SUCCEED
        b,2023-07-01 00:04:10,0.8,FAILED
        c,2023-07-01 00:09:47,20,SUCCEED
        d,2023-07-01 02:15:00,7.5,TIMEOUT

        """

    static let productionFormat = TraceFormat(
        timeColumn: "gmt_create", sizeColumn: nil, serviceTimeColumn: "exec_time_seconds",
        filters: [RowFilter(column: "predict_status", value: "SUCCEED")])

    @Test func measuredServiceTimesOfTheKeptRows() throws {
        var source = try TraceFile.open(path: Fixtures.temporaryFile(Self.production), format: Self.productionFormat)
        let records = try Fixtures.readAll(&source)
        // 00:00:03 is the origin; 00:09:47 is 584 s later.
        #expect(
            records == [
                TraceRecord(arrivalSeconds: 0, workSize: 0, serviceSeconds: 12.5),
                TraceRecord(arrivalSeconds: 584, workSize: 0, serviceSeconds: 20),
            ])
        #expect(source.droppedRows == 2)
    }

    @Test func aMeasuredTimeTakesThePlaceOfTheOutputTokens() throws {
        let csv = """
            arrival_seconds,work_size,output_tokens,gpu_seconds
            0,100,50,2.5
            1,200,60,3

            """
        let format = TraceFormat(outputTokensColumn: "output_tokens", serviceTimeColumn: "gpu_seconds")
        var source = try TraceFile.open(path: Fixtures.temporaryFile(csv), format: format)
        let records = try Fixtures.readAll(&source)
        #expect(records.map(\.serviceSeconds) == [2.5, 3])
        #expect(records.map(\.outputTokens) == [0, 0])
        #expect(records.map(\.workSize) == [100, 200])
        // The token column is still read and checked.
        let bad = csv.replacing(",60,", with: ",-60,")
        #expect(TraceReaderTests.error(reading: bad, format: format)?.field == "output_tokens")
        // Without a measured time the tokens are kept.
        #expect(TraceRecord(arrivalSeconds: 0, workSize: 1, outputTokens: 50).outputTokens == 50)
        // Both in one slot: an optional record is 25 bytes, which readers return in registers.
        #expect(MemoryLayout<TraceRecord?>.size == 25)
    }

    @Test func notEqualAndSeveralFiltersMustAllHold() throws {
        var format = Self.productionFormat
        format.filters = [RowFilter(parsing: "predict_status!=FAILED")!, RowFilter(parsing: "request_id!=a")!]
        var source = try TraceFile.open(path: Fixtures.temporaryFile(Self.production), format: format)
        // c and d are kept (d: TIMEOUT is not FAILED); a fails the second filter, b the first.
        #expect(try Fixtures.readAll(&source).compactMap(\.serviceSeconds) == [20, 7.5])
        #expect(source.droppedRows == 2)
    }

    @Test func theScaleMultipliesMeasuredTimes() throws {
        var format = Self.productionFormat
        format.serviceTimeScale = 0.5
        var source = try TraceFile.open(path: Fixtures.temporaryFile(Self.production), format: format)
        #expect(try Fixtures.readAll(&source).compactMap(\.serviceSeconds) == [6.25, 10])
        format.serviceTimeScale = 1000
        #expect(TraceReaderTests.error(reading: Self.production, format: format)?.field == "serviceTimeScale")
    }

    @Test func filterTextForms() {
        #expect(RowFilter(parsing: "status=200") == RowFilter(column: "status", value: "200", keepsEqual: true))
        #expect(RowFilter(parsing: "status!=499") == RowFilter(column: "status", value: "499", keepsEqual: false))
        #expect(RowFilter(parsing: "note=a=b")?.value == "a=b")
        #expect(RowFilter(parsing: "status=") == RowFilter(column: "status", value: ""))
        #expect(RowFilter(parsing: "=SUCCEED") == nil)
        #expect(RowFilter(parsing: "!=SUCCEED") == nil)
        #expect(RowFilter(parsing: "SUCCEED") == nil)
    }

    @Test func aFilterMatchingNoRowNamesFileAndFilter() {
        var format = Self.productionFormat
        format.filters = [RowFilter(column: "predict_status", value: "succeed")]
        let error = TraceReaderTests.error(reading: Self.production, format: format, name: "prod.csv")
        #expect(error?.file.hasSuffix("prod.csv") == true)
        #expect(error?.field == "predict_status")
        #expect(error?.message == "no row matches the filter 'predict_status=succeed' (4 rows read, all dropped)")
    }

    @Test func anUnknownFilterColumnNamesLineOneAndTheColumn() {
        var format = Self.productionFormat
        format.filters = [RowFilter(column: "status", value: "SUCCEED")]
        let error = TraceReaderTests.error(reading: Self.production, format: format)
        #expect(error?.line == 1)
        #expect(error?.field == "status")
        #expect(error?.message.hasPrefix("column not found in header") == true)
    }

    @Test func badServiceTimes() {
        let header = "t,service\n"
        let format = TraceFormat(timeColumn: "t", sizeColumn: nil, serviceTimeColumn: "service")
        let dash = TraceReaderTests.error(reading: header + "1,0.5\n2,-\n", format: format)
        #expect(dash?.line == 3 && dash?.field == "service" && dash?.message.contains("reached no upstream") == true)
        let negative = TraceReaderTests.error(reading: header + "1,-0.5\n", format: format)
        #expect(negative?.line == 2 && negative?.message.contains("negative") == true)
        let long = TraceReaderTests.error(reading: header + "1,86400.5\n", format: format)
        #expect(long?.line == 2 && long?.message.contains("more than a day") == true)
        let text = TraceReaderTests.error(reading: header + "1,fast\n", format: format)
        #expect(text?.message == "'fast' is not a number")
    }

    @Test func aListOfAttemptsAddsUp() throws {
        // nginx's $upstream_response_time after a retry (", ") and an internal redirect (" : ").
        let path = Fixtures.temporaryFile("t,service\n1,\"0.25, 1.5\"\n2,0.5 : 0.25\n")
        let format = TraceFormat(
            timeColumn: "t", sizeColumn: nil, serviceTimeColumn: "service", startAtFirstRecord: false)
        var source = try TraceFile.open(path: path, format: format)
        #expect(try Fixtures.readAll(&source).compactMap(\.serviceSeconds) == [1.75, 0.75])
        let milliseconds = TraceFormat(
            timeColumn: "t", sizeColumn: nil, serviceTimeColumn: "service", serviceTimeUnit: .milliseconds,
            startAtFirstRecord: false)
        var inMilliseconds = try TraceFile.open(path: path, format: milliseconds)
        #expect(try Fixtures.readAll(&inMilliseconds).compactMap(\.serviceSeconds) == [0.00175, 0.00075])
    }

    @Test func neitherSizeNorServiceColumnIsAnError() {
        let error = TraceReaderTests.error(reading: "t\n1\n", format: TraceFormat(timeColumn: "t", sizeColumn: nil))
        #expect(error?.field == "sizeColumn")
    }

    @Test func aWallClockColumnReadAsSecondsGetsAHint() {
        let format = TraceFormat(
            timeColumn: "gmt_create", timeFormat: .seconds, sizeColumn: nil, serviceTimeColumn: "exec_time_seconds")
        let error = TraceReaderTests.error(reading: Self.production, format: format)
        #expect(error?.line == 2 && error?.field == "gmt_create")
        #expect(
            error?.message.hasSuffix(
                "it looks like a wall-clock time: read the column as one (--time-format wall-clock, or timeFormat: "
                    + "wall-clock in the scenario)"
            ) == true)
        // A plain non-number gets no such hint.
        let plain = TraceReaderTests.error(
            reading: "arrival_seconds,work_size\nsoon,1\n", format: TraceFormat(timeFormat: .seconds))
        #expect(plain?.message.contains("wall-clock") == false)
    }

    @Test func jsonLinesFiltersAndServiceTimes() throws {
        let text = """
            {"start_time":"2026-12-06T10:00:00.000Z","response_code":200,"upstream_service_time":"250"}
            {"start_time":"2026-12-06T10:00:01.500Z","response_code":503,"upstream_service_time":null}
            {"start_time":"2026-12-06T10:00:02.000Z","response_code":200,"upstream_service_time":"1250"}

            """
        let format = TraceFormat(
            syntax: .jsonLines, timeColumn: "start_time", sizeColumn: nil, serviceTimeColumn: "upstream_service_time",
            serviceTimeUnit: .milliseconds, filters: [RowFilter(column: "response_code", value: "200")])
        var source = try TraceFile.open(path: Fixtures.temporaryFile(text, name: "e.jsonl"), format: format)
        #expect(
            try Fixtures.readAll(&source) == [
                TraceRecord(arrivalSeconds: 0, workSize: 0, serviceSeconds: 0.25),
                TraceRecord(arrivalSeconds: 2, workSize: 0, serviceSeconds: 1.25),
            ])
        #expect(source.droppedRows == 1)
    }
}
