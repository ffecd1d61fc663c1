import Scenarios
import Simulator
import Testing
@testable import Sweeps

/// The KEDA field table: every row complete and listed in the docs, every `keda.*` sweep parameter
/// one row, its stated defaults KEDAConfiguration's, and each syntax read its own way.
@Suite struct KEDAFieldTests {
    static func node(_ text: String) throws -> ConfigNode { try FieldTables.node(text) }

    @Test func everyRowIsCompleteAndListedInTheDocs() throws {
        let docs = try FieldTables.doc("manifests.md")
        for field in KEDAField.allCases {
            #expect(!field.unit.isEmpty && !field.range.isEmpty && !field.defaultText.isEmpty && !field.source.isEmpty)
            let sweep = "`\(field.sweepName)`"
            let row = "| `\(field.key)` | `\(field.manifestPath)` | \(field.unit) | \(field.range) | "
                + "\(field.defaultText) | \(sweep) | \(field.source) |"
            #expect(docs.contains(row), "docs/manifests.md lacks \(row)")
        }
        #expect(Set(KEDAField.allCases.map(\.key)).count == KEDAField.allCases.count)
    }

    /// Each `keda.*` parameter is set by exactly one row, and each row's sweep name is a parameter.
    @Test func everyKEDASweepParameterIsOneRow() {
        let names = SweepParameter.names.filter { $0.hasPrefix("keda.") }
        #expect(names.count == KEDAField.allCases.count)
        for name in names {
            #expect(KEDAField.allCases.filter { $0.sweepName == name }.count == 1, "\(name)")
            #expect(SweepParameter(rawValue: name)?.kedaField?.sweepName == name)
        }
        #expect(Set(KEDAField.allCases.map(\.sweepName)) == Set(names))
    }

    /// The default a row states, read as a scenario writes it, is KEDAConfiguration's default.
    @Test func statedDefaultsAreTheConfigurationDefaults() throws {
        var keda = KEDAConfiguration(
            pollingIntervalSeconds: 1, cooldownPeriodSeconds: 2, initialCooldownPeriodSeconds: 3, minReplicaCount: 4,
            maxReplicaCount: 5,
            trigger: RabbitMQTrigger(
                targetValue: 6, activationValue: 7, queueProtocol: .http, excludeUnacknowledged: true))
        for field in KEDAField.allCases where field != .idleReplicaCount {
            let text = field == .queueProtocol ? "amqp" : field.defaultText
            field.apply(try field.parse(try Self.node(text), syntax: .scenario), to: &keda)
        }
        #expect(KEDAField.idleReplicaCount.defaultText == "unset")
        // Switching to AMQP also clears excludeUnacknowledged, so nothing of the changed values is left.
        #expect(keda == KEDAConfiguration())
    }

