import Foundation
import Simulator
import Testing
@testable import costsim

/// A production trace (wall-clock `gmt_create`, measured `exec_time_seconds`, `predict_status`)
/// replayed with one command line against the bundled options.
@Suite struct TraceColumnsCommandTests {
    static let fixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/traces/production-requests.csv").path
    static let columns = ["--time-column", "gmt_create", "--service-time-column", "exec_time_seconds", "--where", "predict_status=SUCCEED"]

    @Test func theProductionTraceRunsWithOneCommandLine() throws {
        let table = try CLIRunner.run(["run", "--trace", Self.fixture] + Self.columns)
        #expect(table.status == 0, "\(table.standardError)")
        // 4 SUCCEED rows, 2 FAILED.
        #expect(table.standardOutput.contains("Trace rows: 4 kept (predict_status=SUCCEED), 2 dropped\n"))

        let json = try CLIRunner.run(["run", "--trace", Self.fixture, "--format", "json"] + Self.columns)
        #expect(json.status == 0, "\(json.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let options = document?["options"] as? [[String: Any]] ?? []
        #expect(options.count >= 2)
        for option in options {
            // Every option serves the kept rows with their measured times: 12.5, 20, 7.5 and 10 s (mean 12.5, max 20).
            let service = option["serviceSeconds"] as? [String: Any]
            #expect(service?["count"] as? Int == 4, "\(option["name"] ?? "")")
            #expect(service?["mean"] as? Double == 12.5)
            #expect(service?["max"] as? Double == 20)
        }
    }

    @Test func theReportStatesTheMeasuredServiceTime() throws {
        var scenario = Scenario(name: "prod", workload: .traceFile(path: "/data/T.csv", format: TraceFormat(
            timeColumn: "gmt_create", sizeColumn: nil, serviceTimeColumn: "exec_time_seconds", serviceTimeScale: 0.5)))
        #expect(ReportWriter.serviceTimeAssumption(scenario).value == "each request's measured exec_time_seconds from the trace, × 0.5")
        #expect(ReportWriter.serviceTimeAssumption(scenario).source == "trace T.csv; the scenario's inference model is not used")
        scenario.workload = .traceFile(path: "/data/T.csv", format: .costsim)
        #expect(ReportWriter.serviceTimeAssumption(scenario).value == "0.45 s per second of audio × noise of mean 1")
    }

    @Test func badColumnOptionsAreErrors() throws {
        let none = try CLIRunner.run(["run", "--trace", Self.fixture, "--time-column", "gmt_create", "--service-time-column", "exec_time_seconds",
                                      "--where", "predict_status=OK"])
        #expect(none.status != 0)
        #expect(none.standardError.contains("production-requests.csv: field 'predict_status': no row matches the filter 'predict_status=OK' (6 rows read, all dropped)"))
        let unknown = try CLIRunner.run(["run", "--trace", Self.fixture, "--time-column", "gmt_create", "--service-time-column", "exec_time"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("production-requests.csv:1: field 'exec_time': column not found in header"))
        let malformed = try CLIRunner.run(["run", "--trace", Self.fixture, "--where", "predict_status"])
        #expect(malformed.status != 0 && malformed.standardError.contains("--where 'predict_status': expected COLUMN=VALUE or COLUMN!=VALUE"))
        let scale = try CLIRunner.run(["sweep", "--trace", Self.fixture, "--service-time-column", "exec_time_seconds", "--service-time-scale", "0"])
        #expect(scale.status != 0 && scale.standardError.contains("--service-time-scale must be within 0.01 and 100"))
        let seconds = try CLIRunner.run(["trace", "inspect", Self.fixture, "--time-column", "gmt_create", "--time-format", "seconds",
                                         "--service-time-column", "exec_time_seconds"])
        #expect(seconds.status != 0 && seconds.standardError.contains("--time-format wall-clock"))
    }

    @Test func inspectKeepsTheFilteredRows() throws {
        let outcome = try CLIRunner.run(["trace", "inspect", Self.fixture] + Self.columns)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("requests  4\n"))
    }

    @Test func inspectPrintsExactPercentilesOfWholeNumbers() throws {
        let directory = CLIRunner.temporaryDirectory()
        let path = directory.appendingPathComponent("t.csv")
        try "arrival_seconds,work_size\n1,23\n2,23\n3,24\n4,100\n".write(to: path, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["trace", "inspect", path.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // Nearest rank of 4 sizes: p50 is the 2nd (23), p90 and p99 the 4th (100).
        #expect(outcome.standardOutput.contains("size      mean 42.50  p50 23  p90 100  p99 100  max 100\n"))
    }
}
