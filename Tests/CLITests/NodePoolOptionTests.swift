import Foundation
import Testing

/// `--nodepool FILE` and a NodePool inside the `--keda` file: Karpenter takes over the chosen
/// option's nodes, with the NodePool's offerings resolved from the price catalog.
@Suite struct NodePoolOptionTests {
    /// A one-day copy of the bundled EKS scenario in a fresh directory (the run takes a second).
    static func oneDayScenario() throws -> (directory: URL, path: String) {
        let directory = CLIRunner.temporaryDirectory()
        let text = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("scenarios/eks-karpenter-t4.yaml"),
            encoding: .utf8)
        let oneDay = text.replacingOccurrences(of: "horizon: 30d", with: "horizon: 1d")
            .replacingOccurrences(of: "days: 30", with: "days: 1")
        let path = directory.appendingPathComponent("eks.yaml").path
        try oneDay.write(toFile: path, atomically: true, encoding: .utf8)
        return (directory, path)
    }

    /// `Tests/Fixtures/karpenter/eks-gpu-nodepool.yaml` (g4dn family, spot and on-demand) with
    /// `changes` (text → replacement) made, written to `directory`.
    static func editedNodePool(_ changes: [(String, String)], in directory: URL) throws -> String {
        var text = try String(
            contentsOfFile: CLIRunner.fixture("karpenter/eks-gpu-nodepool.yaml"), encoding: .utf8)
        for (old, new) in changes {
            #expect(text.contains(old), "the fixture no longer has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let path = directory.appendingPathComponent("nodepool.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The karpenter option's GPU cost per GPU node-hour, in USD per hour (monthly figures are
    /// the day's × 730 / 24).
    static func gpuRate(_ outcome: CLIRunner.Outcome) throws -> Double {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let options = try #require(json["options"] as? [[String: Any]])
        let option = try #require(options.first { $0["name"] as? String == "karpenter" })
        let hours = try #require((option["gpuNodeHours"] as? [String: Any])?["total"] as? Double)
        let byState = try #require(
            (option["monthlyCostByComponent"] as? [String: Any])?["gpuByState"] as? [String: String])
        let monthly = byState.values.compactMap(Double.init).reduce(0, +)
        return monthly / (hours * 730 / 24)
    }

    @Test func aNodePoolFileChoosesTheCheapestOfferingItAllows() throws {
        let (directory, scenario) = try Self.oneDayScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = try CLIRunner.run(["run", "--scenario", scenario, "--format", "json"])
        #expect(base.status == 0, "\(base.standardError)")
        // The scenario's pool: g4dn.xlarge on spot at 0.203 USD/h (bundled catalog, us-east-1).
        #expect(abs(try Self.gpuRate(base) - 0.203) < 0.203 * 0.02)

        let pool = try Self.editedNodePool(
            [("[\"spot\", \"on-demand\"]", "[\"on-demand\"]"), ("[\"g4dn\"]", "[\"g5\", \"g6\"]")], in: directory)
        let outcome = try CLIRunner.run([
            "run", "--scenario", scenario, "--nodepool", pool, "--keda-option", "karpenter", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // On-demand g5.xlarge 1.006 and g6.xlarge 0.8048 USD/h: the cheaper g6 is the node.
        #expect(abs(try Self.gpuRate(outcome) - 0.8048) < 0.8048 * 0.02)
    }

    @Test func nodePoolWarningsGoToStandardError() throws {
        let (directory, scenario) = try Self.oneDayScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = CLIRunner.fixture("karpenter/eks-gpu-nodepool.yaml")
        let outcome = try CLIRunner.run([
            "run", "--scenario", scenario, "--nodepool", fixture, "--keda-option", "karpenter",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("eks-gpu-nodepool.yaml:"))
        #expect(outcome.standardError.contains("zones are not modelled"))
    }

    @Test func aNodePoolInTheKEDAFileIsRead() throws {
        let (directory, scenario) = try Self.oneDayScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = CLIRunner.fixture("karpenter/keda-and-nodepool.yaml")
        let outcome = try CLIRunner.run([
            "run", "--scenario", scenario, "--keda", manifest, "--keda-option", "karpenter", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("NodePool"), "\(outcome.standardError)")   // read, not ignored

        // On GKE the NodePool's EC2NodeClass does not fit: the error names the file and the fix.
        let gke = try CLIRunner.run(["run", "--keda", manifest])
        #expect(gke.status != 0)
        #expect(gke.standardError.contains("keda-and-nodepool.yaml"), "\(gke.standardError)")
        #expect(gke.standardError.contains("set the scenario's cloud.provider to aws"), "\(gke.standardError)")

        let twice = try CLIRunner.run([
            "run", "--scenario", scenario, "--keda", manifest, "--nodepool",
            CLIRunner.fixture("karpenter/eks-gpu-nodepool.yaml"),
        ])
        #expect(twice.status != 0)
        #expect(twice.standardError.contains("holds a NodePool and --nodepool gives another"), "\(twice.standardError)")
    }

    @Test func badNodePoolsNameFileLineAndField() throws {
        let (directory, scenario) = try Self.oneDayScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try Self.editedNodePool(
            [("consolidationPolicy: WhenEmpty", "consolidationPolicy: Sometimes")], in: directory)
        let bad = try CLIRunner.run(["run", "--scenario", scenario, "--nodepool", policy])
        #expect(bad.status != 0)
        #expect(
            bad.standardError.contains("nodepool.yaml:40: field 'spec.disruption.consolidationPolicy'"),
            "\(bad.standardError)")

        let family = try Self.editedNodePool([("[\"g4dn\"]", "[\"p9\"]")], in: directory)
        let none = try CLIRunner.run(["run", "--scenario", scenario, "--nodepool", family])
        #expect(none.status != 0)
        #expect(none.standardError.contains("nodepool.yaml: NodePool 'gpu-t4'"), "\(none.standardError)")
        #expect(none.standardError.contains("karpenter.k8s.aws/instance-family In [p9]"), "\(none.standardError)")
        #expect(none.standardError.contains("aws/us-east-1"), "\(none.standardError)")
    }

    @Test(arguments: [["run"], ["report"], ["validate"], ["sweep", "run"], ["recommend"], ["diff"]])
    func everyCommandThatTakesKEDATakesNodePool(_ command: [String]) throws {
        let help = try CLIRunner.run(command + ["--help"]).standardOutput
        #expect(help.contains("--keda <manifest.yaml>"), "\(help)")
        #expect(help.contains("--nodepool <nodepool.yaml>"), "\(help)")
    }
}
