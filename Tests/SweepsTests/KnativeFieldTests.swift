import Foundation
import Simulator
import Testing
@testable import Scenarios

/// The Knative field table: every row complete and listed in the docs, its stated defaults
/// KnativeConfiguration's, each syntax read its own way, and the scenario reader and the manifest
/// loader both going through it.
@Suite struct KnativeFieldTests {
    static func node(_ text: String) throws -> ConfigNode { try FieldTables.node(text) }

    @Test func everyRowIsCompleteAndListedInTheDocs() throws {
        let docs = try FieldTables.doc("manifests.md")
        for field in KnativeField.allCases {
            #expect(!field.unit.isEmpty && !field.range.isEmpty && !field.defaultText.isEmpty && !field.source.isEmpty)
            #expect(field.manifestPath != nil || field.configMapKey != nil, "\(field) is set somewhere in Knative")
            let manifest = field.manifestPath.map { "`\($0)`" } ?? "—"
            let configMap = field.configMapKey.map { "`\($0)`" } ?? "—"
            let row = "| `\(field.key)` | \(manifest) | \(configMap) | \(field.unit) | \(field.range) | "
                + "\(field.defaultText) | \(field.source) |"
            #expect(docs.contains(row), "docs/manifests.md lacks \(row)")
        }
        let annotations = KnativeField.allCases.compactMap(\.annotation)
        #expect(Set(annotations).count == annotations.count)
    }

    /// The default a row states (before any parenthesis), read as a scenario writes it and applied
    /// over a configuration that differs in every field, gives KnativeConfiguration's defaults.
    @Test func statedDefaultsAreTheConfigurationDefaults() throws {
        var knative = KnativeConfiguration(
            containerConcurrency: 5, targetUtilization: 0.5, stableWindowSeconds: 30, panicWindowPercentage: 20,
            panicThresholdPercentage: 300, maxScaleUpRate: 10, maxScaleDownRate: 3, scaleToZeroGracePeriodSeconds: 1,
            podRetentionSeconds: 2, initialScale: 3, minScale: 1, maxScale: 4, targetBurstCapacity: -1)
        for field in KnativeField.allCases {
            let text = field.defaultText.components(separatedBy: " (")[0]
            field.apply(try field.parse(try Self.node(text), syntax: .scenario), to: &knative)
        }
        #expect(knative == KnativeConfiguration())
        #expect(knative.stableWindowSeconds == 60 && knative.targetBurstCapacity == 211 && knative.initialScale == 1)
    }

    @Test func eachSyntaxReadsItsOwnWay() throws {
        let window = KnativeField.stableWindow
        #expect(try window.parse(try Self.node("1.5m"), syntax: .scenario) == .seconds(90))
        #expect(try window.parse(try Self.node("1m30s"), syntax: .manifest) == .seconds(90))
        let bare = try #require(throws: ScenarioFileError.self) {
            try window.parse(try Self.node("60"), syntax: .manifest)
        }
        #expect(bare.message == "'60' is not a duration (Go syntax, e.g. 60s, 1m30s, 2h)")
        let short = try #require(throws: ScenarioFileError.self) {
            try window.parse(try Self.node("5s"), syntax: .manifest)
        }
        #expect(short.message == "must be within 6s … 1h")

        // A scenario writes the utilization as a fraction, a manifest as a percentage.
        let utilization = KnativeField.targetUtilization
        #expect(try utilization.parse(try Self.node("0.8"), syntax: .scenario) == .number(0.8))
        #expect(try utilization.parse(try Self.node("\"80\""), syntax: .manifest) == .number(0.8))

        let burst = KnativeField.targetBurstCapacity
        #expect(try burst.parse(try Self.node("-2"), syntax: .scenario) == .number(-2))   // validate() refuses it
        let between = try #require(throws: ScenarioFileError.self) {
            try burst.parse(try Self.node("-0.5"), syntax: .manifest)
        }
        #expect(between.message == "must be -1 (activator always in the path) or >= 0")

        // A cluster-wide setting has no manifest field.
        #expect(throws: ScenarioFileError.self) {
            try KnativeField.maxScaleUpRate.parse(try Self.node("10"), syntax: .manifest)
        }
        #expect(try KnativeField.maxScaleUpRate.parse(try Self.node("10"), syntax: .scenario) == .number(10))
    }

    /// The same settings, in a scenario and as a Knative Service, give the same configuration.
    @Test func scenarioAndManifestAgree() throws {
        let scenario = try ScenarioLoader.parse(yaml: """
            workload:
              generate: {days: 1}
            options:
              - name: s
                autoscaled:
                  knative: {containerConcurrency: 4, targetUtilization: 0.8, stableWindow: 90s,
                            panicWindowPercentage: 20, panicThresholdPercentage: 150,
                            scaleToZeroPodRetentionPeriod: 1m, initialScale: 2, minScale: 1, maxScale: 3,
                            targetBurstCapacity: 0}
                  nodePool: {node: {machineType: n1-highmem-4, gpu: T4}, max: 2}
            """, file: "s.yaml", baseDirectory: "/base")
        guard case .autoscaled(let deployment) = scenario.options[0].kind,
            case .knative(let read) = deployment.autoscaler
        else { Issue.record("a Knative option"); return }
        let manifest = try ManifestLoader.parse(yaml: """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: k}
            spec:
              template:
                metadata:
                  annotations:
                    autoscaling.knative.dev/target-utilization-percentage: "80"
                    autoscaling.knative.dev/window: 1m30s
                    autoscaling.knative.dev/panicWindowPercentage: "20"
                    autoscaling.knative.dev/panic-threshold-percentage: "150"
                    autoscaling.knative.dev/scale-to-zero-pod-retention-period: 1m
                    autoscaling.knative.dev/initial-scale: "2"
                    autoscaling.knative.dev/min-scale: "1"
                    autoscaling.knative.dev/max-scale: "3"
                    autoscaling.knative.dev/target-burst-capacity: "0"
                spec:
                  containerConcurrency: 4
            """, file: "k.yaml")
        guard case .knative(let loaded) = manifest.autoscaler else { Issue.record("a Knative Service"); return }
        #expect(loaded == read)
        #expect(read.stableWindowSeconds == 90 && read.targetUtilization == 0.8 && read.minScale == 1)
    }
}
