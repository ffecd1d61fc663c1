import CostModel
import Scenarios
import Simulator
import Sweeps

/// Sweep throughput on the bundled scenario: the 24-configuration KEDA grid, 30 days each.
enum SweepBenchmark {
    static let kedaGrid = Benchmark(
        name: "sweep-keda",
        summary:
            "costsim sweep of scenarios/grid-keda.yaml (24 configurations × 2 replications, 30 days) with 1 and 2 jobs"
    ) {
        let scenario = try ScenarioLoader.load(path: "../scenarios/article-gke-t4.yaml")
        let grid = try Grid.load(path: "../scenarios/grid-keda.yaml")
        let calculator = CostCalculator(catalog: try PriceCatalog.bundled())
        let sweep = try Sweep(scenario: scenario, grid: grid, replications: 2, calculator: calculator)
        let runs = Double(grid.configurations.count * 2)
        var lines: [String] = []
        var secondsByJobs: [Int: Double] = [:]
        for jobs in [1, 2] {
            let start = Benchmark.now()
            _ = try await sweep.run(jobs: jobs)
            secondsByJobs[jobs] = Benchmark.now() - start
            lines.append(
                "\(jobs) job(s): \(String(format3: secondsByJobs[jobs]!)) s = \(String(format3: runs / secondsByJobs[jobs]!)) runs/s"
            )
        }
        let speedUp = secondsByJobs[1]! / secondsByJobs[2]!
        let thousandByTen = 10_000 / (runs / secondsByJobs[2]!)
        lines.append(
            "speed-up \(String(format3: speedUp))×; 1,000 configurations × 10 replications at this rate: \(String(format3: thousandByTen)) s"
        )
        return lines.joined(separator: "; ")
    }
}
