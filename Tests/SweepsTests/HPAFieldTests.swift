import Simulator
import Testing
@testable import Scenarios
@testable import Sweeps

/// The HPA field table: every row complete and listed in the docs, every `hpa.*` sweep parameter
/// but `hpa.behavior` one row, its stated defaults HPASettings' and the API server's behavior
/// defaults, and each syntax read its own way.
@Suite struct HPAFieldTests {
    static func node(_ text: String) throws -> ConfigNode { try FieldTables.node(text) }

    @Test func everyRowIsCompleteAndListedInTheDocs() throws {
        let docs = try FieldTables.doc("scenario-format.md")
        for field in HPAField.allCases {
            #expect(!field.unit.isEmpty && !field.range.isEmpty && !field.defaultText.isEmpty && !field.source.isEmpty)
            #expect((field.flag == nil) != (field.manifestPath == nil), "\(field): a flag or a manifest field")
            let flag = field.flag.map { "`\($0)`" } ?? "—"
            let manifest = field.manifestPath.map { "`\($0)`" } ?? "—"
            let sweep = field.sweepName.map { "`\($0)`" } ?? "—"
            let row = "| `\(field.key)` | \(flag) | \(manifest) | \(field.unit) | \(field.range) | "
                + "\(field.defaultText) | \(sweep) | \(field.source) |"
            #expect(docs.contains(row), "docs/scenario-format.md lacks \(row)")
        }
        #expect(Set(HPAField.allCases.map(\.key)).count == HPAField.allCases.count)
    }

