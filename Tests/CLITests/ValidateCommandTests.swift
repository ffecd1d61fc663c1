import Foundation
import Testing

/// `costsim validate` on the hand-written recordings in Tests/Fixtures/calibration (prometheus/ and
/// bills/, values worked out in their READMEs); the agreement itself is tested by the round trip in
/// CalibrationTests.
@Suite struct ValidateCommandTests {
    static let nodes = CLIRunner.fixture("calibration/prometheus/nodes-and-replicas.json")
    static let bill = CLIRunner.fixture("calibration/bills/gcp-gpu.csv")

    /// A day of generated requests whose time 0 is 2026-11-02T00:00:00Z (with --start).
    static func trace(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("day.csv").path
        let outcome = try CLIRunner.run(["trace", "generate", "-o", path, "--days", "1", "--profile", "bursty"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return path
    }

    static func arguments(_ trace: String) -> [String] {
        ["validate", "--trace", trace, "--start", "2026-11-02T00:00:00Z", "--prometheus", nodes, "--bill", bill]
    }

    /// The period ends at the trace's last arrival (before midnight): the bill's hours 10:00 to 23:00
    /// are compared, its line of 2026-11-03 is left out.
    @Test func tableShowsTheBillsDaysAndTheTimelines() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(Self.arguments(try Self.trace(in: directory)))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Option scale-to-zero of article-gke-t4, simulated 2026-11-02T00:00:") == true)
        let day = try #require(lines.first { $0.hasPrefix("2026-11-02 ") }?.split(separator: " ").map(String.init))
        #expect(day[1] == "13.00")
        #expect(day[3...4] == ["1.50", "0.50"])
        #expect(day.last == "$0.51")
        #expect(lines.contains("1 GPU lines left out: they cover time outside the simulated period"))
        #expect(lines.contains { $0.hasPrefix("replicas ") })
        #expect(lines.contains { $0.hasPrefix("nodes ") })
        // validate compares days: run's warning about monthly figures from under a day does not apply.
        #expect(!outcome.standardError.contains("monthly figures"), "\(outcome.standardError)")
    }

    @Test func jsonFollowsTheSchema() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try JSONSchemaTests.validated(
            "validate", Self.arguments(try Self.trace(in: directory)) + ["--format", "json", "--threshold", "10"])
        #expect(json["thresholdPercent"] as? Double == 10)
        let bills = try #require(json["bills"] as? [String: Any])
        #expect(bills["billedNodeHours"] as? Double == 1.5)
        #expect(bills["billedCost"] as? String == "0.51")
        #expect(bills["nodeHoursByPool"] as? [String: Double] == ["gpu-t4": 1.5])
        #expect(bills["costScope"] as? String == "nodes")
        let timelines = try #require(json["timelines"] as? [[String: Any]])
        #expect(timelines.map { $0["metric"] as? String } == ["replicas", "nodes"])
        // Nodes per minute from 10:00: 1, 2, 2, 1.
        #expect(timelines[1]["observedMean"] as? Double == 1.5)
        #expect(timelines[1]["points"] as? Int == 4)
    }

    /// Bad recordings fail before the simulation, name the file, and write nothing.
    @Test(arguments: [
        ("calibration/bills/azure_ea_actualcost_small.csv", "--bill", "no GPU line in this azure bill"),
        ("calibration/prometheus/aggregated-nodes.json", "--prometheus", "is missing (an aggregated query)"),
        ("calibration/prometheus/vector.json", "--prometheus", "\"vector\" is not \"matrix\""),
    ])
    func badRecordingWritesNothing(fixture: String, option: String, message: String) throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.json").path
        let outcome = try CLIRunner.run([
            "validate", "--trace", try Self.trace(in: directory), "--start", "2026-11-02T00:00:00Z", option,
            CLIRunner.fixture(fixture), "-o", output,
        ])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains(CLIRunner.fixture(fixture)), "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func anAggregatedQueryIsReadAsTheKindNamed() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run([
            "validate", "--trace", try Self.trace(in: directory), "--start", "2026-11-02T00:00:00Z", "--prometheus",
            "nodes=" + CLIRunner.fixture("calibration/prometheus/aggregated-nodes.json"),
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\nnodes "))
    }

    @Test func aTraceWithoutDatesNeedsStart() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = try Self.trace(in: directory)
        let outcome = try CLIRunner.run(["validate", "--trace", trace, "--bill", Self.bill])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains(
            "\(trace): the trace's times are not dates or Unix seconds: give --start"))
        let none = try CLIRunner.run(["validate", "--trace", trace, "--start", "2026-11-02T00:00:00Z"])
        #expect(none.status != 0)
        #expect(none.standardError.contains("give what the cluster recorded: --prometheus FILE and/or --bill FILE"))
    }
}