    @Test func eachSyntaxReadsItsOwnWay() throws {
        let polling = KEDAField.pollingInterval
        #expect(try polling.parse(try Self.node("1.5m"), syntax: .scenario) == .seconds(90))
        #expect(try polling.parse(try Self.node("0.5"), syntax: .scenario) == .seconds(0.5))
        #expect(try polling.parse(try Self.node("90"), syntax: .manifest) == .seconds(90))
        let unit = try #require(throws: ScenarioFileError.self) {
            try polling.parse(try Self.node("90s"), syntax: .manifest)
        }
        #expect(unit.description == "f.yaml:1: field 'f': '90s' is not a whole number")
        let zero = try #require(throws: ScenarioFileError.self) {
            try polling.parse(try Self.node("0"), syntax: .manifest)
        }
        #expect(zero.description == "f.yaml:1: field 'f': must be within 1 … 2147483647, got 0")

        let protocolField = KEDAField.queueProtocol
        #expect(try protocolField.parse(try Self.node("auto"), syntax: .manifest) == .queueProtocol(nil))
        #expect(throws: ScenarioFileError.self) { try protocolField.parse(try Self.node("auto"), syntax: .scenario) }
        var keda = KEDAConfiguration()
        protocolField.apply(.queueProtocol(nil), to: &keda)   // auto leaves the protocol to the host's scheme
        #expect(keda == KEDAConfiguration())

        // Manifests word numbers as Kubernetes prints them.
        let activation = KEDAField.activationValue
        let scenario = try #require(throws: ScenarioFileError.self) {
            try activation.parse(try Self.node("-1"), syntax: .scenario)
        }
        let manifest = try #require(throws: ScenarioFileError.self) {
            try activation.parse(try Self.node("-1"), syntax: .manifest)
        }
        #expect(scenario.message == "must be >= 0, got -1.0")
        #expect(manifest.message == "must be >= 0, got -1")
    }

    /// A sweep sets a field through the same apply: `keda.protocol=amqp` after HTTP clears
    /// excludeUnacknowledged; a word that is no protocol is refused rather than read as AMQP.
    @Test func sweepValuesGoThroughTheTable() throws {
        var scenario = Fixtures.scenario()
        guard case .autoscaled(var deployment) = scenario.options[1].kind, case .keda(var keda) = deployment.autoscaler
        else { Issue.record("the fixture's option 1 is a KEDA option"); return }
        keda.trigger.queueProtocol = .http
        keda.trigger.excludeUnacknowledged = true
        deployment.autoscaler = .keda(keda)
        scenario.options[1].kind = .autoscaled(deployment)
        try ParameterSetting(.kedaProtocol, .text("amqp")).apply(to: &scenario, optionIndex: 1)
        try ParameterSetting(.kedaMinReplicaCount, .number(2)).apply(to: &scenario, optionIndex: 1)
        guard case .autoscaled(let swept) = scenario.options[1].kind, case .keda(let sweptKEDA) = swept.autoscaler
        else { Issue.record("still a KEDA option"); return }
        #expect(sweptKEDA.trigger.queueProtocol == .amqp && !sweptKEDA.trigger.excludeUnacknowledged)
        #expect(sweptKEDA.minReplicaCount == 2)
        let error = try #require(throws: SweepError.self) {
            try ParameterSetting(.kedaProtocol, .text("https")).apply(to: &scenario, optionIndex: 1)
        }
        #expect(error.description.contains("keda.protocol https: not a value of trigger.protocol"))
    }
}

/// The KEDA fields a scenario may leave unset are sweep parameters too, read, bounded and applied
/// by their rows; an idle count a configuration's minReplicaCount does not allow is refused
/// before anything runs.
@Suite struct KEDAOptionalSweepFieldTests {
    @Test func initialCooldownIdleCountAndActivationValueAreSwept() throws {
        var scenario = Fixtures.scenario()
        for setting in [
            ParameterSetting(.kedaMinReplicaCount, .number(2)), ParameterSetting(.kedaIdleReplicaCount, .number(1)),
            ParameterSetting(.kedaInitialCooldownPeriod, .number(120)),
            ParameterSetting(.kedaActivationValue, .number(2.5)),
        ] {
            try setting.apply(to: &scenario, optionIndex: 1)
        }
        guard case .autoscaled(let deployment) = scenario.options[1].kind,
            case .keda(let keda) = deployment.autoscaler
        else { Issue.record("the fixture's option 1 is a KEDA option"); return }
        #expect(keda.minReplicaCount == 2 && keda.idleReplicaCount == 1)
        #expect(keda.initialCooldownPeriodSeconds == 120 && keda.trigger.activationValue == 2.5)
        let label = ParameterSetting(.kedaInitialCooldownPeriod, .number(120)).description
        #expect(label == "keda.initialCooldownPeriod=120s")

        let negative = try #require(throws: SweepError.self) {
            try ParameterSetting(.kedaActivationValue, .number(-1)).apply(to: &scenario, optionIndex: 1)
        }
        #expect(negative.description.contains("keda.activationValue -1: must be >= 0, got -1"))
        let fraction = try #require(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: "parameters:\n  keda.idleReplicaCount: [0.5]\n", file: "g.yaml")
        }
        #expect(fraction.message == "'0.5' is not a whole number")

        // The fixture's minReplicaCount is 0: no idle count is below it.
        let grid = try Grid.parse(
            yaml: "parameters:\n  keda.idleReplicaCount: [0]\n"
                + "  keda.initialCooldownPeriod: {from: 0s, to: 1m, step: 30s}\n",
            file: "g.yaml")
        #expect(grid.configurations.count == 3)
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: grid, replications: 1, calculator: Fixtures.calculator())
        let invalid = try #require(throws: SweepError.self) { try sweep.validate() }
        #expect(invalid.description.contains("idleReplicaCount must be >= 0 and below minReplicaCount"))
    }
}
