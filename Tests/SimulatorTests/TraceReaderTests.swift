import Testing
@testable import Simulator

@Suite struct TraceReaderTests {
    @Test func readsCostsimCSV() throws {
        let path = Fixtures.temporaryFile("arrival_seconds,work_size\n0.5,10\n1.5,2.25\n\n3,0\n")
        var reader = try CSVTraceReader(path: path, format: TraceFormat(startAtFirstRecord: false))
        let records = try Fixtures.readAll(&reader)
        #expect(records == [
            TraceRecord(arrivalSeconds: 0.5, workSize: 10), TraceRecord(arrivalSeconds: 1.5, workSize: 2.25),
            TraceRecord(arrivalSeconds: 3, workSize: 0),
        ])
    }

    @Test func aFileOfTheOtherSyntaxGetsAHint() {
        // Mooncake's JSON Lines read as CSV, and a CSV read as JSON Lines: the error says what the file looks like.
        let asCSV = Self.error(reading: "{\"timestamp\": 0, \"input_length\": 10}\n", format: .azureLLM, name: "m.json")
        #expect(
            asCSV?.line == 1 && asCSV?.message.contains("column not found in header") == true
                && asCSV?.message.contains("looks like JSON Lines") == true)
        let asJSON = Self.error(reading: "arrival_seconds,work_size\n0,1\n", format: .mooncake, name: "c.jsonl")
        #expect(
            asJSON?.line == 1 && asJSON?.message.contains("malformed JSON") == true
                && asJSON?.message.contains("looks like CSV") == true)
        // A JSON Lines file broken further down gets no hint.
        let broken = Self.error(
            reading: "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 1}\nnot json\n", format: .mooncake,
            name: "b.jsonl")
        #expect(
            broken?.line == 2 && broken?.message.contains("malformed JSON") == true
                && broken?.message.contains("looks like") == false)
    }

    @Test func startsAtTheFirstRecordByDefault() throws {
        let path = Fixtures.temporaryFile("arrival_seconds,work_size\n100,1\n160.5,1\n")
        var reader = try CSVTraceReader(path: path, format: .costsim)
        #expect(try Fixtures.readAll(&reader).map(\.arrivalSeconds) == [0, 60.5])
    }

    @Test func handlesQuotesCRLFExtraColumnsAndAnyOrder() throws {
        let path = Fixtures.temporaryFile(
            "note,work_size,arrival_seconds\r\n\"a, \"\"quoted\"\" note\",\"7\",1\r\nplain,8,2\r\n")
        var reader = try CSVTraceReader(path: path, format: TraceFormat(startAtFirstRecord: false))
        let records = try Fixtures.readAll(&reader)
        #expect(records.map(\.workSize) == [7, 8])
        #expect(records.map(\.arrivalSeconds) == [1, 2])
    }

    @Test func readsTheAzureCodeTrace() throws {
        let path = Fixtures.repositoryFile("scenarios/AzureLLMInferenceTrace_code.csv")   // CRLF line ends
        let reader = try CSVTraceReader(path: path, format: .azureLLM)
        var summary = TraceSummary()
        var first: TraceRecord?
        while let record = try reader.next() {
            if first == nil { first = record }
            summary.add(record)
        }
        #expect(summary.count == 8_819)
        #expect(first == TraceRecord(arrivalSeconds: 0, workSize: 4808, outputTokens: 10))
        // first 18:17:03.9799600, last 19:14:19.9280160
        #expect(abs(summary.spanSeconds - 3435.948056) < 1e-6)
    }

    @Test func readsTheMooncakeJSONLines() throws {
        let path = Fixtures.repositoryFile("Tests/Fixtures/traces/mooncake_conversation_trace-head200.jsonl")
        let reader = try JSONLinesTraceReader(path: path, format: .mooncake)
        var summary = TraceSummary()
        var first: TraceRecord?
        while let record = try reader.next() {
            if first == nil { first = record }
            summary.add(record)
        }
        #expect(summary.count == 200)
        #expect(first == TraceRecord(arrivalSeconds: 0, workSize: 6758, outputTokens: 500))
        #expect(abs(summary.spanSeconds - 72) < 1e-9)   // the 200th line's timestamp: 72000 ms
    }

    @Test func wallClockTimesAreRelativeWithSubMicrosecondPrecision() throws {
        let path = Fixtures.temporaryFile(
            "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.9799600,1,1\n2023-11-16 "
                + "18:17:04.0319600,2,1\n2023-11-17T00:00:00+01:00,3,1\n")
        var reader = try CSVTraceReader(path: path, format: .azureLLM)
        let times = try Fixtures.readAll(&reader).map(\.arrivalSeconds)
        #expect(abs(times[1] - 0.052) < 1e-9)
        #expect(abs(times[2] - (23 * 3600 - (18 * 3600 + 17 * 60 + 3.97996))) < 1e-6)
    }

    // MARK: Bad input: each error names file, line and field

    static func error(reading text: String, format: TraceFormat = .costsim, name: String = "trace.csv") -> TraceError? {
        error(opening: Fixtures.temporaryFile(text, name: name), format: format)
    }

    /// The error reading the trace at `path` gives, if any.
    static func error(opening path: String, format: TraceFormat = .costsim) -> TraceError? {
        do {
            var source = try TraceFile.open(path: path, format: format)
            _ = try Fixtures.readAll(&source)
            return nil
        } catch let error as TraceError {
            return error
        } catch {
            return nil
        }
    }

    @Test func missingColumnNamesTheColumn() {
        let error = Self.error(reading: "time,size\n1,2\n")
        #expect(error?.line == 1)
        #expect(error?.field == "arrival_seconds")
        #expect(error?.description.contains("trace.csv:1: field 'arrival_seconds'") == true)
    }

    @Test func nonNumericSize() {
        let error = Self.error(reading: "arrival_seconds,work_size\n1,2\n2,abc\n")
        #expect(error?.line == 3)
        #expect(error?.field == "work_size")
        #expect(error?.message.contains("'abc' is not a number") == true)
    }

    @Test func negativeSize() {
        let error = Self.error(reading: "arrival_seconds,work_size\n1,-2\n")
        #expect(error?.line == 2)
        #expect(error?.field == "work_size")
        #expect(error?.message.contains("negative") == true)
    }

    @Test func timestampsGoingBackwards() {
        let error = Self.error(reading: "arrival_seconds,work_size\n5,1\n4,1\n")
        #expect(error?.line == 3)
        #expect(error?.field == "arrival_seconds")
        #expect(error?.message.contains("backwards") == true)
    }

    @Test func shortRowAndUnterminatedQuote() {
        #expect(Self.error(reading: "arrival_seconds,work_size\n5\n")?.line == 2)
        #expect(Self.error(reading: "arrival_seconds,work_size\n\"5,1\n")?.message.contains("unterminated") == true)
    }

    @Test func badWallClockTimestamp() {
        let error = Self.error(
            reading: "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-13-16 18:17:03,1,1\n", format: .azureLLM)
        #expect(error?.line == 2)
        #expect(error?.field == "TIMESTAMP")
    }

    @Test func emptyFileAndMissingFile() {
        #expect(Self.error(reading: "")?.message.contains("empty") == true)
        #expect(throws: TraceError.self) { _ = try CSVTraceReader(path: "/nonexistent/trace.csv", format: .costsim) }
    }

    @Test func malformedJSONLine() {
        let error = Self.error(
            reading:
                "{\"timestamp\": 0, \"input_length\": 5, \"output_length\": 1}\n{\"timestamp\": 1, "
                    + "\"input_length\": 5\n",
            format: .mooncake, name: "t.jsonl")
        #expect(error?.line == 2)
        #expect(error?.message.contains("malformed JSON") == true)
    }

    @Test func missingJSONKey() {
        let error = Self.error(
            reading: "{\"timestamp\": 0, \"output_length\": 1}\n", format: .mooncake, name: "t.jsonl")
        #expect(error?.line == 1)
        #expect(error?.field == "input_length")
    }

    // MARK: Parsers

    @Test func numberParserAgreesWithTheStandardLibrary() {
        var generator = Xoshiro256StarStar(seed: 5)
        var texts = [
            "0", "-0.5", "1e3", "2.5E-4", "123456789012345678901234", "0.1", " 42 ", "+7", "3.14159265358979323846",
        ]
        for _ in 0..<5000 {
            let value = Double(bitPattern: generator.next() >> 2) // wide range of magnitudes
            if value.isFinite { texts.append("\(value)") }
            texts.append("\(Double(generator.next() % 1_000_000) / 1000)")
        }
        for text in texts {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { NumberParser.parseDouble($0) }
            #expect(parsed == Double(text.trimmingCharacters(in: " ")), "\(text)")
        }
        for bad in ["", "abc", "1.2.3", "1e", "--1", "1,5"] {
            #expect(Array(bad.utf8).withUnsafeBufferPointer { NumberParser.parseDouble($0) } == nil, "\(bad)")
        }
    }

    @Test func daysFromCivilKnownDates() {
        #expect(Timestamp.daysFromCivil(1970, 1, 1) == 0)
        #expect(Timestamp.daysFromCivil(2000, 3, 1) == 11_017)
        #expect(Timestamp.daysFromCivil(2023, 11, 16) == 19_677)
        #expect(Timestamp.daysFromCivil(1969, 12, 31) == -1)
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
