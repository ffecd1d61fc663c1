import Foundation
import Testing

/// `--format table|json|csv` and `-o` of `trace inspect`, `pricing list`, `pricing show`, `article`
/// and `scenario list`: the same facts in every format, counts as integers, money as docs/json.md
/// states, the file written as standard output would have been.
@Suite struct ResultFormatTests {
    /// `command` run with `--format FORMAT`, which must succeed.
    static func output(_ command: [String], _ format: String) throws -> String {
        let outcome = try CLIRunner.run(command + ["--format", format])
        #expect(outcome.status == 0, "\(command) \(format): \(outcome.standardError)")
        return outcome.standardOutput
    }

    /// CSV text as rows of fields (no quoted commas in the rows these tests read).
    static func csv(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The CSV's only data row, by column name.
    static func record(_ text: String) throws -> [String: String] {
        let rows = csv(text)
        #expect(rows.count == 2, "\(text)")
        let header = try #require(rows.first), row = try #require(rows.last)
        #expect(header.count == row.count)
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }

    static let production = ["trace", "inspect", CLIRunner.fixture("traces/production-requests.csv"),
                             "--time-column", "gmt_create", "--service-time-column", "exec_time_seconds",
                             "--where", "predict_status=SUCCEED"]

    /// The fixture's kept rows arrive at 00:00:03, 00:09:47, 02:15:00 and 05:42:18 (the two
    /// FAILED rows dropped); their service times are 12.5 + … = 50 s in all.
    @Test func traceInspectPrintsTheSameSummaryInEveryFormat() throws {
        let table = try Self.output(Self.production, "table")
        #expect(table.contains("requests  4\n") && table.contains("filtered  2 rows dropped by predict_status=SUCCEED"))

        let json = try JSONSchemaTests.validated("trace-inspect", Self.production + ["--format", "json"])
        #expect(json["requests"] as? Int == 4)
        #expect(json["droppedRows"] as? Int == 2)
        #expect(json["filters"] as? [String] == ["predict_status=SUCCEED"])
        #expect(json["timeUnit"] as? String == "wall-clock" && json["replayStartsAtFirstRecord"] as? Bool == true)
        #expect(json["firstArrival"] as? String == "2023-07-01T00:00:03Z")
        #expect(json["lastArrival"] as? String == "2023-07-01T05:42:18Z")
        // 05:42:18 − 00:00:03 = 5 h 42 min 15 s, replayed from 0.
        #expect(json["firstArrivalSeconds"] as? Double == 0 && json["spanSeconds"] as? Double == 20_535)
        let service = try #require(json["serviceTime"] as? [String: Any])
        #expect(service["totalSeconds"] as? Double == 50 && service["meanSeconds"] as? Double == 12.5)
        #expect(service["column"] as? String == "exec_time_seconds" && service["scale"] as? Double == 1)
        // Gaps: 9 min 44 s, 2 h 5 min 13 s, 3 h 27 min 18 s; the longest first, from 02:15:00.
        let idle = try #require(json["idleGaps"] as? [[String: Any]])
        #expect(idle.map { $0["count"] as? Int } == [3, 3, 2, 2, 2])
        #expect(idle.first?["idleSeconds"] as? Double == 20_535 && idle.first?["spanShare"] as? Double == 1)
        let longest = try #require((json["longestGaps"] as? [[String: Any]])?.first)
        #expect(longest["lengthSeconds"] as? Double == 12_438)
        #expect(
            longest["from"] as? String == "2023-07-01T02:15:00Z" && longest["to"] as? String == "2023-07-01T05:42:18Z")

        let csv = try Self.record(try Self.output(Self.production, "csv"))
        #expect(csv["requests"] == "4" && csv["droppedRows"] == "2" && csv["filters"] == "predict_status=SUCCEED")
        #expect(csv["idleGapsLongerThan60SecondsCount"] == "3" && csv["idleGapsLongerThan3600SecondsCount"] == "2")
        #expect(csv["serviceTimeTotalSeconds"].flatMap(Double.init) == 50)
        #expect(csv["firstArrival"] == "2023-07-01T00:00:03Z" && csv["replayStartsAtFirstRecord"] == "1")
        #expect(csv["sizeColumn"] == "" && csv["ratesWindows"] == "")
    }

