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
    }
}
