import Foundation
import Scenarios
import Simulator
import Testing
@testable import Sweeps

@Suite("Sweep grid files")
struct GridTests {
    @Test("a cartesian grid: first axis slowest, ranges inclusive, durations in seconds")
    func cartesian() throws {
        let grid = try Grid.parse(yaml: """
            option: scale-to-zero
            parameters:
              keda.pollingInterval: [5s, 10s]
              keda.cooldownPeriod: {from: 1m, to: 3m, step: 60s}
              gpu: [t4, L4]
            """, file: "g.yaml")
        #expect(grid.option == "scale-to-zero")
        #expect(grid.configurations.count == 2 * 3 * 2)
        #expect(
            ConfigurationSummary.label(grid.configurations[0])
                == "keda.pollingInterval=5s keda.cooldownPeriod=60s gpu=T4")
        #expect(
            ConfigurationSummary.label(grid.configurations[1])
                == "keda.pollingInterval=5s keda.cooldownPeriod=60s gpu=L4")
        #expect(
            ConfigurationSummary.label(grid.configurations[11])
                == "keda.pollingInterval=10s keda.cooldownPeriod=180s gpu=L4")
    }

    @Test("a fractional range does not lose its last value to rounding")
    func fractionalRange() throws {
        let grid = try Grid.parse(
            yaml: "parameters:\n  traffic.scale: {from: 0.1, to: 0.3, step: 0.1}\n", file: "g.yaml")
        #expect(grid.configurations.map { $0[0].value } == [.number(0.1), .number(0.2), .number(0.3)])
    }

    @Test("an explicit list of configurations")
    func list() throws {
        let grid = try Grid.parse(yaml: """
            configurations:
              - {gpu: T4}
              - {gpu: A10G, provider/region: aws/us-east-1, node.spot: false}
            """, file: "g.yaml")
        #expect(grid.configurations.count == 2)
        #expect(
            ConfigurationSummary.label(grid.configurations[1])
                == "gpu=A10G provider/region=aws/us-east-1 node.spot=false")
    }

    func parseError(_ yaml: String) -> ScenarioFileError? {
        do {
            _ = try Grid.parse(yaml: yaml, file: "bad.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("an unknown parameter names file, line and field")
    func unknownParameter() throws {
        let error = try #require(
            parseError("parameters:\n  keda.pollingInterval: [5s]\n  keda.polingInterval: [10s]\n"))
        #expect(error.file == "bad.yaml")
        #expect(error.line == 3)
        #expect(error.field == "parameters.keda.polingInterval")
        #expect(error.message.contains("unknown parameter 'keda.polingInterval'"))
    }

    @Test("empty grids are errors", arguments: [
        "parameters: {}\n", "configurations: []\n", "parameters:\n  gpu: []\n", "configurations:\n  - {}\n",
    ])
    func emptyGrid(yaml: String) throws {
        let error = try #require(parseError(yaml))
        #expect(error.message.contains("empty") || error.message.contains("at least one"))
        #expect(error.line != nil)
    }

    @Test("zero and negative steps are errors naming the step", arguments: ["0", "0s", "-10s", "-1"])
    func badStep(step: String) throws {
        let error = try #require(
            parseError("parameters:\n  keda.cooldownPeriod: {from: 30s, to: 300s, step: \(step)}\n"))
        #expect(error.field == "parameters.keda.cooldownPeriod.step")
        #expect(error.line == 2)
    }

    @Test("other bad input", arguments: [
        ("parameters:\n  keda.cooldownPeriod: {from: 300s, to: 30s, step: 30s}\n", "range is empty"),
        ("parameters:\n  gpu: [H200]\n", "'H200' is not one of"),
        ("parameters:\n  gpu: {from: 1, to: 2, step: 1}\n", "not a range"),
        ("parameters:\n  keda.maxReplicaCount: [2.5]\n", "whole number"),
        ("parameters:\n  keda.pollingInterval: [500ms]\n", ">= 1 s"),
        ("parameters:\n  provider/region: [ibm/dallas]\n", "provider must be"),
        ("parameters:\n  gpu: [T4]\nconfigurations:\n  - {gpu: L4}\n", "only one of"),
        ("option: x\n", "needs one of"),
        ("parameters:\n  gpu: [T4]\ncolour: blue\n", "unknown key 'colour'"),
    ])
    func otherErrors(yaml: String, expected: String) throws {
        let error = try #require(parseError(yaml))
        #expect(error.message.contains(expected), "\(error)")
    }
}

