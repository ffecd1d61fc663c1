import Foundation
import Simulator
import Testing

@testable import costsim

/// A production trace (wall-clock `gmt_create`, measured `exec_time_seconds`, `predict_status`)
/// replayed with one command line against the bundled options.
@Suite struct TraceColumnsCommandTests {
    static let fixture = CLIRunner.repositoryRoot.appendingPathComponent(
        "Tests/Fixtures/traces/production-requests.csv"
    ).path
    static let columns = [
        "--time-column", "gmt_create", "--service-time-column", "exec_time_seconds", "--where",
        "predict_status=SUCCEED",
    ]

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
        let measured = try ScenarioOptions.parse(
            ["--trace", Self.fixture, "--service-time-scale", "0.5"] + Self.columns
        ).load(
            regions: PricingOptions.parse([]).regionCheck(), gpus: PricingOptions.parse([]).gpuLookup())
        #expect(
            ReportWriter.serviceTimeAssumption(measured).value
                == "each request's measured exec_time_seconds from the trace, × 0.5")
        #expect(
            ReportWriter.serviceTimeAssumption(measured).source
                == "trace production-requests.csv; the scenario's inference model is not used")
        let modelled = try ScenarioOptions.parse([]).load(
            regions: PricingOptions.parse([]).regionCheck(), gpus: PricingOptions.parse([]).gpuLookup())
        #expect(ReportWriter.serviceTimeAssumption(modelled).value == "0.45 s per second of audio × noise of mean 1")
    }

    @Test func badColumnOptionsAreErrors() throws {
        let none = try CLIRunner.run([
            "run", "--trace", Self.fixture, "--time-column", "gmt_create", "--service-time-column", "exec_time_seconds",
            "--where", "predict_status=OK",
        ])
        #expect(none.status != 0)
        #expect(
            none.standardError.contains(
                "production-requests.csv: field 'predict_status': no row matches the filter 'predict_status=OK' (6 "
                    + "rows read, all dropped)"))
        let unknown = try CLIRunner.run([
            "run", "--trace", Self.fixture, "--time-column", "gmt_create", "--service-time-column", "exec_time",
        ])
        #expect(unknown.status != 0)
        #expect(
            unknown.standardError.contains("production-requests.csv:1: field 'exec_time': column not found in header"))
        let malformed = try CLIRunner.run(["run", "--trace", Self.fixture, "--where", "predict_status"])
        #expect(
            malformed.status != 0
                && malformed.standardError.contains("--where 'predict_status': expected COLUMN=VALUE or COLUMN!=VALUE"))
        let scale = try CLIRunner.run([
            "sweep", "--trace", Self.fixture, "--service-time-column", "exec_time_seconds", "--service-time-scale", "0",
        ])
        #expect(scale.status != 0 && scale.standardError.contains("--service-time-scale must be within 0.01 and 100"))
        let seconds = try CLIRunner.run([
            "trace", "inspect", Self.fixture, "--time-column", "gmt_create", "--time-format", "seconds",
            "--service-time-column", "exec_time_seconds",
        ])
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

    @Test func requestLogsRunWithTheirPresets() throws {
        let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/traces")
        let nginx = try CLIRunner.run([
            "run", "--trace", fixtures.appendingPathComponent("ingress-nginx-access.log").path,
            "--trace-preset", "nginx", "--where", "status=200", "--format", "json",
        ])
        #expect(nginx.status == 0, "\(nginx.standardError)")
        let envoy = try CLIRunner.run([
            "run", "--trace", fixtures.appendingPathComponent("istio-access.jsonl").path,
            "--trace-preset", "envoy-json", "--where", "response_code=200", "--format", "json",
        ])
        #expect(envoy.status == 0, "\(envoy.standardError)")
        // The dedicated option serves every kept request with its measured time: nginx 8.249 + 4.118 + 1.49 + 1.999 s,
        // Envoy the same without the retried one.
        for (outcome, total, count) in [(nginx, 15.856, 4), (envoy, 14.366, 3)] {
            let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
            let dedicated = (document?["options"] as? [[String: Any]])?.first { $0["name"] as? String == "dedicated" }
            let service = dedicated?["serviceSeconds"] as? [String: Any]
            #expect(service?["count"] as? Int == count)
            #expect(abs((service?["mean"] as? Double ?? 0) * Double(count) - total) < 1e-9)
        }
        let bad = try CLIRunner.run([
            "run", "--trace", fixtures.appendingPathComponent("ingress-nginx-access.log").path, "--trace-preset",
            "nginx",
        ])
        #expect(
            bad.status != 0
                && bad.standardError.contains(
                    "ingress-nginx-access.log:5: field 'upstream_response_time': '-' holds no time")
        )
    }
}
