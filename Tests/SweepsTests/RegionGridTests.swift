import Foundation
import Simulator
import Testing
@testable import Sweeps

/// Sweeps over regions: "where is it cheapest for our trace".
@Suite("Region grids")
struct RegionGridTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("a dedicated T4 node costs its regional price × 730 h a month in each region of the grid")
    func dedicatedAcrossRegions() async throws {
        let grid = try Grid.parse(yaml: """
            parameters:
              provider/region: [gcp/us-central1, gcp/europe-west4, gcp/asia-south1]
            """, file: "regions.yaml")
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: grid, optionName: "dedicated", replications: 1,
            calculator: Fixtures.calculator())
        let results = try await sweep.run(jobs: 1)
        let dollars = results.runs.sorted { $0.configuration < $1.configuration }
            .map { Double($0.monthlyCostNanoDollars) / 1e9 }
        // n1-highmem-4 + T4 on demand: 0.236606 + 0.35; 0.260472 + 0.3675; 0.284168 + 0.41 (pricing/catalog.csv).
        let expected = [0.586606 * 730, 0.627972 * 730, 0.694168 * 730]
        #expect(dollars.count == 3)
        for (cost, want) in zip(dollars, expected) { #expect(abs(cost - want) < 1e-6, "\(cost) vs \(want)") }
    }

    @Test("the bundled region grid validates and runs: one simulation, priced in 8 regions × 2 GPUs")
    func bundledGrid() async throws {
        let path = Self.repositoryRoot.appendingPathComponent("scenarios/grid-regions.yaml").path
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: Grid.load(path: path), replications: 1,
            calculator: Fixtures.calculator())
        try sweep.validate()
        #expect(try sweep.simulationGroups(shard: .whole).groups.count == 1)
        let results = try await sweep.run(jobs: 2)
        #expect(results.runs.count == 16)
        #expect(Set(results.runs.map(\.monthlyCostNanoDollars)).count > 8)   // the regions' prices differ
    }

    @Test("a region the catalog does not have fails validation, naming the regions that sell the node")
    func unknownRegion() throws {
        let grid = try Grid.parse(
            yaml: "parameters:\n  provider/region: [gcp/us-central1, gcp/moon-base1]\n", file: "g.yaml")
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: grid, optionName: "dedicated", replications: 1,
            calculator: Fixtures.calculator())
        do {
            try sweep.validate()
            Issue.record("expected an error")
        } catch {
            let text = "\(error)"
            #expect(text.contains("unknown region 'moon-base1' for provider gcp"), "\(text)")
            #expect(text.contains("europe-west4") && !text.contains("us-east-1"), "\(text)")
        }
    }
}