/// Inputs that once trapped the process (a Double too large for Int); each must be a clear error.
@Suite("Grid values are bounded like scenario fields")
struct GridBoundsTests {
    func parseError(_ yaml: String) -> ScenarioFileError? { GridTests().parseError(yaml) }

    @Test(
        "a step so small the range would have more values than a grid may hold",
        arguments: ["1e-300s", "1e-320s", "1e-300"])
    func tinyStep(step: String) throws {
        let error = try #require(
            parseError("parameters:\n  keda.cooldownPeriod: {from: 60s, to: 300s, step: \(step)}\n"))
        #expect(error.field == "parameters.keda.cooldownPeriod.step" && error.line == 2, "\(error)")
        #expect(error.message.contains("more than \(Grid.maxConfigurations) values"), "\(error)")
    }

    @Test("a tiny step of a count range", arguments: ["keda.maxReplicaCount", "node.maxNodes"])
    func tinyCountStep(parameter: String) throws {
        let error = try #require(parseError("parameters:\n  \(parameter): {from: 1, to: 5, step: 1e-320}\n"))
        #expect(error.message.contains("more than \(Grid.maxConfigurations) values"), "\(error)")
    }

    /// The scenario reader's own limits (10,000 replicas and nodes, `SimulationLimits`), in the
    /// reader's words.
    @Test("integer parameters beyond Int or the scenario's limits", arguments: [
        ("keda.minReplicaCount", "[9223372036854775808]"), ("keda.maxReplicaCount", "[1e19]"),
        ("node.maxNodes", "[10001]"), ("dedicated.nodes", "[18446744073709551616]"),
        ("keda.maxReplicaCount", "{from: 1, to: 1e19, step: 1e18}"), ("dedicated.nodes", "[0]"),
        ("keda.minReplicaCount", "[-1]"),
    ])
    func hugeCounts(parameter: String, values: String) throws {
        let error = try #require(parseError("parameters:\n  \(parameter): \(values)\n"))
        #expect(error.line == 2 && error.field?.hasPrefix("parameters.\(parameter)") == true, "\(error)")
        #expect(error.message.contains("whole number") || error.message.contains("must be within"), "\(error)")
    }

    @Test("a grid accepts the largest count a scenario accepts, and refuses one more, as a scenario does")
    func sameBoundsAsScenarioFiles() throws {
        let largest = try Grid.parse(
            yaml: "parameters:\n  keda.maxReplicaCount: [\(SimulationLimits.maxReplicas)]\n", file: "g.yaml")
        #expect(largest.configurations[0][0].value == .number(Double(SimulationLimits.maxReplicas)))
        let grid = try #require(
            parseError("parameters:\n  keda.maxReplicaCount: [\(SimulationLimits.maxReplicas + 1)]\n"))
        #expect(
            grid.message
                == "must be within 1 … \(SimulationLimits.maxReplicas), got \(SimulationLimits.maxReplicas + 1)")
        // A range whose computed values leave the field's bounds names the value.
        let range = try #require(parseError("parameters:\n  keda.maxReplicaCount: {from: 1, to: 2, step: 0.5}\n"))
        #expect(range.message == "keda.maxReplicaCount value 1.5: '1.5' is not a whole number")
        let over = try #require(parseError("parameters:\n  inference.secondsPerWorkUnit: [-0.5]\n"))
        #expect(over.message == "must be >= 0, got -0.5")
    }

    @Test("a grid file goes through the same file checks as a scenario: a FIFO is named, not waited on")
    func gridFileKind() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grid-fifo-\(UUID().uuidString).yaml")
            .path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let error = try #require(throws: ScenarioFileError.self) { try Grid.load(path: path) }
        #expect(error.file == path && error.message == "is a named pipe (FIFO), not a regular file")
    }

    @Test(
        "a setting built in code is held to the same bounds when applied",
        arguments: [1e19, 9.3e18, -1, 2.5, Double.nan])
    func applyRefusesOutOfRangeCounts(value: Double) throws {
        for parameter in [SweepParameter.kedaMinReplicaCount, .kedaMaxReplicaCount, .nodeMaxNodes] {
            var scenario = Fixtures.scenario()
            #expect(throws: SweepError.self) {
                try ParameterSetting(parameter, .number(value)).apply(to: &scenario, optionIndex: 1)
            }
        }
        var scenario = Fixtures.scenario()
        #expect(throws: SweepError.self) {
            try ParameterSetting(.dedicatedNodes, .number(value)).apply(to: &scenario, optionIndex: 0)
        }
    }
}

