import Foundation
import Testing
@testable import Simulator

/// Bad and extreme trace input: every value out of range is an error naming file, line and field
/// (never a trap, never a silently wrong record), and the generator refuses parameters that would
/// make it run for hours.
@Suite struct TraceBoundsTests {
    /// A reader of `text` written to a file called `name`, its syntax chosen by the extension.
    static func reader(
        _ text: String, format: TraceFormat = .costsim, name: String = "trace.csv"
    ) throws -> any TraceFileSource {
        var format = format
        format.syntax = TraceFormat.syntax(forPath: name)
        return try TraceFile.reader(path: Fixtures.temporaryFile(text, name: name), format: format)
    }

    static func records(
        _ text: String, format: TraceFormat = .costsim, name: String = "trace.csv"
    ) throws -> [TraceRecord] {
        var source = try reader(text, format: format, name: name)
        return try Fixtures.readAll(&source)
    }

    /// The error reading `text` fails with, or `nil` if it reads.
    static func error(reading text: String, format: TraceFormat = .costsim, name: String = "trace.csv") -> TraceError? {
        do {
            _ = try records(text, format: format, name: name)
            return nil
        } catch let error as TraceError {
            return error
        } catch {
            return nil
        }
    }

    // MARK: Times

    @Test func hugeTimesAreErrorsNotTraps() {
        let csv = Self.error(reading: "arrival_seconds,work_size\n0,5\n1e19,5\n")
        #expect(csv?.line == 3)
        #expect(csv?.field == "arrival_seconds")
        #expect(csv?.message.contains("'1e19' is too large") == true)

        let json = Self.error(
            reading: "{\"arrival_seconds\": 99999999999999999999999999999, \"work_size\": 5}\n", name: "t.jsonl")
        #expect(json?.description.hasPrefix("\(json?.file ?? ""):1: field 'arrival_seconds': ") == true)
        #expect(json?.message.contains("too large") == true)

        let milliseconds = Self.error(
            reading: "{\"timestamp\": 1e300, \"input_length\": 5, \"output_length\": 1}\n", format: .mooncake,
            name: "t.jsonl")
        #expect(milliseconds?.field == "timestamp")
        #expect(milliseconds?.message.contains("253402300799000 ms") == true)
    }

