import Foundation
import Testing
import Scenarios
import Simulator

@Suite struct ScenarioLoaderTests {
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// `Tests/Fixtures/NAME`: data vendored for tests (origin and licence in its README).
    static func fixture(_ name: String) -> String { repositoryRoot + "/Tests/Fixtures/" + name }

    func parse(_ yaml: String) throws(ScenarioFileError) -> Scenario {
        try ScenarioLoader.parse(yaml: yaml, file: "test.yaml", baseDirectory: "/base")
    }

    func error(_ yaml: String) -> ScenarioFileError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error
        }
    }

    static let minimal = """
        workload:
          generate: {days: 2}
        options:
          - name: dedicated
            dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
        """

    @Test func loadsTheBundledArticleScenario() throws {
        let scenario = try ScenarioLoader.load(path: Self.repositoryRoot + "/scenarios/article-gke-t4.yaml")
        #expect(scenario.name == "article-gke-t4")
        #expect(scenario.horizonSeconds == Double(30 * 86_400))
        #expect(scenario.clientTimeoutSeconds == 60)
        guard case .synthetic(let generator) = scenario.workload else { Issue.record("expected a generator"); return }
        #expect(generator.workPerDay == 300 * 60)
        #expect(generator.days == 30)
        #expect(generator.requestSize == SyntheticTrace.Description.defaultRequestSize)
        #expect(scenario.inference.secondsPerWorkUnit == 0.45)
        let dedicated = try #require(scenario.options.first)
        guard case .dedicated(let deployment) = dedicated.kind else { Issue.record("expected dedicated"); return }
        #expect(deployment.node == .articleGPU)
    }

    @Test func appliesDefaults() throws {
        let scenario = try parse(Self.minimal)
        #expect(scenario.seed == 1)
        #expect(scenario.workers == WorkerSettings())
        guard case .dedicated(let deployment) = scenario.options[0].kind else {
            Issue.record("expected dedicated"); return
        }
        #expect(deployment.node.provider == "gcp")
        #expect(deployment.node.gpuCount == 1)
    }

    @Test func readsDurationsDistributionsAndTraces() throws {
        let scenario = try parse("""
            horizon: 1.5h
            client: {timeout: 2m, dropExpiredMessages: true}
            workload:
              trace: {path: traces/t.jsonl, preset: mooncake}
            inference:
              overhead: 250ms
              noise: {gamma: {shape: 4, scale: 0.25}}
            options:
              - name: d
                dedicated: {nodes: 2, node: {machineType: g2-standard-4, gpu: L4, spot: true}}
                systemNodes: [{count: 2, node: {machineType: e2-medium}}]
            """)
        #expect(scenario.horizonSeconds == 5400)
        #expect(scenario.clientTimeoutSeconds == 120)
        #expect(scenario.dropExpiredMessages)
        #expect(scenario.inference.overheadSeconds == 0.25)
        #expect(scenario.inference.noise == .gamma(shape: 4, scale: 0.25))
        #expect(scenario.workload == .traceFile(path: "/base/traces/t.jsonl", format: .mooncake))
        #expect(scenario.options[0].alwaysOnNodes.first?.count == 2)
        #expect(scenario.options[0].managedCluster)
    }

    @Test func readsARateWorkload() throws {
        let trace = Self.repositoryRoot + "/scenarios/servegen_reason_deepseek-r1_chunk-3-trace.csv"
        let scenario = try parse("""
            workload:
              rates: {path: \(trace), requestSize: {exponential: {mean: 4}}}
            options:
              - name: dedicated
                dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
            """)
        guard case .rates(let description) = scenario.workload else { Issue.record("expected rates"); return }
        #expect(description.windows.count == 144)
        #expect(description.requestSize == .exponential(mean: 4))
        #expect(scenario.effectiveHorizonSeconds == 86_400)
        // A bad rate file is an error at the path's line in the scenario, naming the file's line.
        let bad = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "bad-rates-\(UUID().uuidString).csv")
        try "0,1,1,Poisson,1,1\n".write(to: bad, atomically: true, encoding: .utf8)
        let error = self.error("workload:\n  rates: {path: \(bad.path)}\noptions: []\n")
        #expect(
            error.map { "\($0)".contains("test.yaml:2") && "\($0)".contains(":1: field 'pattern'") } == true,
            "\(String(describing: error))")
    }

    /// The autoscaled option of a one-day scenario: `autoscaler` (a `keda:` or `knative:` line)
    /// and a GPU pool, then `extra` (lines of the same block); nil if it is not autoscaled.
    func autoscaled(_ autoscaler: String = "keda: {}", extra: String = "") throws -> AutoscaledDeployment? {
        let scenario = try parse("""
            workload:
              generate: {days: 1}
            options:
              - name: s
                autoscaled:
                  \(autoscaler)
                  nodePool: {node: {machineType: n1-highmem-4, gpu: T4}, max: 2}
                  \(extra)
            """)
        guard case .autoscaled(let deployment) = scenario.options[0].kind else { return nil }
        return deployment
    }

    @Test func readsTheNodeGroupBackoff() throws {
        func settings(_ fields: String) throws -> ClusterAutoscalerSettings {
            try #require(try autoscaled(extra: "clusterAutoscaler: {\(fields)}")).clusterAutoscaler
        }
        let defaults = try settings("profile: upstream-defaults")
        let defaultValues = [
            defaults.initialBackoffSeconds, defaults.maxBackoffSeconds, defaults.backoffResetTimeoutSeconds,
        ]
        #expect(defaultValues == [300, 1800, 10_800])
        let set = try settings(
            "initialNodeGroupBackoff: 1m, maxNodeGroupBackoff: 10m, nodeGroupBackoffResetTimeout: 1h")
        #expect([set.initialBackoffSeconds, set.maxBackoffSeconds, set.backoffResetTimeoutSeconds] == [60, 600, 3600])
    }

    /// `phase` pins a controller's first tick; absent, each replication draws it (nil here).
    @Test func readsControllerPhases() throws {
        let pinned = try #require(
            try autoscaled("keda: {phase: 2.5s}", extra: "hpa: {phase: 1s}\n      clusterAutoscaler: {phase: 7s}"))
        guard case .keda(let keda) = pinned.autoscaler else { Issue.record("not KEDA"); return }
        #expect([keda.phaseSeconds, pinned.hpa.phaseSeconds, pinned.clusterAutoscaler.phaseSeconds] == [2.5, 1, 7])
        let drawn = try #require(try autoscaled())
        guard case .keda(let drawnKEDA) = drawn.autoscaler else { Issue.record("not KEDA"); return }
        #expect(drawnKEDA.phaseSeconds == nil)
        #expect(drawn.hpa.phaseSeconds == nil && drawn.clusterAutoscaler.phaseSeconds == nil)
        let knative = try #require(try autoscaled("knative: {phase: 1.5s}"))
        guard case .knative(let kpa) = knative.autoscaler else { Issue.record("not Knative"); return }
        #expect(kpa.phaseSeconds == 1.5)

        let negative = error(Self.minimal.replacingOccurrences(
            of: "    dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}",
            with: "    autoscaled:\n      keda: {phase: -3s}\n"
                + "      nodePool: {node: {machineType: n1-highmem-4, gpu: T4}, max: 2}"))
        #expect(negative?.line == 6)
        #expect(negative?.field == "options[0].autoscaled.keda.phase", "\(String(describing: negative))")
    }

    @Test func unknownKeyIsAnErrorWithLineAndField() {
        let error = error("""
            workload:
              generate: {days: 2}
            optoins: []
            options:
              - name: dedicated
                dedicated: {node: {machineType: n1-highmem-4}}
            """)
        #expect(error?.line == 3)
        #expect(error?.field == "optoins")
        #expect(error?.description.hasPrefix("test.yaml:3: field 'optoins': unknown key") == true)
    }

    @Test func nestedUnknownKeyNamesTheFullPath() {
        let error = error(Self.minimal.replacingOccurrences(of: "gpu: T4", with: "gpu: T4, gpus: 2"))
        #expect(error?.field == "options[0].dedicated.node.gpus")
        #expect(error?.line == 5)
    }

    @Test(arguments: [
        ("days: -1", "workload.generate.days", "must be > 0"),
        ("days: two", "workload.generate.days", "not a number"),
        ("requestSize: {lognormal: {mean: 10, p95: 5}}", "workload.generate.requestSize.lognormal", "lognormal"),
        ("requestSize: {pareto: {k: 1}}", "workload.generate.requestSize", "needs one of"),
    ])
    func badGeneratorValues(_ line: String, _ field: String, _ message: String) {
        let yaml = """
            workload:
              generate:
                \(line)
            options:
              - name: d
                dedicated: {node: {machineType: m}}
            """
        let error = error(yaml)
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func missingRequiredFieldsAndBadDurations() {
        #expect(error("options: []")?.field == "workload")
        #expect(error(Self.minimal + "\nclient: {timeout: soon}")?.field == "client.timeout")
        #expect(
            error(Self.minimal.replacingOccurrences(of: "machineType: n1-highmem-4, ", with: ""))?.field
                == "options[0].dedicated.node.machineType")
        #expect(error(Self.minimal + "\nworkers: {concurrency: 2, prefetch: 1}")?.message.contains("prefetch") == true)
    }

    @Test func invalidYAMLAndMissingFile() {
        let invalid = error("workload: [unclosed\n")
        #expect(invalid?.message.contains("not valid YAML") == true)
        #expect(invalid?.line != nil)
        #expect(throws: ScenarioFileError.self) { _ = try ScenarioLoader.load(path: "/nonexistent/scenario.yaml") }
    }

    @Test func readsObjectives() throws {
        let scenario = try parse(Self.minimal + "\nobjectives: {p95: 30s, p99: <2m, timedOut: 1%, coldStartHit: 0.1}")
        #expect(scenario.objectives == [
            Objective(metric: .p95, threshold: 30), Objective(metric: .p99, strict: true, threshold: 120),
            Objective(metric: .timedOut, threshold: 0.01), Objective(metric: .coldStartHit, threshold: 0.1),
        ])
        #expect(try parse(Self.minimal).objectives.isEmpty)
    }

    @Test("a bad objective names the file, line and field", arguments: [
        ("objectives: {p95: fast}", "field 'objectives.p95'", "not a duration"),
        ("objectives: {timedOut: 150%}", "field 'objectives.timedOut'", "between 0% and 100%"),
        ("objectives: {p90: 30s}", "field 'objectives.p90'", "unknown key 'p90'"),
        ("objectives: 30s", "field 'objectives'", "expected a mapping"),
    ])
    func badObjective(line: String, field: String, message: String) {
        let yaml = Self.minimal + "\n" + line
        let error = error(yaml)
        let lineNumber = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            error?.description.hasPrefix("test.yaml:\(lineNumber): \(field)") == true, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func duplicateOptionNames() {
        let yaml = Self.minimal + "\n  - name: dedicated\n    dedicated: {node: {machineType: x, gpu: T4}}"
        #expect(error(yaml)?.message.contains("two deployment options") == true)
    }

    @Test func empiricalDistributionFromATraceColumn() throws {
        let path = Self.fixture("traces/alibaba_GenTD26_basemodel_update_latency_anon-head1000.csv")
        let scenario = try parse(Self.minimal.replacingOccurrences(
            of: "generate: {days: 2}",
            with: "generate: {days: 2, requestSize: {empirical: {file: \(path), column: value, scale: 0.001}}}"))
        guard case .synthetic(let generator) = scenario.workload, case .empirical(let samples) = generator.requestSize
        else {
            Issue.record("expected an empirical request size"); return
        }
        #expect(samples.values.count == 1000)
        let badColumn = error(Self.minimal.replacingOccurrences(
            of: "generate: {days: 2}",
            with: "generate: {days: 2, requestSize: {empirical: {file: \(path), column: nope}}}"))
        #expect(badColumn?.message.contains("column not found") == true)
    }
}