@Suite("Applying parameters to a scenario")
struct ParameterTests {
    @Test("gpu maps to the catalog machine of the option's provider")
    func gpuMapping() throws {
        var scenario = Fixtures.scenario()
        try ParameterSetting(.gpu, .text("L4")).apply(to: &scenario, optionIndex: 1)
        guard case .autoscaled(let deployment) = scenario.options[1].kind else {
            Issue.record("not autoscaled"); return
        }
        #expect(deployment.node.machineType == "g2-standard-4")
        #expect(deployment.node.gpuModel == "L4")
        #expect(throws: SweepError.self) {
            try ParameterSetting(.gpu, .text("A10G")).apply(to: &scenario, optionIndex: 1)
        }
    }

    @Test(
        "provider/region without a known provider is an error, not an index out of range",
        arguments: ["/", "", "ibm/dallas"])
    func providerRegionWithoutProvider(text: String) {
        var scenario = Fixtures.scenario()
        #expect(throws: SweepError.self) {
            try ParameterSetting(.providerRegion, .text(text)).apply(to: &scenario, optionIndex: 1)
        }
    }

    @Test("provider/region moves the GPU pool and the system pool")
    func providerMove() throws {
        var scenario = Fixtures.scenario()
        try ParameterSetting(.providerRegion, .text("aws/us-east-1")).apply(to: &scenario, optionIndex: 1)
        let option = scenario.options[1]
        guard case .autoscaled(let deployment) = option.kind else { Issue.record("not autoscaled"); return }
        #expect(deployment.node.machineType == "g4dn.xlarge")
        #expect(deployment.node.provider == "aws")
        #expect(option.alwaysOnNodes.allSatisfy { $0.node.machineType == "t3.medium" && $0.node.region == "us-east-1" })
    }

    @Test("traffic.scale scales generated work; dedicated.nodes needs a dedicated option")
    func trafficAndDedicated() throws {
        var scenario = Fixtures.scenario()
        try ParameterSetting(.trafficScale, .number(2)).apply(to: &scenario, optionIndex: 1)
        guard case .synthetic(let description) = scenario.workload else { Issue.record("not synthetic"); return }
        #expect(description.workPerDay == 2 * Fixtures.workPerDay)
        #expect(throws: SweepError.self) {
            try ParameterSetting(.dedicatedNodes, .number(2)).apply(to: &scenario, optionIndex: 1)
        }
        try ParameterSetting(.dedicatedNodes, .number(2)).apply(to: &scenario, optionIndex: 0)
        guard case .dedicated(let dedicated) = scenario.options[0].kind else { Issue.record("not dedicated"); return }
        #expect(dedicated.nodeCount == 2)
    }
}
