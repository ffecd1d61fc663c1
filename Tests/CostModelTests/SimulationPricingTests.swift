import Testing
import Simulator
@testable import CostModel

@Suite("Pricing a real SimulationResult")
struct SimulationPricingTests {
    @Test("a simulated day of a dedicated VM in a managed cluster: nodes, fee and projection")
    func dedicatedDay() throws {
        let option = DeploymentOption(
            name: "dedicated", kind: .dedicated(DedicatedDeployment(nodeCount: 1, node: .articleGPU)),
            alwaysOnNodes: [NodeGroup(pool: "default-pool", node: .articleSystemNode, count: 2)], managedCluster: true)
        let scenario = Scenario(name: "idle-day", workload: .records([]), horizonSeconds: 86_400, options: [option])
        let result = try Simulation.run(scenario, option: option)
        #expect(result.nodeRuns.count == 3)

        let report = try CostCalculator(catalog: PriceCatalog.bundled(), snapshot: .latest, rules: .standard).price(
            result)
        // GPU VM: (0.236606 + 0.35) × 24 h; system: 2 × 0.03350571 × 24 h; GKE fee: 0.10 × 24 h.
        #expect(report.simulated.gpuNodes == TestSupport.dollars("14.078544"))
        #expect(report.simulated.systemNodes == TestSupport.dollars("1.60827408"))
        #expect(report.simulated.clusterFee == TestSupport.dollars("2.4"))
        #expect(report.simulated.total == TestSupport.dollars("18.08681808"))
        // No requests: the dedicated VM idles all day.
        #expect(report.simulated.gpuByState[.idle] == report.simulated.gpuNodes)
        // 730-h month = 30.41666… days: 18.08681808 × 730 / 24 = 550.140716600 (half-up at the nano-dollar).
        #expect(report.monthlyTotal == TestSupport.dollars("550.1407166"))
        #expect(report.monthlyTotal.formatted == "$550.14")
        #expect(report.optionName == "dedicated")
    }
}