    /// The bundled ServeGen file has 144 windows of 600 s (one day), 13 of them with traffic.
    @Test func traceInspectOfARateFileDescribesItsWindows() throws {
        let command = [
            "trace", "inspect", "scenarios/servegen_reason_deepseek-r1_chunk-3-trace.csv", "--preset", "servegen",
        ]
        let json = try JSONSchemaTests.validated("trace-inspect", command + ["--format", "json"])
        let rates = try #require(json["rates"] as? [String: Any])
        #expect(rates["windows"] as? Int == 144 && rates["busyWindows"] as? Int == 13)
        #expect(rates["windowSeconds"] as? Double == 600 && rates["observedSeconds"] as? Double == 86_400)
        #expect(rates["seed"] as? Int == 1)
        #expect(json["firstArrival"] == nil && json["timeUnit"] == nil)
        let requests = try #require(json["requests"] as? Int)
        let line = try Self.output(command, "table").split(separator: "\n").first { $0.hasPrefix("requests ") }
        #expect(line?.replacingOccurrences(of: ",", with: "").hasPrefix("requests  \(requests) generated") == true)
        let csv = try Self.record(try Self.output(command, "csv"))
        #expect(csv["requests"] == String(requests) && csv["ratesWindows"] == "144" && csv["ratesSeed"] == "1")
    }

