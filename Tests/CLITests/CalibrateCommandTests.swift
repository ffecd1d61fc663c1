import Foundation
import Testing

/// `costsim calibrate` on the hand-written exports in Tests/Fixtures/calibration (phases worked
/// out by hand in the fixture README).
@Suite struct CalibrateCommandTests {
    static let scaleUps = CLIRunner.fixture("calibration/scale-ups")

    @Test func tablePrintsOneRowPerScaleUpAndTheFits() throws {
        let outcome = try CLIRunner.run(["calibrate", Self.scaleUps])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "4 GPU node scale-ups (seconds; - = not recorded)")
        let worker = { (pod: String) in
            lines.first { $0.hasPrefix("ml/\(pod) ") }?.split(separator: " ").map(String.init)
        }
        #expect(worker("worker-a") == [
            "ml/worker-a", "gke-prod-gpu-t4-a", "gpu-t4", "2026-11-02T10:00:00Z",
            "118.0", "80.0", "65.0", "20.0", "300.0",
        ])
        #expect(worker("worker-c")?[4...6] == ["114.5", "60.0", "cached"])
        let missing = "pod created, node created, node Ready, pod Ready"
        #expect(lines.contains { $0.hasPrefix("ml/worker-e") && $0.hasSuffix(missing) })
        // driverInstall: ln 80, ln 60, ln 30 → mu 3.959; sigma (divisor 3) 0.412.
        #expect(lines.contains { $0.hasPrefix("driverInstall ") && $0.contains(" 3  3.959  0.412 ") })
        #expect(!lines.contains { $0.hasPrefix("ml/worker-b") || $0.hasPrefix("ml/worker-d") || $0.hasPrefix("jobs/") })
    }

    @Test func jsonFollowsTheSchema() throws {
        let json = try JSONSchemaTests.validated("calibrate", ["calibrate", Self.scaleUps, "--format", "json"])
        let scaleUps = try #require(json["scaleUps"] as? [[String: Any]])
        #expect(scaleUps.map { $0["pod"] as? String } == ["worker-a", "worker-c", "worker-e", "worker-f"])
        #expect(scaleUps[0]["phaseSeconds"] as? [String: Double]
            == ["vmBoot": 118, "driverInstall": 80, "imagePull": 65, "modelLoad": 20])
        #expect(scaleUps[2]["missing"] as? [String] == ["podCreated", "nodeCreated", "nodeReady", "podReady"])
        let phases = try #require(json["phases"] as? [[String: Any]])
        let vmBoot = try #require(phases.first { $0["phase"] as? String == "vmBoot" }?["fit"] as? [String: Any])
        let mu = try #require((vmBoot["mu"] as? [String: Any])?["mean"] as? Double)
        #expect(abs(mu - (log(118) + log(114.5)) / 2) < 1e-12)
    }

    @Test func csvHasOneRowPerScaleUp() throws {
        let outcome = try CLIRunner.run(["calibrate", Self.scaleUps, "--node-pool", "gpu-t4", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == """
            namespace,pod,node,nodePool,vmBootSeconds,driverInstallSeconds,imagePullSeconds,modelLoadSeconds,\
            totalSeconds,imageCached,missing
            ml,worker-a,gke-prod-gpu-t4-a,gpu-t4,118.0,80.0,65.0,20.0,300.0,0,
            ml,worker-c,gke-prod-gpu-t4-b,gpu-t4,114.5,60.0,,30.0,220.0,1,

            """)
    }

    @Test func writesTheResultAndTheFragmentTogether() throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("calibration.txt").path
        let fragment = directory.appendingPathComponent("cold-start.yaml").path
        let outcome = try CLIRunner.run([
            "calibrate", Self.scaleUps, "--node-pool", "gpu-t4", "-o", table, "--fragment", fragment,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        let text = try String(contentsOfFile: table, encoding: .utf8)
        #expect(text.hasPrefix("2 GPU node scale-ups in node pool gpu-t4"))
        let yaml = try String(contentsOfFile: fragment, encoding: .utf8)
        #expect(yaml.contains("\ncoldStart:\n  vmBoot: {lognormal: {mu: 4.7556, sigma: 0.0151}}\n"))
        #expect(yaml.contains("# Exports: events-v1.json, events.json, nodes.json, pods.json\n"))
    }

    @Test(arguments: [
        ("bad/list-of-deployments.json", "items[0].kind: \"Deployment\" is not one of"),
        ("bad/bad-timestamp.json",
         "items[0].metadata.creationTimestamp: \"2026-11-02 10:00:00\" is not an RFC 3339 time"),
    ])
    func badExportWritesNothing(file: String, error: String) throws {
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.json").path
        let fragment = directory.appendingPathComponent("fragment.yaml").path
        let path = CLIRunner.fixture("calibration/" + file)
        let outcome = try CLIRunner.run([
            "calibrate", Self.scaleUps, path, "--format", "json", "-o", output, "--fragment", fragment,
        ])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("\(path): \(error)"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: fragment))
    }

    @Test func noScaleUpInThePoolIsAnError() throws {
        let outcome = try CLIRunner.run(["calibrate", Self.scaleUps, "--node-pool", "gpu-a100"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no GPU node scale-up in the exports for node pool gpu-a100"))
    }
}
