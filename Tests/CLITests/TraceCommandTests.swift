import Foundation
import Testing

@Suite struct TraceCommandTests {
    @Test func generateThenInspect() throws {
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("week.csv").path
        let generated = try CLIRunner.run(["trace", "generate", "--output", trace, "--days", "7", "--seed", "5"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "arrival_seconds,work_size")
        // 1,200 requests a day on average: a week is Poisson(8,400), sd ≈ 92.
        #expect(abs(lines.count - 1 - 8400) < 500)

        let again = directory.appendingPathComponent("again.csv").path
        _ = try CLIRunner.run(["trace", "generate", "--output", again, "--days", "7", "--seed", "5"])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == text)

        let inspected = try CLIRunner.run(["trace", "inspect", trace])
        #expect(inspected.status == 0)
        #expect(inspected.standardOutput.contains("requests  \(formatCount(lines.count - 1))"))
        #expect(inspected.standardOutput.contains("longest gaps"))
    }

    @Test func runsAServeGenRateFile() throws {
        // Arrivals generated from six ten-minute windows (30, 0, 12, 30, 0, 6 gaps): an hour
        // observed, each window ⌈r·W⌉ − 1 or ⌈r·W⌉ requests.
        let path = CLIRunner.temporaryDirectory().appendingPathComponent("servegen.csv")
        try """
            0,0.05,1.0,Gamma,1.0,20
            600,0,0,,0,0
            1200,0.02,2.0,Weibull,0.5,10
            1800,0.05,1.0,Gamma,0.5,40
            2400,0,0,,0,0
            3000,0.01,1.0,Gamma,1.0,100

            """.write(to: path, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["run", "--trace", path.path, "--trace-preset", "servegen", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(json["horizonSeconds"] as? Double == 3_600)
        let options = try #require(json["options"] as? [[String: Any]])
        let arrived = try #require((options.first?["requests"] as? [String: Any])?["arrived"] as? Int)
        #expect((78 - 4...78).contains(arrived), "\(arrived)")
        // inspect summarises the arrivals generated from it: idle windows show as gaps of 10 min and more.
        let inspect = try CLIRunner.run(["trace", "inspect", path.path, "--preset", "servegen", "--seed", "3"])
        #expect(inspect.status == 0, "\(inspect.standardError)")
        #expect(inspect.standardOutput.contains("6 windows of 10 min (4 with traffic)"), "\(inspect.standardOutput)")
        #expect(inspect.standardOutput.contains("generated (seed 3, replication 0"), "\(inspect.standardOutput)")
        let generated = inspect.standardOutput.split(separator: "\n").first { $0.hasPrefix("requests") }.flatMap {
            Int($0.split(separator: " ")[1])
        }
        #expect(generated.map { (78 - 4...78).contains($0) } == true, "\(inspect.standardOutput)")
    }

    @Test func inspectsTheMooncakeTrace() throws {
        let path = CLIRunner.fixture("traces/mooncake_conversation_trace-head200.jsonl")
        let outcome = try CLIRunner.run(["trace", "inspect", path, "--preset", "mooncake"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("requests  200\n"))
    }

    @Test func inspectReportsBadRowsWithLineAndField() throws {
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("bad.csv")
        try "arrival_seconds,work_size\n0,1\n-\n".write(to: trace, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["trace", "inspect", trace.path])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("bad.csv:3"))
    }

    @Test func generateRejectsImpossibleSizesAndLeavesNoFile() throws {
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("t.csv").path
        let outcome = try CLIRunner.run([
            "trace", "generate", "--output", trace, "--size-mean", "20", "--size-p95", "10",
        ])
        #expect(outcome.status != 0)
        #expect(!FileManager.default.fileExists(atPath: trace))
    }

    // MARK: Bad input (file, line and field; non-zero exit; no crash)

    /// Writes `text` to a fresh file called `name` and returns its path.
    func traceFile(_ text: String, name: String = "t.csv") throws -> String {
        let path = CLIRunner.temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func inspectAndRunRejectHugeValuesWithoutCrashing() throws {
        for (text, name, location) in [
            ("arrival_seconds,work_size\n0,5\n1e19,5\n", "time.csv", "time.csv:3: field 'arrival_seconds'"),
            (
                "{\"arrival_seconds\": 99999999999999999999999999999, \"work_size\": 5}\n", "time.jsonl",
                "time.jsonl:1: field 'arrival_seconds'"
            ),
            ("arrival_seconds,work_size\n0,5\n1,1e17\n", "size.csv", "size.csv:3: field 'work_size'"),
            ("arrival_seconds,work_size\n-1000,5\n", "negative.csv", "negative.csv:2: field 'arrival_seconds'"),
        ] {
            let path = try traceFile(text, name: name)
            for command in [["trace", "inspect", path], ["run", "--trace", path]] {
                let outcome = try CLIRunner.run(command)
                #expect(outcome.status == 1, "\(command): status \(outcome.status)")     // 1: an error, not a signal
                #expect(outcome.standardError.contains(location), "\(command): \(outcome.standardError)")
            }
        }
    }

    @Test func everyCommandRejectsATraceWithoutRecords() throws {
        for (text, name) in [("arrival_seconds,work_size\n", "header-only.csv"), ("", "empty.jsonl")] {
            let path = try traceFile(text, name: name)
            let report = CLIRunner.temporaryDirectory().appendingPathComponent("r.pdf").path
            for command in [
                ["trace", "inspect", path], ["run", "--trace", path], ["report", "--trace", path, "--output", report],
            ] {
                let outcome = try CLIRunner.run(command)
                #expect(outcome.status == 1, "\(command)")
                #expect(
                    outcome.standardError.contains("\(name): trace has no records"),
                    "\(command): \(outcome.standardError)")
            }
            #expect(!FileManager.default.fileExists(atPath: report))
        }
    }

    @Test func inspectShowsTimesAsTheFileWritesThem() throws {
        let path = try traceFile("arrival_seconds,work_size\n1000,5\n2000,5\n5000,5\n")
        let outcome = try CLIRunner.run(["trace", "inspect", path, "--gaps", "1"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("first arrival 1000, last 5000"))
        #expect(outcome.standardOutput.contains("costsim run replays the first arrival at 0 s"))
        let gapRow = outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("50 min") }
        #expect(gapRow?.split(separator: " ").suffix(2) == ["2000", "5000"], "\(outcome.standardOutput)")

        let unsorted = try CLIRunner.run([
            "trace", "inspect", try traceFile("arrival_seconds,work_size\n3000,5\n1000,5\n"),
        ])
        #expect(
            unsorted.standardError.contains(
                "t.csv:3: field 'arrival_seconds': time goes backwards: '1000' is earlier than 3000 on line 2"),
            "\(unsorted.standardError)")
    }

    @Test func inspectAcceptsAByteOrderMarkAndRefusesAmbiguousRows() throws {
        let bom = try CLIRunner.run([
            "trace", "inspect",
            try traceFile("\u{FEFF}{\"arrival_seconds\": 1, \"work_size\": 5}\n", name: "bom.jsonl"),
        ])
        #expect(bom.status == 0, "\(bom.standardError)")
        let duplicate = try CLIRunner.run([
            "trace", "inspect",
            try traceFile("{\"arrival_seconds\": 1, \"work_size\": 5, \"work_size\": 6}\n", name: "d.jsonl"),
        ])
        #expect(
            duplicate.standardError.contains("d.jsonl:1: field 'work_size': key appears more than once"),
            "\(duplicate.standardError)")
        let extra = try CLIRunner.run(["trace", "inspect", try traceFile("arrival_seconds,work_size\n1,5,7\n")])
        #expect(extra.standardError.contains("t.csv:2: row has 3 fields, the header has 2"), "\(extra.standardError)")
    }

