import Scenarios
import Simulator
import Testing
@testable import Sweeps

/// `inference.gpuSpeed.GPU` as a sweep parameter, and the swept option's speed following its GPU.
@Suite struct GPUSpeedSweepTests {
    func sweep(_ yaml: String) throws -> Sweep {
        try Sweep(
            scenario: Fixtures.scenario(), grid: Grid.parse(yaml: yaml, file: "g.yaml"), optionName: "scale-to-zero",
            replications: 1, calculator: Fixtures.calculator())
    }

    @Test func gridValuesAreReadAndBoundedAsTheScenarioFieldIs() throws {
        let grid = try Grid.parse(
            yaml: "parameters:\n  inference.gpuSpeed.L4: {from: 1, to: 2, step: 0.5}\n", file: "g.yaml")
        #expect(grid.configurations.map { $0[0].parameter } == Array(repeating: .inferenceGPUSpeed("L4"), count: 3))
        #expect(grid.configurations.map { $0[0].value } == [.number(1), .number(1.5), .number(2)])
        #expect(ConfigurationSummary.label(grid.configurations[2]) == "inference.gpuSpeed.L4=2")
        let error = try #require(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: "parameters:\n  inference.gpuSpeed.L4: [2, 0.01]\n", file: "g.yaml")
        }
        #expect(
            error.description
                == "g.yaml:2: field 'parameters.inference.gpuSpeed.L4[1]': must be within 0.05 … 100, got 0.01")
        #expect(throws: ScenarioFileError.self) {
            try Grid.parse(yaml: "parameters:\n  inference.gpuSpeed.: [2]\n", file: "g.yaml")
        }
    }

    @Test func theSweptOptionRunsAtTheSpeedOfTheGPUItIsMovedTo() throws {
        let sweep = try sweep("""
            configurations:
              - {gpu: T4}
              - {gpu: L4, inference.gpuSpeed.L4: 2}
              - {gpu: L4}
              - {gpu: A100}
            """)
        #expect(try sweep.configured(0).1.gpuSpeed == GPUSpeed(factor: 1, gpu: "T4", source: .reference))
        // g2-standard-4 bundles the L4: its speed is found through the catalog row.
        #expect(try sweep.configured(1).1.gpuSpeed == GPUSpeed(factor: 2, gpu: "L4", source: .scenario))
        #expect(try sweep.configured(2).1.gpuSpeed == GPUSpeed(factor: 1, gpu: "L4", source: .assumedEqual))
        // a2-highgpu-1g carries an A100 40 GB, whose speed NVIDIA published for the default model.
        #expect(try sweep.configured(3).1.gpuSpeed.factor == (1.75 / 6.99) / (0.87 / 6.98))
        // T4 and the assumed L4 simulate the same events; the L4 at speed 2 does not.
        let groups = try sweep.simulationGroups(shard: .whole).groups
        #expect(groups.contains([0, 2]))
        #expect(groups.contains([1]))
        #expect(
            try sweep.gpuSpeedWarnings()
                == ["option scale-to-zero runs on L4; no speed given for L4: service times are T4's "
                    + "(set inference.gpuSpeed.L4, docs/model.md)"])
    }

    @Test func aFasterGPUHalvesTheMeanServiceTimeOfTheSweptOption() throws {
        let sweep = try sweep("configurations:\n  - {gpu: L4}\n  - {gpu: L4, inference.gpuSpeed.L4: 2}\n")
        let (slowScenario, slow) = try sweep.configured(0)
        let (fastScenario, fast) = try sweep.configured(1)
        let reference = try Simulation.run(slowScenario, option: slow)
        let doubled = try Simulation.run(fastScenario, option: fast)
        #expect(reference.requests.service.count > 0)
        #expect(doubled.requests.service.count == reference.requests.service.count)
        // Same arrivals and noise draws, each service time halved (exact in binary floating point).
        #expect(doubled.requests.service.meanSeconds == reference.requests.service.meanSeconds / 2)
    }

    @Test func unknownGPUsAndTheReferenceGPUAreRefused() throws {
        let unknown = try #require(throws: SweepError.self) {
            try sweep("parameters:\n  inference.gpuSpeed.H200: [2]\n")
        }
        #expect(unknown.description.hasPrefix("inference.gpuSpeed.H200: 'H200' is not a GPU the price catalog knows"))
        let reference = try sweep("parameters:\n  inference.gpuSpeed.T4: [2]\n")
        let error = try #require(throws: SweepError.self) { try reference.configured(0) }
        #expect(error.description.contains("T4 is the reference GPU"))
    }
}