    @Test func everyHPASweepParameterButTheBehaviorChoiceIsOneRow() {
        let names = SweepParameter.names.filter { $0.hasPrefix("hpa.") && $0 != "hpa.behavior" }
        #expect(names == [
            "hpa.syncPeriod", "hpa.tolerance", "hpa.downscaleStabilization", "hpa.scaleUp.stabilizationWindow",
            "hpa.scaleDown.stabilizationWindow",
        ])
        for name in names {
            #expect(HPAField.allCases.filter { $0.sweepName == name }.count == 1, "\(name)")
            #expect(SweepParameter(rawValue: name)?.hpaField?.sweepName == name)
        }
        #expect(Set(HPAField.allCases.compactMap(\.sweepName)) == Set(names))
        #expect(SweepParameter.hpaBehavior.hpaField == nil)
    }

    /// The defaults the rows state, read as a scenario writes them and applied over settings that
    /// differ in every field, give HPASettings' defaults (15 s, 0.1, 300 s) and the API server's
    /// behavior back.
    @Test func statedDefaultsAreTheDefaults() throws {
        var settings = HPASettings(syncPeriodSeconds: 1, tolerance: 0.5, downscaleStabilizationSeconds: 2)
        let other = HPABehavior.Rules(
            stabilizationWindowSeconds: 7, policies: [HPABehavior.Policy(kind: .pods, value: 1, periodSeconds: 1)],
            selectPolicy: .disabled)
        var behavior = HPABehavior(scaleUp: other, scaleDown: other)
        for field in HPAField.allCases {
            let value = try field.parse(try Self.node(field.defaultText), syntax: .scenario)
            if field.direction == nil {
                field.apply(value, to: &settings)
            } else {
                field.apply(value, to: &behavior)
            }
        }
        #expect(settings == HPASettings())
        #expect(settings.syncPeriodSeconds == 15 && settings.tolerance == 0.1)
        #expect(settings.downscaleStabilizationSeconds == 300)
        #expect(behavior == HPABehavior())
        #expect(behavior.scaleDown.stabilizationWindowSeconds == 300 && behavior.scaleUp.policies.count == 2)
    }

    @Test func eachSyntaxReadsItsOwnWay() throws {
        let window = HPAField.scaleDownStabilizationWindow
        #expect(try window.parse(try Self.node("1.5m"), syntax: .scenario) == .seconds(90))
        #expect(try window.parse(try Self.node("90"), syntax: .manifest) == .seconds(90))
        let unit = try #require(throws: ScenarioFileError.self) {
            try window.parse(try Self.node("90s"), syntax: .manifest)
        }
        #expect(unit.description == "f.yaml:1: field 'f': '90s' is not a whole number")
        let long = try #require(throws: ScenarioFileError.self) {
            try window.parse(try Self.node("3601"), syntax: .manifest)
        }
        #expect(long.message == "must be within 0 … 3600, got 3601")

        // A manifest's empty list keeps the default policies; a scenario's sets none.
        let policies = HPAField.scaleUpPolicies
        #expect(try policies.parse(try Self.node("[]"), syntax: .manifest) == .policies(nil))
        #expect(try policies.parse(try Self.node("[]"), syntax: .scenario) == .policies([]))
        var behavior = HPABehavior()
        policies.apply(.policies(nil), to: &behavior)
        #expect(behavior == HPABehavior())

        // A key a policy does not know: an error in a scenario, a warning in a manifest.
        let scenario = try #require(throws: ScenarioFileError.self) {
            try policies.parse(try Self.node("[{type: Pods, value: 2, period: 30s, extra: 1}]"), syntax: .scenario)
        }
        #expect(scenario.message == "unknown key 'extra' (known here: period, type, value)")
        let log = ManifestWarningLog(file: "f.yaml")
        let read = try policies.parse(
            try Self.node("[{type: Pods, value: 2, periodSeconds: 30, extra: 1}]"), syntax: .manifest, log: log)
        #expect(read == .policies([HPABehavior.Policy(kind: .pods, value: 2, periodSeconds: 30)]))
        #expect(log.warnings.map(\.field) == ["f[0].extra"])
        let period = try #require(throws: ScenarioFileError.self) {
            try policies.parse(try Self.node("[{type: Pods, value: 2, periodSeconds: 1801}]"), syntax: .manifest)
        }
        #expect(period.message == "must be within 1 … 1800, got 1801")

        let select = try #require(throws: ScenarioFileError.self) {
            try HPAField.scaleUpSelectPolicy.parse(try Self.node("max"), syntax: .manifest)
        }
        #expect(select.message == "'max' is not one of: Disabled, Max, Min")
        let sync = try #require(throws: ScenarioFileError.self) {
            try HPAField.syncPeriod.parse(try Self.node("0s"), syntax: .scenario)
        }
        #expect(sync.message == "must be longer than 0 s")
    }

    /// A sweep sets the controller flags through the same apply, on KEDA options only, and holds
    /// the values to the scenario's rules.
    @Test func sweepValuesGoThroughTheTable() throws {
        var scenario = Fixtures.scenario()
        try ParameterSetting(.hpaSyncPeriod, .number(30)).apply(to: &scenario, optionIndex: 1)
        try ParameterSetting(.hpaTolerance, .number(0.25)).apply(to: &scenario, optionIndex: 1)
        try ParameterSetting(.hpaDownscaleStabilization, .number(0)).apply(to: &scenario, optionIndex: 1)
        guard case .autoscaled(let deployment) = scenario.options[1].kind else {
            Issue.record("the fixture's option 1 is autoscaled")
            return
        }
        #expect(deployment.hpa == HPASettings(syncPeriodSeconds: 30, tolerance: 0.25, downscaleStabilizationSeconds: 0))
        let zero = try #require(throws: SweepError.self) {
            try ParameterSetting(.hpaSyncPeriod, .number(0)).apply(to: &scenario, optionIndex: 1)
        }
        #expect(zero.description.contains("hpa.syncPeriod 0: must be longer than 0 s"))
        let dedicated = try #require(throws: SweepError.self) {
            try ParameterSetting(.hpaTolerance, .number(0.2)).apply(to: &scenario, optionIndex: 0)
        }
        #expect(dedicated.description.contains("hpa.tolerance needs an autoscaled option"))
        #expect(ParameterSetting(.hpaSyncPeriod, .number(30)).description == "hpa.syncPeriod=30s")
        #expect(ParameterSetting(.hpaTolerance, .number(0.25)).description == "hpa.tolerance=0.25")
    }

    /// A behavior window is swept on the option's behavior, after `hpa.behavior` of the same
    /// configuration has set one, whatever the order of the grid's axes; without one it is an error.
    @Test func behaviorWindowsNeedABehavior() throws {
        let grid = try Grid.parse(
            yaml: "parameters:\n  hpa.scaleDown.stabilizationWindow: [1m]\n  hpa.behavior: [default, none]\n",
            file: "g.yaml")
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: grid, replications: 1, calculator: Fixtures.calculator())
        let (_, option) = try sweep.configured(0)
        guard case .autoscaled(let deployment) = option.kind, case .keda(let keda) = deployment.autoscaler else {
            Issue.record("the swept option is a KEDA option")
            return
        }
        var expected = HPABehavior()
        expected.scaleDown.stabilizationWindowSeconds = 60
        #expect(keda.hpaBehavior == expected)
        let none = try #require(throws: SweepError.self) { try sweep.configured(1) }
        let message = "hpa.scaleDown.stabilizationWindow needs an HPA behavior; 'scale-to-zero' has none"
        #expect(none.description.contains(message + " (the HPA's legacy path)"), "\(none)")
    }

    @Test func gridsReadTheParametersAsTheScenarioDoes() throws {
        let grid = try Grid.parse(
            yaml: "parameters:\n  hpa.syncPeriod: {from: 15s, to: 1m, step: 15s}\n  hpa.tolerance: [0, 0.2]\n",
            file: "g.yaml")
        #expect(grid.configurations.count == 8)
        #expect(grid.configurations.map { $0[0].value } == [15, 15, 30, 30, 45, 45, 60, 60].map { .number($0) })
        #expect(grid.configurations.prefix(2).map { $0[1].value } == [.number(0), .number(0.2)])
        let zero = try #require(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: "parameters:\n  hpa.syncPeriod: [0s]\n", file: "g.yaml")
        }
        #expect(zero.description == "g.yaml:2: field 'parameters.hpa.syncPeriod[0]': must be longer than 0 s")
        let negative = try #require(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: "parameters:\n  hpa.tolerance: {from: -1, to: 1, step: 1}\n", file: "g.yaml")
        }
        #expect(negative.message == "must be >= 0, got -1.0")
    }
}