    @Test func inspectQuotesAtMost80CharactersOfAField() throws {
        // 50,000 characters: CLIRunner reads stdout before stderr, so an unfixed command echoing
        // more than a pipe holds (64 KiB) to stderr would deadlock instead of failing.
        let path = try traceFile("arrival_seconds,work_size\n0,\(String(repeating: "7", count: 50_000))\n")
        let outcome = try CLIRunner.run(["trace", "inspect", path])
        let standardError = outcome.standardError
        let shown = "\(standardError.prefix(300))… (\(standardError.utf8.count) bytes)"   // not 50 KB if it fails
        let isCut = standardError.contains("'\(String(repeating: "7", count: 80))…'"),
            isShort = standardError.utf8.count < 400
        #expect(outcome.status == 1)
        #expect(isCut, "\(shown)")
        #expect(isShort, "\(shown)")
    }

    @Test func inspectBoundsGaps() throws {
        let path = try traceFile("arrival_seconds,work_size\n1,5\n")
        for value in ["-1", "1001"] {
            let outcome = try CLIRunner.run(["trace", "inspect", path, "--gaps", value])
            #expect(outcome.status != 0)
            #expect(
                outcome.standardError.contains("--gaps must be within 0 and 1000"), "\(value): \(outcome.standardError)"
            )
        }
    }

    /// Each of these ran for minutes writing ~650 MB a minute; now each is refused up front,
    /// naming the option, and leaves no file.
    @Test func generateRefusesRunawayParameters() throws {
        let cases: [([String], String)] = [
            (["--days", "1e308"], "--days must be > 0"),
            (["--days", "1000000"], "--days must be > 0"),
            (["--days", "-1"], "--days must be > 0"),
            (["--speech-minutes-per-day", "1e9"], "--speech-minutes-per-day, --days and --size-mean ask for about"),
            (["--speech-minutes-per-day", "-5"], "--speech-minutes-per-day must be"),
            (["--profile", "bursty", "--mean-off-seconds", "1e308"], "--mean-off-seconds must be"),
            (["--profile", "bursty", "--mean-on-seconds", "1e-300"], "--mean-on-seconds must be"),
            (["--profile", "bursty", "--days", "36525", "--mean-on-seconds", "1", "--mean-off-seconds", "1"],
             "--days, --mean-on-seconds and --mean-off-seconds make about 3,155,760,000 bursts and pauses"),
            (["--size-mean", "1e-300", "--size-p95", "2e-300"], "--size-mean must be"),
            (["--size-mean", "15", "--size-p95", "1e300"], "--size-p95 must be"),
            (["--off-hours-share", "-0.5"], "--off-hours-share must be"),
            (["--start-hour", "-1"], "--start-hour and --end-hour must"),
            (["--seed", "-1"], "'-1' is invalid for '--seed"),
        ]
        for (arguments, expected) in cases {
            let out = CLIRunner.temporaryDirectory().appendingPathComponent("x.csv").path
            let outcome = try CLIRunner.run(["trace", "generate", "--output", out] + arguments)
            #expect(outcome.status != 0, "\(arguments)")
            #expect(outcome.standardError.contains(expected), "\(arguments): \(outcome.standardError)")
            #expect(!outcome.standardError.contains("Missing value"), "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(arguments)")
        }
    }

    func formatCount(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
