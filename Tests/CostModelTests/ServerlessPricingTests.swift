import Foundation
import Testing
import Simulator
@testable import CostModel

/// Serverless instances priced from `platform` rows of a hand-made catalog
/// (`Tests/Fixtures/serverless/platform-catalog.csv`): each instance is billed from its start
/// until its removal at the row's hourly rate.
@Suite struct ServerlessPricingTests {
    static func catalog() throws -> PriceCatalog {
        let rows = try CatalogCSV.parse(
            file: TestSupport.fixture("serverless/platform-catalog.csv").path, defaults: CatalogCSV.Defaults())
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("catalog.sqlite").path
        try PriceCatalog.writeDatabase(rows, to: path)
        return try PriceCatalog(contentsOfFile: path)
    }

    @Test func oneRequestIsBilledFromTheInstanceStartToItsRemoval() throws {
        // One 10-s request at t=5 into Modal (start-up 15 s, idle window 60 s): the instance runs
        // 5–90, 85 s at $0.5904/h = $0.01394.
        let settings = ServerlessSettings(
            concurrency: 1, maxInstances: 1, idleTimeoutSeconds: 60, instanceStart: .constant(1),
            containerStart: .constant(4), modelLoad: .constant(10), requestTimeoutSeconds: 300)
        let option = DeploymentOption(
            name: "modal", kind: .serverless(ServerlessDeployment(platform: .modal, gpu: "T4", settings: settings)))
        let scenario = Scenario(
            name: "one", workload: .records([TraceRecord(arrivalSeconds: 5, workSize: 10)]),
            inference: InferenceModel(workUnit: .audioSeconds, overheadSeconds: 0, secondsPerWorkUnit: 1,
                                      noise: .constant(1)),
            horizonSeconds: 200, options: [option])
        let result = try Simulation.run(scenario, option: option)
        let report = try CostCalculator(catalog: Self.catalog(), rules: .standard).price(result)
        #expect(report.simulated.gpuNodes == TestSupport.dollars("0.01394"))
        #expect(report.simulated.clusterFee == .zero)
        #expect(report.simulated.gpuByState[.coldStart] == TestSupport.dollars("0.00246"))   // 15 s
        #expect(report.simulated.gpuByState[.idle] == TestSupport.dollars("0.00984"))        // 60 s
    }

    @Test func aPlatformRowPricesTheInstanceAndAMissingRegionIsNamed() throws {
        let catalog = try Self.catalog()
        let cloudRun = ServerlessDeployment(platform: .cloudRun).instance
        let price = try catalog.nodePrice(for: cloudRun)
        #expect(price.machine.kind == .platform)
        #expect(price.hourlyRate == TestSupport.rate("1.42164"))   // with zonal redundancy
        #expect(price.isGPUNode)
        var elsewhere = cloudRun
        elsewhere.region = "europe-west4"
        #expect(throws: CostModelError.self) { try catalog.nodePrice(for: elsewhere) }
        do {
            _ = try catalog.nodePrice(for: elsewhere)
        } catch {
            #expect("\(error)".contains("cloud-run/nvidia-l4"))
            #expect("\(error)".contains("europe-west4"))
        }
    }
}
