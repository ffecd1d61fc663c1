import CostModel
import Scenarios
import Simulator
import Testing

@testable import Sweeps

/// `karpenter.*` sweep parameters: read, bounded and applied through the Karpenter field table;
/// requirement and region sweeps resolve the offerings again from the sweep's catalog.
@Suite struct KarpenterGridTests {
    /// The tiny scenario with its autoscaled option moved to EKS us-east-1 under Karpenter, its
    /// node the cheapest offering the bundled catalog has for its requirements.
    static func scenario(requirements: [NodeRequirement] = []) throws -> Scenario {
        var scenario = Fixtures.scenario(replications: 1)
        guard case .autoscaled(var deployment) = scenario.options[1].kind else {
            throw SweepError.invalidConfiguration("expected an autoscaled option")
        }
        var karpenter = KarpenterSettings(requirements: requirements)
        karpenter.offerings = try PriceCatalog.bundled().karpenterOfferings(
            karpenter, provider: "aws", region: "us-east-1")
        deployment.node = karpenter.offerings[0]
        deployment.karpenter = karpenter
        scenario.options[1].kind = .autoscaled(deployment)
        return scenario
    }

    static func sweep(_ grid: String, scenario: Scenario? = nil) throws -> Sweep {
        try Sweep(
            scenario: scenario ?? Self.scenario(), grid: Grid.parse(yaml: grid, file: "k.yaml"), replications: 1,
            calculator: Fixtures.calculator())
    }

    static func karpenter(_ sweep: Sweep, _ index: Int) throws -> (NodeSpec, KarpenterSettings) {
        guard case .autoscaled(let deployment) = try sweep.configured(index).1.kind,
            let karpenter = deployment.karpenter
        else { throw SweepError.invalidConfiguration("expected a Karpenter option") }
        return (deployment.node, karpenter)
    }

    @Test func durationsPoliciesAndNeverExpandAsAProduct() throws {
        let sweep = try Self.sweep(
            """
            parameters:
              karpenter.consolidateAfter: [0s, 5m, Never]
              karpenter.consolidationPolicy: [WhenEmpty, WhenEmptyOrUnderutilized]
            """)
        #expect(sweep.grid.configurations.count == 6)
        let labels = sweep.grid.configurations.map { $0.map(\.description).joined(separator: " ") }
        #expect(labels[0] == "karpenter.consolidateAfter=0s karpenter.consolidationPolicy=WhenEmpty")
        #expect(labels[5] == "karpenter.consolidateAfter=Never karpenter.consolidationPolicy=WhenEmptyOrUnderutilized")
        let expected: [(Double?, KarpenterSettings.ConsolidationPolicy)] = [
            (0, .whenEmpty), (0, .whenEmptyOrUnderutilized), (300, .whenEmpty), (300, .whenEmptyOrUnderutilized),
            (nil, .whenEmpty), (nil, .whenEmptyOrUnderutilized),
        ]
        for (index, (after, policy)) in expected.enumerated() {
            let (_, karpenter) = try Self.karpenter(sweep, index)
            #expect(karpenter.consolidateAfterSeconds == after)
            #expect(karpenter.consolidationPolicy == policy)
        }
    }

    @Test func aDurationRangeIsBoundedByTheField() throws {
        let sweep = try Self.sweep("parameters:\n  karpenter.batchMaxDuration: {from: 5s, to: 15s, step: 5s}\n")
        #expect(try (0..<3).map { try Self.karpenter(sweep, $0).1.batchMaxSeconds } == [5, 10, 15])
        let error = #expect(throws: ScenarioFileError.self) {
            try Grid.parse(
                yaml: "parameters:\n  karpenter.batchIdleDuration: {from: 0s, to: 2s, step: 1s}\n", file: "k.yaml")
        }
        #expect(error?.line == 2)
        #expect(error?.message.contains("must be longer than 0 s") == true, "\(String(describing: error))")
        let negative = #expect(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: "parameters:\n  karpenter.consolidateAfter: [-30s]\n", file: "k.yaml")
        }
        #expect(negative?.description.contains("k.yaml:2") == true, "\(String(describing: negative))")
        #expect(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: "parameters:\n  karpenter.consolidationPolicy: [Sometimes]\n", file: "k.yaml")
        }
    }

    @Test func anInstanceFamilySweepResolvesTheOfferingsAgain() throws {
        // Bundled catalog, us-east-1: g4dn.xlarge spot 0.203, g6.xlarge spot 0.3821, g5.xlarge spot 0.436.
        let sweep = try Self.sweep(
            """
            parameters:
              karpenter.instanceFamilies: [g4dn, [g5, g6], g5]
            """)
        let nodes = try (0..<3).map { try Self.karpenter(sweep, $0).0 }
        #expect(nodes.map(\.machineType) == ["g4dn.xlarge", "g6.xlarge", "g5.xlarge"])
        #expect(nodes.allSatisfy { $0.spot })
        let (_, twoFamilies) = try Self.karpenter(sweep, 1)
        #expect(
            twoFamilies.requirements == [
                NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g5", "g6"])
            ])
        // The bundled catalog's one-GPU g5 and g6 types (the 12xlarge sizes have 4 GPUs: another shape).
        #expect(Set(twoFamilies.offerings.map(\.machineType)) == ["g5.xlarge", "g5.2xlarge", "g6.xlarge", "g6.2xlarge"])
        try sweep.validate()
    }

    @Test func capacityTypesAndLimitsApply() throws {
        let sweep = try Self.sweep(
            """
            configurations:
              - {karpenter.capacityTypes: on-demand, karpenter.limits.gpus: 2}
              - {karpenter.capacityTypes: [spot, on-demand], karpenter.interruptionQueue: true}
            """,
            scenario: Self.scenario(requirements: [
                NodeRequirement(key: KarpenterLabels.instanceType, operator: .in, values: ["g4dn.xlarge"])
            ]))
        let (onDemand, limited) = try Self.karpenter(sweep, 0)
        #expect(onDemand.machineType == "g4dn.xlarge" && !onDemand.spot)
        #expect(limited.maxGPUs == 2)
        let (spot, queued) = try Self.karpenter(sweep, 1)
        #expect(spot.spot)
        #expect(queued.interruptionQueue)
    }

    @Test func nothingAllowedAndNonKarpenterOptionsAreErrors() throws {
        let none = try Self.sweep("parameters:\n  karpenter.instanceTypes: [p9.xlarge]\n")
        let error = #expect(throws: SweepError.self) { try none.configured(0) }
        #expect("\(String(describing: error))".contains("instance-type In [p9.xlarge]"))
        let plain = try Self.sweep("parameters:\n  karpenter.consolidateAfter: [0s]\n", scenario: Fixtures.scenario())
        #expect(throws: SweepError.self) { try plain.configured(0) }
        let machine = try Self.sweep("parameters:\n  node.machineType: [g5.xlarge]\n")
        let misuse = #expect(throws: SweepError.self) { try machine.configured(0) }
        #expect("\(String(describing: misuse))".contains("karpenter.instanceTypes"))
    }

    @Test func karpenterSettingsSurviveTheResultsDatabaseText() throws {
        let settings = [
            ParameterSetting(.karpenterConsolidateAfter, .text("Never")),
            ParameterSetting(.karpenterInstanceFamilies, .text("g5,g6")),
            ParameterSetting(.karpenterLimitsNodes, .number(4)),
        ]
        let text = ResultsDatabase.parametersJSON(settings)
        #expect(try ResultsDatabase.parseParametersJSON(text, context: "t") == settings)
    }
}
