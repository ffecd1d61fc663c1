import Foundation
import Testing

/// Serverless options end to end: `run`, `report`, `sweep` (their settings as parameters) and
/// `diff` on the article's workload, priced from the hand-made platform catalog
/// (`Tests/Fixtures/serverless/`).
@Suite struct ServerlessCommandTests {
    /// A scratch directory with the fixture catalog imported and a one-day copy of the scenario.
    static func setUp() throws -> (directory: URL, scenario: String, catalog: String) {
        let directory = CLIRunner.temporaryDirectory()
        let catalog = try importCatalog(into: directory)
        let text = try String(contentsOfFile: CLIRunner.fixture("serverless/article-serverless.yaml"), encoding: .utf8)
        let scenario = directory.appendingPathComponent("serverless.yaml")
        try text.replacingOccurrences(of: "horizon: 7d", with: "horizon: 1d")
            .replacingOccurrences(of: "days: 7", with: "days: 1")
            .write(to: scenario, atomically: true, encoding: .utf8)
        return (directory, scenario.path, catalog)
    }

    /// The fixture catalog imported into `directory`; its path.
    static func importCatalog(into directory: URL) throws -> String {
        let catalog = directory.appendingPathComponent("catalog.sqlite").path
        let imported = try CLIRunner.run([
            "pricing", "import", CLIRunner.fixture("serverless/platform-catalog.csv"), "--output", catalog,
        ])
        #expect(imported.status == 0, "\(imported.standardError)")
        return catalog
    }

