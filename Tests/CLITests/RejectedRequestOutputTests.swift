import Foundation
import Testing

/// `costsim run` shows the requests a platform rejected — Cloud Run at one instance refuses
/// requests that wait more than 10 s for it — beside the timed-out ones, in the table and the JSON.
@Suite struct RejectedRequestOutputTests {
    @Test func runShowsTheRejectedShareBesideTheTimedOut() throws {
        let (directory, scenario, catalog) = try ServerlessCommandTests.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        try text.replacingOccurrences(of: "maxInstances: 3", with: "maxInstances: 1")
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--scenario", scenario, "--pricing", catalog, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let options = document?["options"] as? [[String: Any]] ?? []
        let cloudRun = try #require(options.first { $0["name"] as? String == "cloud-run" })
        let requests = try #require(cloudRun["requests"] as? [String: Int])
        let rejected = try #require(requests["rejected"])
        let arrived = try #require(requests["arrived"])
        #expect(rejected > 0)
        #expect(try #require(requests["timedOut"]) >= rejected)
        #expect(cloudRun["rejectedShare"] as? Double == Double(rejected) / Double(arrived))
        // Options whose platform rejects nothing have no rejected fields at all.
        let dedicated = try #require(options.first { $0["name"] as? String == "dedicated" })
        #expect((dedicated["requests"] as? [String: Int])?["rejected"] == nil)
        #expect(dedicated["rejectedShare"] == nil)

        let table = try CLIRunner.run(["run", "--scenario", scenario, "--pricing", catalog])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("timed out or rejected"))
        #expect(table.standardOutput.contains("\(rejected) rejected)"))
        #expect(table.standardOutput.contains(
            "(\(rejected)) were rejected with an error and count as failed: at serverless.maxInstances (1) cloud-run "
                + "refuses a request that finds no free slot within 10 s."))
    }

    @Test func sageMakerRealtimeExplainsItsRejections() throws {
        // A SageMaker real-time endpoint from zero: the first requests of each quiet spell are
        // rejected until the alarm's datapoint and the instance's start-up have passed.
        let directory = CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("sagemaker.csv")
        try """
            snapshot,effective_date,provider,region,sku_kind,sku,vcpus,memory_gib,gpu_model,gpu_count,\
            gpu_memory_gib,attachable_to,on_demand_usd_per_hour,spot_usd_per_hour,billing_increment_s,\
            billing_minimum_s,currency,source_url,source_date,notes
            2026-12-06,2026-12-06,aws,us-east-1,platform,sagemaker/ml.g4dn.xlarge,4,16,T4,1,16,,0.7364,,1,0,USD,\
            https://aws.amazon.com/sagemaker/pricing/,test fixture (hand-made 2026-12-06),"Test fixture: a round \
            real-time hosting rate, not the bundled catalog."

            """.write(to: csv, atomically: true, encoding: .utf8)
        let catalog = directory.appendingPathComponent("catalog.sqlite").path
        let imported = try CLIRunner.run(["pricing", "import", csv.path, "--output", catalog])
        #expect(imported.status == 0, "\(imported.standardError)")
        let scenario = directory.appendingPathComponent("realtime.yaml")
        try """
            name: realtime
            seed: 7
            horizon: 1d
            cloud: {provider: aws, region: us-east-1}
            workload:
              generate:
                speechMinutesPerDay: 60
                days: 1
                requestSize: {lognormal: {mean: 15s, p95: 45s}}
            inference: {workUnit: audio-seconds, secondsPerWorkUnit: 0.45}
            options:
              - name: endpoint
                serverless: {platform: sagemaker-realtime}

            """.write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--scenario", scenario.path, "--pricing", catalog])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("timed out or rejected"))
        #expect(outcome.standardOutput.contains(
            "were rejected with an error and count as failed: sagemaker-realtime refuses every request while no "
                + "instance is ready"))
    }
}
