import Scenarios
import Simulator
import Testing
@testable import Sweeps

/// The cluster-autoscaler field table: every row complete and listed in the docs, every `ca.*`
/// sweep parameter but the profile one row, and its stated defaults the upstream defaults.
@Suite struct ClusterAutoscalerFieldTests {
    static func node(_ text: String) throws -> ConfigNode { try FieldTables.node(text) }

    @Test func everyRowIsCompleteAndListedInTheDocs() throws {
        let docs = try FieldTables.doc("scenario-format.md")
        for field in ClusterAutoscalerField.allCases {
            #expect(!field.unit.isEmpty && !field.range.isEmpty && !field.defaultText.isEmpty && !field.source.isEmpty)
            let flag = field.flag.map { "`\($0)`" } ?? "—"
            let sweep = field.sweepName.map { "`\($0)`" } ?? "—"
            let row = "| `\(field.key)` | \(flag) | \(field.unit) | \(field.range) | \(field.defaultText) | \(sweep) | "
                + "\(field.source) |"
            #expect(docs.contains(row), "docs/scenario-format.md lacks \(row)")
        }
        #expect(Set(ClusterAutoscalerField.allCases.map(\.key)).count == ClusterAutoscalerField.allCases.count)
    }

    @Test func everyCASweepParameterButTheProfileIsOneRow() {
        let names = SweepParameter.names.filter { $0.hasPrefix("ca.") && $0 != "ca.profile" }
        #expect(names.count == 2)
        for name in names {
            #expect(ClusterAutoscalerField.allCases.filter { $0.sweepName == name }.count == 1, "\(name)")
            #expect(SweepParameter(rawValue: name)?.clusterAutoscalerField?.sweepName == name)
        }
        #expect(Set(ClusterAutoscalerField.allCases.compactMap(\.sweepName)) == Set(names))
    }

    /// The default a row states, read as a scenario writes it, is the upstream default; applied
    /// over settings that differ in every field, they give the upstream defaults back.
    @Test func statedDefaultsAreTheUpstreamDefaults() throws {
        var settings = ClusterAutoscalerSettings(
            scanIntervalSeconds: 1, scaleDownUnneededSeconds: 2, scaleDownUnreadySeconds: 3,
            scaleDownDelayAfterAddSeconds: 4, scaleDownDelayAfterDeleteSeconds: 5, gpuUtilizationThreshold: 0.25,
            gpuPodAgeBufferSeconds: 6, deleteDelayAfterTaintSeconds: 7, maxEmptyBulkDelete: 8,
            initialBackoffSeconds: 9, maxBackoffSeconds: 11, backoffResetTimeoutSeconds: 12, frequentLoops: false)
        for field in ClusterAutoscalerField.allCases {
            field.apply(try field.parse(try Self.node(field.defaultText)), to: &settings)
        }
        #expect(settings == .upstreamDefaults)
    }

    @Test func sweepValuesGoThroughTheTable() throws {
        var scenario = Fixtures.scenario()
        try ParameterSetting(.caScaleDownUnneededTime, .number(120)).apply(to: &scenario, optionIndex: 1)
        try ParameterSetting(.caScaleDownDelayAfterAdd, .number(30)).apply(to: &scenario, optionIndex: 1)
        guard case .autoscaled(let deployment) = scenario.options[1].kind else {
            Issue.record("the fixture's option 1 is autoscaled")
            return
        }
        #expect(deployment.clusterAutoscaler.scaleDownUnneededSeconds == 120)
        #expect(deployment.clusterAutoscaler.scaleDownDelayAfterAddSeconds == 30)
        #expect(throws: SweepError.self) {
            try ParameterSetting(.caScaleDownUnneededTime, .number(-1)).apply(to: &scenario, optionIndex: 1)
        }
    }
}
