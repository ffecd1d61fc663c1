import Foundation
import Testing

/// What the bundled EKS scenario says about Karpenter against the cluster autoscaler on the same
/// traffic (one day of it), and Karpenter's decisions in `--explain`.
@Suite struct KarpenterFindingTests {
    /// Idle-tail GPU node-hours (cooldown and scale-down tails) of `option` in a JSON result.
    static func tailHours(_ json: [String: Any], _ option: String) throws -> Double {
        let options = try #require(json["options"] as? [[String: Any]])
        let entry = try #require(options.first { $0["name"] as? String == option })
        let hours = try #require(entry["gpuNodeHours"] as? [String: Any])
        return try #require(hours["cooldownTail"] as? Double) + #require(hours["scaleDownTail"] as? Double)
    }

    @Test func theFindingsCompareTheProvisionersAndSayWhy() throws {
        let (directory, scenario) = try NodePoolOptionTests.oneDayScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try CLIRunner.run(["run", "--scenario", scenario])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains(
            "karpenter against cluster-autoscaler on the same traffic: idle tails "))
        #expect(text.standardOutput.contains(
            "Karpenter removes an empty node 20 s–30 s after it empties (consolidateAfter 0 s, the 10-s disruption "
                + "loop, a 15-s validation, a 5-s drain), the cluster autoscaler after 10 min"))
        #expect(text.standardOutput.contains("Karpenter to remove the node"))

        let json = try CLIRunner.run(["run", "--scenario", scenario, "--format", "json"])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(try Self.tailHours(result, "karpenter") < Self.tailHours(result, "cluster-autoscaler") / 2)
    }

    /// Names that do not say which provisioner an option uses get it in parentheses.
    @Test func theComparisonNamesTheProvisionerOfOtherwiseNamedOptions() throws {
        let (directory, scenario) = try NodePoolOptionTests.oneDayScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
            .replacingOccurrences(of: "- name: karpenter ", with: "- name: spot-pool ")
            .replacingOccurrences(of: "- name: cluster-autoscaler ", with: "- name: managed-group ")
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["run", "--scenario", scenario])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains(
            "spot-pool (Karpenter) against managed-group (cluster autoscaler) on the same traffic: idle tails "))
    }

    @Test func explainShowsKarpentersDecisions() throws {
        let (directory, scenario) = try NodePoolOptionTests.oneDayScenario()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(
            ["run", "--scenario", scenario, "--explain-actor", "karpenter", "--explain-to", "2h"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        for rule in [
            "batch closed: NodeClaim launched on g4dn.xlarge + 1×T4 (spot)", "NodeClaim registered",
            "NodeClaim initialized: nvidia.com/gpu allocatable", "emptiness: 1 empty node(s) past consolidateAfter 0 s",
            "emptiness validated: NodeClaim(s) deleted", "drained: instance terminated",
        ] {
            #expect(outcome.standardOutput.contains(rule), "missing: \(rule)")
        }
        #expect(!outcome.standardOutput.contains("  CA  "))
    }
}