    /// The T4 of the article's snapshot: $0.35/h on demand and $0.11/h spot, 16 GiB, attaches to n1-.
    @Test func pricingShowAndListWriteExactPricesAndIntegerCounts() throws {
        let show = ["pricing", "show", "nvidia-tesla-t4", "--price-snapshot", "article-2023"]
        let json = try JSONSchemaTests.validated("pricing", show + ["--format", "json"])
        #expect(json["catalog"] as? String == "bundled")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.map { $0["capacity"] as? String } == ["on-demand", "spot"])
        #expect(rows.map { $0["pricePerHour"] as? String } == ["0.35", "0.11"])
        #expect(rows.allSatisfy {
            $0["gpuCount"] as? Int == 1 && $0["gpuMemoryGiB"] as? Double == 16 && $0["kind"] as? String == "gpu"
                && $0["attachableTo"] as? [String] == ["n1-"] && $0["billingMinimumSeconds"] as? Int == 60
        })
        let csv = Self.csv(try Self.output(show, "csv"))
        let header = try #require(csv.first)
        #expect(header == ["snapshot", "effectiveDate", "provider", "region", "kind", "sku", "capacity", "vcpus",
                           "memoryGiB", "gpuModel", "gpuCount", "gpuMemoryGiB", "attachableTo", "pricePerHour",
                           "billingIncrementSeconds", "billingMinimumSeconds", "currency", "sourceUrl", "sourceDate",
                           "notes"])
        #expect(csv[1].prefix(14) == ["article-2023", "2023-01-01", "gcp", "us-central1", "gpu", "nvidia-tesla-t4",
                                      "on-demand", "", "", "T4", "1", "16", "n1-", "0.35"])
        #expect(try Self.output(show, "table").contains("  price:    $0.35/h per GPU (USD)"))

        // n1-highmem-4 at the article's prices: 4 vCPUs, 26 GiB, $0.236606/h on demand.
        let list = ["pricing", "list", "--price-snapshot", "article-2023", "--kind", "machine"]
        let machines = try #require(try JSONSchemaTests.validated("pricing", list + ["--format", "json"])["rows"]
            as? [[String: Any]])
        let n1 = try #require(
            machines.first { $0["sku"] as? String == "n1-highmem-4" && $0["capacity"] as? String == "on-demand" })
        #expect(
            n1["vcpus"] as? Int == 4 && n1["memoryGiB"] as? Double == 26 && n1["pricePerHour"] as? String == "0.236606")
        #expect(n1["gpuCount"] as? Int == 0 && n1["gpuModel"] == nil)
        let listCSV = Self.csv(try Self.output(list, "csv"))
        #expect(listCSV.count == machines.count + 1)
        #expect(listCSV.dropFirst().allSatisfy { Int($0[7]) != nil && Int($0[10]) != nil }, "\(listCSV)")
        #expect(try Self.output(list, "table").hasSuffix("\(machines.count) row(s) from the bundled catalog.\n"))
    }

    /// The article's arithmetic at its own prices: (0.236606 + 0.35) × 720 h = $422.35632;
    /// 2 × 0.033503 × 720 = $48.24432; (0.049812 + 0.11) × 2 h × 30 days = $9.58872.
    @Test func articleWritesEveryAmountExactAndRoundedOnce() throws {
        let article = ["article", "--price-snapshot", "article-2023"]
        let json = try JSONSchemaTests.validated("article", article + ["--format", "json"])
        #expect(json["findings"] == nil)
        let estimates = try #require(json["estimates"] as? [[String: Any]])
        #expect(estimates.count == 1)
        let estimate = estimates[0]
        #expect(estimate["dedicatedPricePerHour"] as? String == "0.586606")
        #expect(estimate["dedicatedMonthlyCostNanoDollars"] as? Int == 422_356_320_000)
        #expect(estimate["dedicatedMonthlyCost"] as? String == "422.36")
        #expect(estimate["systemNodesMonthlyCostNanoDollars"] as? Int == 48_244_320_000)
        #expect(estimate["spotGpuMonthlyCostNanoDollars"] as? Int == 9_588_720_000)
        #expect(estimate["spotGpuMonthlyCost"] as? String == "9.59")
        #expect(estimate["scaleToZeroMonthlyCostNanoDollars"] as? Int == 57_833_040_000)
        #expect(estimate["scaleToZeroMonthlyCost"] as? String == "57.83")
        #expect(estimate["savingsRatio"] as? Double == 422_356_320_000.0 / 57_833_040_000.0)
        #expect(estimate["days"] as? Int == 30 && estimate["systemNodeCount"] as? Int == 2)
        #expect(estimate["clusterFeeMonthlyCost"] == nil)

        let csv = try Self.record(try Self.output(article, "csv"))
        #expect(csv["dedicatedMonthlyCost"] == "422.36" && csv["scaleToZeroMonthlyCostNanoDollars"] == "57833040000")
        #expect(csv["monthHours"] == "720" && csv["gpuHoursPerDay"] == "2" && csv["clusterFeeMonthlyCost"] == "")

        // Without a snapshot: the article's prices, then the latest, and the findings the table lists.
        let both = try JSONSchemaTests.validated("article", ["article", "--format", "json"])
        #expect((both["estimates"] as? [[String: Any]])?.first?["priceSnapshot"] as? String == "article-2023")
        let findings = try #require(both["findings"] as? [String])
        let table = try Self.output(["article"], "table")
        #expect(findings.count >= 3 && findings.allSatisfy { table.contains("- " + $0 + "\n") })
    }

    @Test func scenarioListNamesEveryBundledFileInEveryFormat() throws {
        let table = try Self.output(["scenario", "list"], "table").split(separator: "\n").dropFirst(2)
        let json = try JSONSchemaTests.validated("scenario-list", ["scenario", "list", "--format", "json"])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["name"] as? String } == table.map { String($0.prefix { $0 != " " }) })
        #expect(files.first { $0["name"] as? String == "article-gke-t4.yaml" }?["kind"] as? String == "scenario")
        #expect(files.first { $0["name"] as? String == "grid-keda.yaml" }?["kind"] as? String == "grid")
        let csv = Self.csv(try Self.output(["scenario", "list"], "csv"))
        #expect(csv.first == ["name", "kind", "description"])
        #expect(csv.dropFirst().map { $0[0] } == files.map { $0["name"] as? String ?? "" })
    }

    /// `-o` writes what standard output would have shown, atomically, and prints nothing; a file
    /// that is also the input is refused before anything is read.
    @Test(arguments: [
        ["scenario", "list"], ["article"], ["pricing", "list", "--gpu", "T4"], ["pricing", "show", "e2-medium"],
        ["trace", "inspect", "scenarios/AzureLLMInferenceTrace_code.csv", "--preset", "azure-llm"],
    ])
    func outputWritesTheFileInsteadOfPrinting(command: [String]) throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["table", "json", "csv"] {
            let file = directory.appendingPathComponent("out.\(format)").path
            let written = try CLIRunner.run(command + ["--format", format, "-o", file])
            #expect(written.status == 0 && written.standardOutput.isEmpty, "\(written.standardError)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == (try Self.output(command, format)))
        }
    }

    @Test func anOutputThatIsTheTraceIsRefused() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.appendingPathComponent("t.csv").path
        try "arrival_seconds,work_size\n1,2\n".write(toFile: trace, atomically: true, encoding: .utf8)
        let clash = try CLIRunner.run(["trace", "inspect", trace, "--format", "json", "-o", trace])
        #expect(clash.status != 0 && clash.standardError.contains(trace), "\(clash.standardError)")
        #expect(try String(contentsOfFile: trace, encoding: .utf8) == "arrival_seconds,work_size\n1,2\n")
    }

    @Test(arguments: [
        ["scenario", "list"], ["article"], ["pricing", "list"], ["pricing", "show", "e2-medium"],
        ["trace", "inspect", "scenarios/AzureLLMInferenceTrace_code.csv"],
    ])
    func anUnknownFormatIsRefused(command: [String]) throws {
        let outcome = try CLIRunner.run(command + ["--format", "xml"])
        #expect(outcome.status != 0)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("'xml'") && outcome.standardError.contains("--format"),
                "\(outcome.standardError)")
    }
}
