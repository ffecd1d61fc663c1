import Scenarios
import Simulator
import Testing
import Yams

/// Scenario keys under `autoscaled.karpenter`: every field parsed, bounded and applied through
/// the field table; errors name the file, line and field.
@Suite struct KarpenterScenarioKeysTests {
    static func read(_ yaml: String, provider: String = "aws") throws -> KarpenterSettings {
        let root = try #require(try Yams.compose(yaml: yaml))
        return try ConfigNode(node: root, file: "s.yaml", path: "autoscaled.karpenter").karpenterSettings(
            provider: provider)
    }

    static func error(_ yaml: String, provider: String = "aws") throws -> ScenarioFileError {
        let root = try #require(try Yams.compose(yaml: yaml))
        do {
            _ = try ConfigNode(node: root, file: "s.yaml", path: "autoscaled.karpenter").karpenterSettings(
                provider: provider)
        } catch {
            return error
        }
        Issue.record("expected an error")
        return ScenarioFileError(file: "", message: "")
    }

    @Test func everyKey() throws {
        let settings = try Self.read(
            """
            batchIdleDuration: 500ms
            batchMaxDuration: 30s
            interruptionQueue: true
            consolidationPolicy: WhenEmpty
            consolidateAfter: 5m
            budgets: [{nodes: "2", reasons: [Empty]}, {nodes: 50%}]
            expireAfter: 30d
            terminationGracePeriod: 1h
            capacityTypes: [spot, on-demand]
            instanceFamilies: [g4dn, g6]
            instanceTypes: g5.xlarge
            limits: {nodes: 4, gpus: 3}
            """)
        #expect(settings.batchIdleSeconds == 0.5)
        #expect(settings.batchMaxSeconds == 30)
        #expect(settings.nominationSeconds == 60)
        #expect(settings.interruptionQueue)
        #expect(settings.consolidationPolicy == .whenEmpty)
        #expect(settings.consolidateAfterSeconds == 300)
        #expect(
            settings.budgets == [
                DisruptionBudget(nodes: .count(2), reasons: [.empty]), DisruptionBudget(nodes: .percent(50)),
            ])
        #expect(settings.expireAfterSeconds == 2_592_000.0)
        #expect(settings.terminationGracePeriodSeconds == 3600)
        #expect(
            settings.requirements == [
                NodeRequirement(key: "karpenter.sh/capacity-type", operator: .in, values: ["spot", "on-demand"]),
                NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g4dn", "g6"]),
                NodeRequirement(key: "node.kubernetes.io/instance-type", operator: .in, values: ["g5.xlarge"]),
            ])
        #expect(settings.maxNodes == 4)
        #expect(settings.maxGPUs == 3)
    }

    @Test func emptyMappingKeepsKarpentersDefaults() throws {
        #expect(try Self.read("{}") == KarpenterSettings())
    }

    @Test func neverAndAzureFamilies() throws {
        let settings = try Self.read(
            "consolidateAfter: Never\nexpireAfter: Never\ninstanceFamilies: [N]", provider: "azure")
        #expect(settings.consolidateAfterSeconds == nil)
        #expect(settings.expireAfterSeconds == nil)
        #expect(
            settings.requirements == [
                NodeRequirement(key: "karpenter.azure.com/sku-family", operator: .in, values: ["N"])
            ])
    }

    @Test func errorsNameTheField() throws {
        let cases: [(String, String)] = [
            (
                "consolidationPolicy: WhenIdle",
                "s.yaml:1: field 'autoscaled.karpenter.consolidationPolicy': 'WhenIdle' is not one of: "
                    + "Balanced, WhenEmpty, "
                    + "WhenEmptyOrUnderutilized"
            ),
            (
                "consolidateAfter: -30s",
                "s.yaml:1: field 'autoscaled.karpenter.consolidateAfter': '-30s' is negative; "
                    + "a duration must be 0 or more"
            ),
            (
                "expireAfter: soon",
                "s.yaml:1: field 'autoscaled.karpenter.expireAfter': 'soon' is not a duration "
                    + "(use seconds, or a number "
                    + "with ms, s, m, h or d, e.g. 90s, 10m, 30d)"
            ),
            (
                "expireAfter: 0s",
                "s.yaml:1: field 'autoscaled.karpenter.expireAfter': must be longer than 0 s (or Never)"
            ),
            (
                "batchIdleDuration: 0s",
                "s.yaml:1: field 'autoscaled.karpenter.batchIdleDuration': must be longer than 0 s"
            ),
            (
                "batchMaxDuration: Never",
                "s.yaml:1: field 'autoscaled.karpenter.batchMaxDuration': 'Never' is not allowed here; give a duration"
            ),
            (
                "terminationGracePeriod: 200y",
                "s.yaml:1: field 'autoscaled.karpenter.terminationGracePeriod': '200y' is not a duration "
                    + "(use seconds, or "
                    + "a number with ms, s, m, h or d, e.g. 90s, 10m, 30d)"
            ),
            (
                "capacityTypes: [spot, preemptible]",
                "s.yaml:1: field 'autoscaled.karpenter.capacityTypes': 'preemptible' is not a capacity type (one of: "
                    + "reserved, spot, on-demand)"
            ),
            (
                "instanceFamilies: []",
                "s.yaml:1: field 'autoscaled.karpenter.instanceFamilies': needs 1 … 100 names, got 0"
            ),
            (
                "limits: {gpus: -1}",
                "s.yaml:1: field 'autoscaled.karpenter.limits.gpus': must be within 0 … 10000, got -1"
            ),
            (
                "interruptionQueue: maybe",
                "s.yaml:1: field 'autoscaled.karpenter.interruptionQueue': 'maybe' is not true or false"
            ),
            (
                "budgets: [{nodes: 10%, schedule: '@daily'}]",
                "s.yaml:1: field 'autoscaled.karpenter.budgets[0].schedule': unknown key 'schedule' "
                    + "(known here: nodes, reasons)"
            ),
            ("budgets: []", "s.yaml:1: field 'autoscaled.karpenter.budgets': needs 1 … 50 budgets, got 0"),
            (
                "batchIdleDuration: 20s",
                "s.yaml:1: field 'autoscaled.karpenter': Karpenter batch durations must satisfy 0 < idle <= max"
            ),
        ]
        for (yaml, expected) in cases {
            #expect(try Self.error(yaml).description == expected, "\(yaml)")
        }
        let unknown = try Self.error("consolidateAfter: 0s\nconsolidationDelay: 1m")
        #expect(unknown.field == "autoscaled.karpenter.consolidationDelay")
        #expect(
            unknown.message.hasPrefix(
                "unknown key 'consolidationDelay' (known here: batchIdleDuration, batchMaxDuration"))
        let limits = try Self.error("limits: {cpu: 8}")
        #expect(
            limits.description
                == "s.yaml:1: field 'autoscaled.karpenter.limits.cpu': unknown key 'cpu' (known here: gpus, nodes)")
    }

    @Test func providerChecks() throws {
        #expect(try Self.error("{}", provider: "gcp").message.hasPrefix("Karpenter runs on aws (EKS) or azure"))
        #expect(
            try Self.error("interruptionQueue: true", provider: "azure").message
                == "an interruption queue exists on aws only (Azure has no SQS interruption controller)")
        #expect(try Self.read("interruptionQueue: false", provider: "azure").interruptionQueue == false)
    }
}