    @Test func timesSpanAtMostAHundredYears() throws {
        let error = Self.error(reading: "arrival_seconds,work_size\n0,5\n1e11,5\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("more than 100 years after the first record") == true)
        // Epoch seconds kept as written (54 years after 1970) are fine; 101 years are not.
        let asWritten = TraceFormat(startAtFirstRecord: false)
        #expect(
            try Self.records("arrival_seconds,work_size\n1700000000,5\n", format: asWritten).map(\.arrivalSeconds) == [
                1.7e9
            ])
        #expect(
            Self.error(reading: "arrival_seconds,work_size\n3.2e9,5\n", format: asWritten)?.message.contains(
                "after time 0") == true)
    }

    @Test func wallClockTimesStayWithin1970And9999() {
        let early = Self.error(
            reading: "TIMESTAMP,ContextTokens,GeneratedTokens\n1969-12-31 23:59:59,1,1\n", format: .azureLLM)
        #expect(early?.line == 2)
        #expect(early?.field == "TIMESTAMP")
        #expect(early?.message.contains("outside the years 1970 to 9999") == true)
        let late = Self.error(
            reading: "TIMESTAMP,ContextTokens,GeneratedTokens\n9999-12-31T23:59:59-01:00,1,1\n", format: .azureLLM)
        #expect(late?.message.contains("outside the years 1970 to 9999") == true)
    }

    @Test func negativeTimesAreRefused() {
        for format in [TraceFormat.costsim, TraceFormat(startAtFirstRecord: false)] {
            let error = Self.error(reading: "arrival_seconds,work_size\n-1000,5\n", format: format)
            #expect(error?.line == 2)
            #expect(error?.field == "arrival_seconds")
            #expect(error?.message.contains("'-1000' is negative") == true)
        }
    }

    @Test func autoTimeFormatIsFixedByTheFirstRecord() {
        // A number after wall-clock records is not silently read as seconds since 1970.
        let error = Self.error(reading: "arrival_seconds,work_size\n2023-11-16 18:00:00,5\n1700200000,5\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("is not a timestamp") == true)
    }

    @Test func unsortedErrorQuotesTheFilesOwnValues() {
        let error = Self.error(reading: "arrival_seconds,work_size\n3000,5\n1000,5\n")
        #expect(error?.line == 3)
        #expect(error?.field == "arrival_seconds")
        #expect(error?.message.contains("'1000' is earlier than 3000 on line 2") == true)
        let precise = Self.error(reading: "arrival_seconds,work_size\n59.13047814369202,5\n6.25,5\n")
        #expect(precise?.message.contains("'6.25' is earlier than 59.13047814369202 on line 2") == true)
        let milliseconds = Self.error(
            reading:
                "{\"timestamp\": 1234.5678, \"input_length\": 5, \"output_length\": 1}\n{\"timestamp\": 1000, "
                    + "\"input_length\": 5, \"output_length\": 1}\n",
            format: .mooncake, name: "t.jsonl")
        #expect(milliseconds?.message.contains("'1000' is earlier than 1234.5678 on line 1") == true)
        let wallClock = Self.error(
            reading: "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:04.5,1,1\n2023-11-16 18:17:03,1,1\n",
            format: .azureLLM)
        #expect(
            wallClock?.message.contains("'2023-11-16 18:17:03' is earlier than 2023-11-16T18:17:04.5Z on line 2")
                == true)
    }

    @Test func timeFrameShowsTimesAsTheFileWritesThem() throws {
        var reader = try Self.reader("arrival_seconds,work_size\n1000,5\n2000,5\n5000,5\n")
        let summary = try TraceSummary.of(&reader)
        let frame = try #require(reader.timeFrame)
        #expect(summary.firstArrivalSeconds == 0)       // what the simulation replays
        #expect(frame.startsAtFirstRecord)
        #expect(frame.fileTime(ofArrival: summary.firstArrivalSeconds) == "1000")
        let gap = try #require(summary.longestGaps.first)
        #expect(frame.fileTime(ofArrival: gap.startSeconds) == "2000")
        #expect(frame.fileTime(ofArrival: gap.startSeconds + gap.lengthSeconds) == "5000")

        var milliseconds = try Self.reader(
            "{\"timestamp\": 1500, \"input_length\": 5, \"output_length\": 1}\n", format: .mooncake, name: "t.jsonl")
        _ = try Fixtures.readAll(&milliseconds)
        #expect(milliseconds.timeFrame?.fileTime(ofArrival: 2.25) == "3750")

        var wallClock = try Self.reader(
            "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.9799600,1,1\n", format: .azureLLM)
        _ = try Fixtures.readAll(&wallClock)
        #expect(wallClock.timeFrame?.fileTime(ofArrival: 0) == "2023-11-16T18:17:03.97996Z")
        // rounds up into the next second
        #expect(wallClock.timeFrame?.fileTime(ofArrival: 3600.02004) == "2023-11-16T19:17:04Z")
    }

    // MARK: Sizes

    @Test func hugeSizesAndTokenCountsAreErrors() throws {
        let size = Self.error(reading: "arrival_seconds,work_size\n0,5\n1,1e17\n")
        #expect(size?.line == 3)
        #expect(size?.field == "work_size")
        #expect(size?.message.contains("out of range") == true)
        #expect(try Self.records("arrival_seconds,work_size\n0,1e9\n").map(\.workSize) == [1e9])

        var scaled = TraceFormat.costsim
        scaled.sizeScale = 1000
        #expect(
            Self.error(reading: "arrival_seconds,work_size\n0,2e6\n", format: scaled)?.message.contains("sizeScale")
                == true)

        let tokens = Self.error(
            reading: "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03,1,1e10\n", format: .azureLLM)
        #expect(tokens?.line == 2)
        #expect(tokens?.field == "GeneratedTokens")
    }

    @Test func summaryCannotTrapWhateverItIsGiven() {
        var summary = TraceSummary()
        for size in [1e17, 1e300, .infinity, .nan, -5, 3] {
            summary.add(TraceRecord(arrivalSeconds: 1, workSize: size))
        }
        #expect(summary.count == 6)
        #expect(summary.size(atPercentile: 50) <= TraceSummary.sizeCeiling)
        #expect(TraceSummary.histogramValue(ofSize: .nan) == 0)
        #expect(TraceSummary.histogramValue(ofSize: -1) == 0)
        #expect(TraceSummary.histogramValue(ofSize: 1e300) == UInt64(TraceSummary.sizeCeiling * 1000))
    }

    // MARK: Empty traces

    @Test func aTraceWithoutRecordsIsAnError() {
        for (text, name) in [
            ("arrival_seconds,work_size\n", "t.csv"), ("arrival_seconds,work_size\n\n  \n", "t.csv"), ("", "t.jsonl"),
            ("\n \n", "t.jsonl"),
        ] {
            let error = Self.error(reading: text, name: name)
            #expect(error?.message.contains("trace has no records") == true, "\(name): \(text.debugDescription)")
            #expect(error?.file.hasSuffix(name) == true)
            #expect(error?.line == nil)
        }
    }

    @Test func simulatingATraceWithoutRecordsFails() {
        let path = Fixtures.temporaryFile("arrival_seconds,work_size\n")
        let scenario = Scenario(
            name: "empty", workload: .traceFile(path: path, format: .costsim), options: [.articleDedicated])
        #expect(throws: TraceError(file: path, message: "trace has no records (only a header line)")) {
            _ = try Simulation.run(scenario, option: .articleDedicated)
        }
    }

    // MARK: Syntax

    @Test func jsonLinesMayStartWithAByteOrderMark() throws {
        let records = try Self.records(
            "\u{FEFF}{\"arrival_seconds\": 1, \"work_size\": 5}\n{\"arrival_seconds\": 2, \"work_size\": 6}\n",
            name: "t.jsonl")
        #expect(records.map(\.workSize) == [5, 6])
    }

    @Test func duplicateJSONKeysAreErrors() {
        let error = Self.error(
            reading: "{\"arrival_seconds\": 1, \"work_size\": 5, \"work_size\": 6}\n", name: "t.jsonl")
        #expect(error?.line == 1)
        #expect(error?.field == "work_size")
        #expect(error?.message.contains("more than once") == true)
    }

    @Test func csvRowsMustHaveTheHeadersFieldCount() {
        let extra = Self.error(reading: "arrival_seconds,work_size\n1,5\n2,5,7\n")
        #expect(extra?.line == 3)
        #expect(extra?.message == "row has 3 fields, the header has 2")
        // An unquoted comma in a leading column shifts every value after it.
        let shifted = Self.error(reading: "note,arrival_seconds,work_size\nok,1,5\n1,5,2,9\n")
        #expect(shifted?.line == 3)
        let short = Self.error(reading: "note,arrival_seconds,work_size\nok,1,5\n,1\n")
        #expect(short?.message == "row has 2 fields, the header has 3")
        let duplicate = Self.error(reading: "arrival_seconds,work_size,work_size\n1,5,6\n")
        #expect(duplicate?.line == 1)
        #expect(duplicate?.field == "work_size")
    }

    // MARK: Long fields

    /// A 20-MB field is an error whose message quotes it cut short. (How fast such a line is
    /// read is the `trace-long-field` benchmark.)
    @Test func longFieldsAreCutInMessages() throws {
        let digits = String(repeating: "1", count: 20_000_000)
        for (text, name, format) in [
            ("arrival_seconds,work_size\n0,\(digits)\n", "t.csv", TraceFormat.costsim),
            ("{\"arrival_seconds\": 0, \"work_size\": \(digits)}\n", "t.jsonl", TraceFormat.costsim),
            (
                "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.\(digits),1,1\n", "t.csv",
                TraceFormat.azureLLM
            ),
        ] {
            let error = Self.error(reading: text, format: format, name: name)
            // Booleans, not the message, go into the expectations: a failure must not print 20 MB.
            let message = try #require(error).description
            let shown = "\(message.prefix(300))… (\(message.count) characters)"
            let isShort = message.count < 400, isCut = message.contains("1…'"),
                saysWhy = message.contains("at most 100 characters")
            #expect(isShort, "\(shown)")
            #expect(isCut, "\(shown)")
            #expect(saysWhy, "\(shown)")
        }
    }

    @Test func messagesCutLongTextAtACharacterBoundary() {
        #expect(TraceLimits.quote("short") == "'short'")
        let long = String(repeating: "é", count: 200)
        let quoted = Array(long.utf8).withUnsafeBufferPointer { TraceLimits.quote($0) }
        #expect(quoted == "'" + String(repeating: "é", count: 80) + "…'")
    }
}
