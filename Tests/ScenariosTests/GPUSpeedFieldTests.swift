import Testing
import Scenarios
import Simulator

/// `inference.gpuSpeed`, `inference.referenceGPU` and `inference.model` read into each option's GPU speed.
@Suite struct GPUSpeedFieldTests {
    /// A catalog that knows four GPUs and bundles an L4 in `g2-standard-4` (as GCP's G2 rows do).
    static let catalog = GPULookup(models: ["A100-40GB", "L4", "T4", "V100"]) { node in
        node.machineType == "g2-standard-4" ? "L4" : node.gpuModel
    }

    static func yaml(inference: String, node: String = "{machineType: g2-standard-4, gpuCount: 1}") -> String {
        """
        workload:
          generate: {days: 2}
        inference:
        \(inference)
        options:
          - name: t4
            dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
          - name: fast
            dedicated: {node: \(node)}
        """
    }

    func parse(
        _ inference: String, node: String = "{machineType: g2-standard-4, gpuCount: 1}"
    ) throws(ScenarioFileError) -> Scenario {
        try ScenarioLoader.parse(
            yaml: Self.yaml(inference: inference, node: node), file: "s.yaml", baseDirectory: "/base",
            gpus: Self.catalog)
    }

    func error(_ inference: String) -> ScenarioFileError? {
        do {
            _ = try parse(inference)
            return nil
        } catch {
            return error
        }
    }

    @Test func theBundledGPUOfAMachineTypeGetsTheScenariosSpeed() throws {
        // g2-standard-4 names no GPU: the catalog's row says L4, whose speed the scenario gives.
        let scenario = try parse("  gpuSpeed: {l4: 1.8}")
        #expect(scenario.options[1].gpuSpeed == GPUSpeed(factor: 1.8, gpu: "L4", source: .scenario))
        #expect(scenario.options[0].gpuSpeed == GPUSpeed(factor: 1, gpu: "T4", source: .reference))
        #expect(scenario.inference.gpuSpeeds.speeds == ["L4": 1.8])   // the catalog's spelling
        #expect(GPUSpeedResolver.warnings(for: scenario).isEmpty)
    }

    @Test func aGPUWithoutASpeedKeepsTheReferenceTimesAndIsWarnedAbout() throws {
        let scenario = try parse("  workUnit: audio-seconds")
        #expect(scenario.options[1].gpuSpeed == GPUSpeed(factor: 1, gpu: "L4", source: .assumedEqual))
        #expect(
            GPUSpeedResolver.warnings(for: scenario)
                == ["option fast runs on L4; no speed given for L4: service times are T4's "
                    + "(set inference.gpuSpeed.L4, docs/model.md)"])
    }

    @Test func thePublishedSpeedOfTheArticlesModelAppliesOnlyWhenTheModelIsNamed() throws {
        // NVIDIA's table: T4 1.75 s for 6.99 s of audio, A100 40 GB 0.87 s for 6.98 s.
        let node = "{machineType: a2-highgpu-1g, gpu: A100-40GB}"
        let named = try parse("  model: tacotron2-waveglow", node: node)
        #expect(named.options[1].gpuSpeed.factor == (1.75 / 6.99) / (0.87 / 6.98))
        #expect(abs(named.options[1].gpuSpeed.factor - 2.0086) < 0.0001)
        guard case .published(let source) = named.options[1].gpuSpeed.source else {
            Issue.record("expected a published speed"); return
        }
        #expect(source.contains("NVIDIA DeepLearningExamples"))
        // The scenario's own number wins over the published one.
        let given = try parse("  model: tacotron2-waveglow\n  gpuSpeed: {A100-40GB: 3}", node: node)
        #expect(given.options[1].gpuSpeed.factor == 3)
        // Without `model`, the service times are the scenario's own model: nothing published applies.
        let own = try parse("  secondsPerWorkUnit: 0.3", node: node)
        #expect(own.options[1].gpuSpeed.source == .assumedEqual)
        // A scenario without an inference section uses the article's model, and its speeds.
        let bare = try ScenarioLoader.parse(
            yaml: "workload: {generate: {days: 2}}\noptions:\n  - {name: a, dedicated: {node: \(node)}}",
            file: "s.yaml", baseDirectory: "/base", gpus: Self.catalog)
        #expect(bare.options[0].gpuSpeed.factor == named.options[1].gpuSpeed.factor)
    }

    @Test func publishedSpeedsAreRelativeToTheReferenceGPU() throws {
        // Measured on a V100: an A100 is (1.25 / 6.99) / (0.87 / 6.98) times as fast, a T4 1.25 / 1.75.
        let scenario = try parse(
            "  model: tacotron2-waveglow\n  referenceGPU: v100", node: "{machineType: a2-highgpu-1g, gpu: A100-40GB}")
        #expect(scenario.inference.gpuSpeeds.referenceGPU == "V100")
        #expect(scenario.options[0].gpuSpeed.factor == (1.25 / 6.99) / (1.75 / 6.99))
        #expect(scenario.options[1].gpuSpeed.factor == (1.25 / 6.99) / (0.87 / 6.98))
    }

    @Test func speedsAreBoundedAndErrorsNameFileLineAndField() {
        #expect(
            error("  gpuSpeed:\n    L4: 0")?.description
                == "s.yaml:5: field 'inference.gpuSpeed.L4': must be within 0.05 … 100, got 0")
        #expect(
            error("  gpuSpeed: {L4: 1e9}")?.description
                == "s.yaml:4: field 'inference.gpuSpeed.L4': must be within 0.05 … 100, got 1000000000")
        #expect(
            error("  gpuSpeed: {L4: fast}")?.description
                == "s.yaml:4: field 'inference.gpuSpeed.L4': 'fast' is not a number")
        #expect(error("  gpuSpeed: {L4: .nan}")?.field == "inference.gpuSpeed.L4")
        #expect(error("  gpuSpeed: {L4: 0.05}") == nil)
        #expect(error("  gpuSpeed: {L4: 100}") == nil)
    }

    @Test func badGPUNamesAndContradictionsAreErrors() {
        #expect(
            error("  gpuSpeed: {H200: 2}")?.description
                == "s.yaml:4: field 'inference.gpuSpeed.H200': 'H200' is not a GPU the price catalog knows "
                + "(known: A100-40GB, L4, T4, V100)")
        #expect(error("  referenceGPU: TPU")?.field == "inference.referenceGPU")
        #expect(
            error("  gpuSpeed: {T4: 2}")?.message
                == "T4 is the reference GPU (inference.referenceGPU): its speed is 1 by definition, got 2")
        #expect(error("  gpuSpeed: {T4: 1}") == nil)
        #expect(error("  gpuSpeed: {L4: 2, l4: 3}")?.message == "L4 is given twice")
        #expect(error("  model: xtts")?.message == "'xtts' is not one of: tacotron2-waveglow")
        #expect(error("  gpuSpeed: [L4, 2]")?.field == "inference.gpuSpeed")
    }

    @Test func withoutACatalogNamesAreTakenAsWritten() throws {
        let scenario = try ScenarioLoader.parse(
            yaml: Self.yaml(inference: "  gpuSpeed: {H200: 2}", node: "{machineType: x, gpu: H200}"), file: "s.yaml",
            baseDirectory: "/base")
        #expect(scenario.options[1].gpuSpeed == GPUSpeed(factor: 2, gpu: "H200", source: .scenario))
    }
}