    /// The `options` of `costsim run --format json` on `scenario`.
    static func runOptions(_ scenario: String, catalog: String) throws -> [[String: Any]] {
        let outcome = try CLIRunner.run(["run", "--scenario", scenario, "--pricing", catalog, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        return document?["options"] as? [[String: Any]] ?? []
    }

    /// The HTML page `costsim report` writes for `scenario` into `directory`.
    static func reportPage(_ scenario: String, catalog: String, in directory: URL) throws -> String {
        let html = directory.appendingPathComponent("report.html").path
        let outcome = try CLIRunner.run(["report", "--scenario", scenario, "--pricing", catalog, "--html", html])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try String(contentsOfFile: html, encoding: .utf8)
    }

    @Test func runComparesThePlatformsWithTheClusterOptions() throws {
        let (directory, scenario, catalog) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = try Self.runOptions(scenario, catalog: catalog)
        #expect(options.compactMap { $0["name"] as? String }
            == ["dedicated", "scale-to-zero", "cloud-run", "modal", "container-apps"])
        let text = try CLIRunner.run(["run", "--scenario", scenario, "--pricing", catalog])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("cloud-run"))
        #expect(text.standardOutput.contains("modal"))
        // Light traffic against a 15-minute idle retention: Cloud Run's idle hours decide its cost.
        #expect(text.standardOutput.contains(
            "idle billing decides its cost: an idle instance stays 15 min after its last request"))
        #expect(text.standardOutput.contains("- cloud-run (cloud-run L4): instances were billed "))
    }

    /// The bundled comparison runs on the bundled catalog alone: each platform's monthly cost is its
    /// billed instance-hours at its bundled rate (scaled from 30 days to 730 h), give or take the
    /// per-second rounding of each instance's life.
    @Test func theBundledScenarioPricesEveryPlatformFromTheBundledCatalog() throws {
        let path = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-serverless.yaml").path
        let outcome = try CLIRunner.run(["run", "--scenario", path, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let options = try #require(document?["options"] as? [[String: Any]])
        let rates: [String: Double] = [   // $/h of the bundled rows the scenario's options use
            "cloud-run": 1.42164, "modal": 0.5904, "container-apps": 1.5588, "sagemaker-async": 1.099,
            "sagemaker-realtime": 0.7364,
        ]
        for (name, rate) in rates {
            let option = try #require(options.first { $0["name"] as? String == name }, "\(name)")
            let hours = try #require((option["gpuNodeHours"] as? [String: Double])?["total"])
            let started = try #require(option["gpuNodesStarted"] as? Double)
            let text = try #require(option["monthlyCost"] as? String)   // exact decimal text
            let cost = try #require(Double(text))
            let expected = hours * rate * 730 / 720
            #expect(cost >= expected - 0.01 && cost <= expected + started * rate / 3600 * 730 / 720 + 0.01,
                    "\(name): \(cost) against \(expected)")
        }
    }

    @Test func reportDescribesThePlatformOption() throws {
        let (directory, scenario, catalog) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Self.reportPage(scenario, catalog: catalog, in: directory)
        #expect(page.contains("cloud-run L4, instances 0–3, idle timeout 15 min"))
        #expect(page.contains("cloud-run/nvidia-l4"))
    }

    @Test func sweepVariesTheSettingsAndRefusesAGPUThePlatformLacks() throws {
        let (directory, scenario, catalog) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = directory.appendingPathComponent("grid.yaml")
        try """
            option: modal
            parameters:
              serverless.idleTimeout: {from: 0s, to: 120s, step: 60s}
              serverless.gpu: [T4, L4]
            """.write(to: grid, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run([
            "sweep", "--scenario", scenario, "--pricing", catalog, "--grid", grid.path, "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let labels = outcome.standardOutput.split(separator: "\n").dropFirst().map {
            String($0.split(separator: ",")[1])
        }
        #expect(labels.sorted() == [
            "serverless.idleTimeout=0s serverless.gpu=T4", "serverless.idleTimeout=0s serverless.gpu=L4",
            "serverless.idleTimeout=60s serverless.gpu=T4", "serverless.idleTimeout=60s serverless.gpu=L4",
            "serverless.idleTimeout=120s serverless.gpu=T4", "serverless.idleTimeout=120s serverless.gpu=L4",
        ].sorted())

        try """
            option: cloud-run
            parameters:
              serverless.gpu: [L4, T4]
            """.write(to: grid, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["sweep", "--scenario", scenario, "--pricing", catalog, "--grid", grid.path])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains(
            "serverless.gpu T4: serverless.gpu 'T4' is not offered by cloud-run (offered: L4)"),
            "\(refused.standardError)")

        try """
            option: dedicated
            parameters:
              serverless.idleTimeout: [5s]
            """.write(to: grid, atomically: true, encoding: .utf8)
        let wrongOption = try CLIRunner.run([
            "sweep", "--scenario", scenario, "--pricing", catalog, "--grid", grid.path,
        ])
        #expect(wrongOption.status != 0)
        #expect(wrongOption.standardError.contains("serverless.idleTimeout needs a serverless option"))
    }

    @Test func diffShowsWhatAShorterIdleWindowChanges() throws {
        let (directory, scenario, catalog) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let changed = directory.appendingPathComponent("shorter.yaml")
        try String(contentsOfFile: scenario, encoding: .utf8)
            .replacingOccurrences(of: "idleTimeout: 60s ", with: "idleTimeout: 5s ")
            .write(to: changed, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run([
            "diff", scenario, changed.path, "--pricing", catalog, "--replications", "2", "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = outcome.standardOutput.split(separator: "\n").map { String($0) }
        let header = rows[0].split(separator: ",").map(String.init)
        let cost = try #require(header.firstIndex(of: "changeMonthlyCost"), "\(header)")
        func delta(_ name: String) -> Double? {
            rows.first { $0.hasPrefix(name + ",") }.flatMap { Double($0.split(separator: ",")[cost]) }
        }
        #expect(delta("dedicated") == 0)
        #expect(delta("cloud-run") == 0)
        #expect((delta("modal") ?? 0) < 0)   // a 5-s idle window bills less idle time
    }

    @Test func aRegionWithoutAPlatformPriceIsAnErrorNamingTheField() throws {
        let (directory, scenario, catalog) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
            .replacingOccurrences(of: "platform: cloud-run ", with: "platform: cloud-run\n      region: us-east4 ")
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--scenario", scenario, "--pricing", catalog])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("options[2].serverless.region"), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }
}
