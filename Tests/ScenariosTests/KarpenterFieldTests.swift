import Scenarios
import Simulator
import Testing
import Yams

/// The Karpenter field table: every row complete, its stated defaults equal to
/// KarpenterSettings' defaults, and values checked the same way whoever sets them.
@Suite struct KarpenterFieldTests {
    static func node(_ text: String, path: String = "f") throws -> ConfigNode {
        ConfigNode(node: try #require(try Yams.compose(yaml: text)), file: "f.yaml", path: path)
    }

    @Test func everyRowIsComplete() {
        for field in KarpenterField.allCases {
            #expect(!field.unit.isEmpty && !field.range.isEmpty && !field.defaultText.isEmpty && !field.source.isEmpty)
            #expect(field.sweepName == "karpenter." + field.key)
        }
        #expect(Set(KarpenterField.allCases.map(\.key)).count == KarpenterField.allCases.count)
    }

    /// The default a row states, parsed as a user would write it, is KarpenterSettings' default.
    @Test func statedDefaultsAreTheSettingsDefaults() throws {
        let stated: [KarpenterField: String] = [
            .batchIdleDuration: "1s", .batchMaxDuration: "10s", .interruptionQueue: "false",
            .consolidationPolicy: "WhenEmptyOrUnderutilized", .consolidateAfter: "0s", .expireAfter: "720h",
            .budgets: "[{nodes: 10%}]",
        ]
        for (field, text) in stated {
            #expect(field.defaultText == text)
            var settings = KarpenterSettings(consolidateAfterSeconds: 42)
            settings.batchIdleSeconds = 0.25
            settings.batchMaxSeconds = 99
            settings.interruptionQueue = true
            settings.consolidationPolicy = .balanced
            settings.expireAfterSeconds = nil
            settings.budgets = []
            field.apply(try field.parse(try Self.node(text)), to: &settings, provider: "aws")
            let reference = KarpenterSettings()
            switch field {
            case .batchIdleDuration: #expect(settings.batchIdleSeconds == reference.batchIdleSeconds)
            case .batchMaxDuration: #expect(settings.batchMaxSeconds == reference.batchMaxSeconds)
            case .interruptionQueue: #expect(settings.interruptionQueue == reference.interruptionQueue)
            case .consolidationPolicy: #expect(settings.consolidationPolicy == reference.consolidationPolicy)
            case .consolidateAfter: #expect(settings.consolidateAfterSeconds == reference.consolidateAfterSeconds)
            case .expireAfter: #expect(settings.expireAfterSeconds == reference.expireAfterSeconds)
            case .budgets: #expect(settings.budgets == reference.budgets)
            default: Issue.record("unexpected field \(field)")
            }
        }
    }

    /// The bounds a sweep applies to values it builds itself are the readers' bounds.
    @Test func problemsForValuesBuiltInCode() {
        #expect(KarpenterField.consolidateAfter.problem(with: .seconds(-1)) == "'-1' is not a duration")
        #expect(KarpenterField.consolidateAfter.problem(with: .seconds(nil)) == nil)
        #expect(KarpenterField.consolidateAfter.problem(with: .seconds(4e9)) == "'4000000000s' is more than 100 years")
        #expect(KarpenterField.batchMaxDuration.problem(with: .seconds(0)) == "must be longer than 0 s")
        #expect(KarpenterField.expireAfter.problem(with: .seconds(.nan)) == "'nan' is not a duration")
        #expect(
            KarpenterField.consolidationPolicy.problem(with: .seconds(1)) == "is not a value for consolidationPolicy")
        #expect(KarpenterField.limitsGPUs.problem(with: .count(10_001)) == "must be within 0 … 10000, got 10001")
        #expect(
            KarpenterField.budgets.problem(with: .budgets([DisruptionBudget(nodes: .percent(101))]))
                == "nodes must be a percentage within 0% … 100%, got 101%")
        #expect(KarpenterField.capacityTypes.problem(with: .words([])) == "needs at least one capacity type")
    }

    /// A list field replaces its requirement rather than adding a second one (a sweep over
    /// instance families sets one family per run).
    @Test func listFieldsReplaceTheirRequirement() {
        var settings = KarpenterSettings()
        KarpenterField.instanceFamilies.apply(.words(["g4dn"]), to: &settings, provider: "aws")
        KarpenterField.instanceFamilies.apply(.words(["g6"]), to: &settings, provider: "aws")
        KarpenterField.capacityTypes.apply(.words(["spot"]), to: &settings, provider: "aws")
        #expect(
            settings.requirements == [
                NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g6"]),
                NodeRequirement(key: "karpenter.sh/capacity-type", operator: .in, values: ["spot"]),
            ])
    }

    @Test func manifestDurationsFollowTheCRDPattern() throws {
        let field = KarpenterField.consolidateAfter
        #expect(try field.parse(try Self.node("2h30m"), syntax: .manifest) == .seconds(9000))
        #expect(try field.parse(try Self.node("0s"), syntax: .manifest) == .seconds(0))
        #expect(try field.parse(try Self.node("Never"), syntax: .manifest) == .seconds(nil))
        for text in ["90", "1.5h", "500ms", "1d", "m5", "5mm", "s"] {
            #expect(throws: ScenarioFileError.self, "\(text)") {
                try field.parse(try Self.node(text), syntax: .manifest)
            }
        }
        // The same texts in a scenario use costsim's duration syntax.
        #expect(try field.parse(try Self.node("90")) == .seconds(90))
        #expect(try field.parse(try Self.node("1d")) == .seconds(86_400))
    }
}
