import CostModel
import Scenarios
import Simulator
import Testing
@testable import Sweeps

/// `serverless.zonalRedundancy` and `serverless.region` as sweep axes of a Cloud Run option,
/// priced from the bundled catalog's rows: they change the price row, not the events, so one
/// simulation serves them all.
@Suite struct ServerlessMachineSweepTests {
    func sweep(_ yaml: String) throws -> Sweep {
        var scenario = Fixtures.scenario(replications: 1)
        scenario.options = [
            DeploymentOption(name: "run", kind: .serverless(ServerlessDeployment(platform: .cloudRun))),
        ]
        return try Sweep(
            scenario: scenario, grid: Grid.parse(yaml: yaml, file: "g.yaml"), optionName: "run", replications: 1,
            calculator: Fixtures.calculator())
    }

    func machine(_ option: DeploymentOption) -> String {
        guard case .serverless(let deployment) = option.kind else { return "not serverless" }
        return deployment.instance.machineType + " " + deployment.instance.region
    }

    @Test func rowAxesShareOneSimulationAndArePricedFromTheirOwnRows() throws {
        let sweep = try sweep("""
            parameters:
              serverless.zonalRedundancy: [true, false]
              serverless.region: [us-central1, europe-west4]
            """)
        #expect(try (0..<4).map { machine(try sweep.configured($0).1) } == [
            "cloud-run/nvidia-l4 us-central1", "cloud-run/nvidia-l4 europe-west4",
            "cloud-run/nvidia-l4-no-zonal-redundancy us-central1",
            "cloud-run/nvidia-l4-no-zonal-redundancy europe-west4",
        ])
        #expect(try sweep.simulationGroups(shard: .whole).groups == [[0, 1, 2, 3]])
        // The shared run relabelled and priced per configuration: the same instance-hours at
        // 1.42164 $/h with zonal redundancy, 1.04652 $/h without (the bundled rows).
        let zonal = try sweep.runOne(configuration: 0, replication: 0)
        let bestEffort = try sweep.runOne(configuration: 2, replication: 0)
        let ratio = Double(bestEffort.monthlyCostNanoDollars) / Double(zonal.monthlyCostNanoDollars)
        #expect(abs(ratio - 1.04652 / 1.42164) < 1e-6, "\(ratio)")
    }

    @Test func aRegionWithoutTheRowIsRefusedBeforeAnythingRuns() throws {
        let sweep = try sweep("parameters:\n  serverless.region: [asia-southeast1]\n")
        let error = try #require(throws: SweepError.self) { try sweep.validate() }
        #expect("\(error)".contains(
            "the price catalog has no cloud-run/nvidia-l4 in asia-southeast1 (it has it in: europe-west1, "
                + "europe-west4, us-central1, us-east4)"), "\(error)")
    }
}
