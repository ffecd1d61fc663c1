import Foundation
import Testing

/// A serverless option's price row chosen in the scenario (`serverless.instanceType`,
/// `serverless.zonalRedundancy`) or swept, end to end with the hand-made platform catalog
/// (`Tests/Fixtures/serverless/platform-catalog.csv`). One always-warm instance
/// (`minInstances = maxInstances = 1`) is billed every hour, so a month costs 730 h × the row's rate.
@Suite struct ServerlessMachineCommandTests {
    static let scenario = """
        name: machines
        seed: 1
        horizon: 1d
        cloud: {provider: aws, region: us-east-1}
        workload: {generate: {days: 1}}
        inference: {gpuSpeed: {L4: 2}}
        options:
          - name: t4
            serverless: {platform: sagemaker-async, instanceType: ml.g4dn.2xlarge, minInstances: 1, maxInstances: 1}
          - name: l4
            serverless: {platform: sagemaker-async, instanceType: ml.g6.xlarge, minInstances: 1, maxInstances: 1}
          - name: zonal
            serverless: {platform: cloud-run, region: us-central1, minInstances: 1, maxInstances: 1}
          - name: best-effort
            serverless:
              {platform: cloud-run, region: us-central1, zonalRedundancy: false, minInstances: 1, maxInstances: 1}
        """

    /// A scratch directory with the fixture catalog imported and `text` as `s.yaml`.
    static func setUp(_ text: String = scenario) throws -> (directory: URL, scenario: String, catalog: String) {
        let directory = CLIRunner.temporaryDirectory()
        let catalog = try ServerlessCommandTests.importCatalog(into: directory)
        let path = directory.appendingPathComponent("s.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (directory, path, catalog)
    }

    @Test func eachOptionIsPricedFromItsRowServesAtItsGPUSpeedAndIsNamedInTheReport() throws {
        let (directory, scenario, catalog) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = try ServerlessCommandTests.runOptions(scenario, catalog: catalog)
        func cost(_ name: String) -> String? {
            options.first { $0["name"] as? String == name }?["monthlyCost"] as? String
        }
        #expect(cost("t4") == "686.20")            // 730 h × 0.94 (sagemaker-async/ml.g4dn.2xlarge)
        #expect(cost("l4") == "822.27")            // 730 h × 1.1264 (sagemaker-async/ml.g6.xlarge)
        #expect(cost("zonal") == "1037.80")        // 730 h × 1.42164 (cloud-run/nvidia-l4)
        #expect(cost("best-effort") == "763.96")   // 730 h × 1.04652 (cloud-run/nvidia-l4-no-zonal-redundancy)
        // ml.g6.xlarge's row carries an L4, twice the T4's speed in this scenario: the same work in half the time.
        func meanService(_ name: String) -> Double? {
            (options.first { $0["name"] as? String == name }?["serviceSeconds"] as? [String: Any])?["mean"] as? Double
        }
        let t4 = try #require(meanService("t4")), l4 = try #require(meanService("l4"))
        #expect(abs(l4 - t4 / 2) <= 1e-9 * t4)
        // The report's option descriptions name the chosen row.
        let page = try ServerlessCommandTests.reportPage(scenario, catalog: catalog, in: directory)
        #expect(page.contains("sagemaker-async T4 (ml.g4dn.2xlarge), instances 1–1"))
        #expect(page.contains("cloud-run L4 without zonal redundancy, instances 1–1"))
        #expect(page.contains("cloud-run L4, instances 1–1"))
    }

    @Test func anInstanceTypeMissingInTheRegionNamesTheFieldAndTheAlternatives() throws {
        let text = """
            cloud: {provider: aws, region: eu-west-3}
            workload: {generate: {days: 1}}
            options:
              - name: async
                serverless:
                  platform: sagemaker-async
                  instanceType: ml.g4dn.xlarge
            """
        let (directory, scenario, catalog) = try Self.setUp(text)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["run", "--scenario", scenario, "--pricing", catalog])
        #expect(outcome.status != 0)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(
            "s.yaml:7: field 'options[0].serverless.instanceType': serverless.instanceType ml.g4dn.xlarge: the price "
                + "catalog has no sagemaker-async/ml.g4dn.xlarge in eu-west-3 (it has it in: us-east-1); "
                + "sagemaker-async machines with one GPU in eu-west-3: ml.g4dn.2xlarge (T4), ml.g5.xlarge (A10G)"),
            "\(outcome.standardError)")
    }

    @Test func aSweepVariesTheRowAndRefusesItWhereItDoesNotApply() throws {
        let (directory, scenario, catalog) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = directory.appendingPathComponent("grid.yaml")
        func sweep(_ text: String) throws -> (status: Int32, costs: [String: String], error: String) {
            try text.write(to: grid, atomically: true, encoding: .utf8)
            let outcome = try CLIRunner.run([
                "sweep", "--scenario", scenario, "--pricing", catalog, "--grid", grid.path, "--format", "csv",
            ])
            var costs: [String: String] = [:]
            for row in outcome.standardOutput.split(separator: "\n").dropFirst() {
                let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                costs[fields[1]] = fields[3]
            }
            return (outcome.status, costs, outcome.standardError)
        }
        let types = try sweep(
            "option: t4\nparameters:\n  serverless.instanceType: [ml.g4dn.xlarge, ml.g4dn.2xlarge, ml.g6.xlarge]")
        #expect(types.status == 0, "\(types.error)")
        #expect(types.costs == [
            "serverless.instanceType=ml.g4dn.xlarge": "537.28",   // 730 h × 0.736
            "serverless.instanceType=ml.g4dn.2xlarge": "686.20", "serverless.instanceType=ml.g6.xlarge": "822.27",
        ])
        let redundancy = try sweep("option: zonal\nparameters:\n  serverless.zonalRedundancy: [true, false]")
        #expect(redundancy.status == 0, "\(redundancy.error)")
        #expect(redundancy.costs == [
            "serverless.zonalRedundancy=true": "1037.80", "serverless.zonalRedundancy=false": "763.96",
        ])
        let elsewhere = try sweep("option: t4\nparameters:\n  serverless.zonalRedundancy: [false]")
        #expect(elsewhere.status != 0)
        #expect(elsewhere.error.contains(
            "serverless.zonalRedundancy applies to cloud-run only; sagemaker-async has no such choice"))
        let several = try sweep("option: t4\nparameters:\n  serverless.instanceType: [ml.g5.12xlarge]")
        #expect(several.status != 0)
        #expect(several.error.contains("serverless.instanceType ml.g5.12xlarge has 4 × A10G"), "\(several.error)")
    }
}
