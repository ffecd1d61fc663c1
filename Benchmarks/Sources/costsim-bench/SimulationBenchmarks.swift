import Scenarios
import Simulator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Benchmarks of whole simulations through the public `Simulation` API.
enum SimulationBenchmarks {
    /// The full serving model (broker, pods, statistics, timeline) on M/M/1.
    static let servingMM1 = Benchmark(
        name: "serving-mm1",
        summary: "Full serving model, dedicated 1 GPU, Poisson arrivals, exponential service, 2 million requests"
    ) {
        let requests = 2_000_000.0
        let description = SyntheticTrace.Description(
            workPerDay: 0.8 * 86_400, days: requests / 0.8 / 86_400, profile: .uniform,
            requestSize: .exponential(mean: 1))
        let scenario = Scenario(
            name: "mm1", workload: .synthetic(description),
            inference: InferenceModel(secondsPerWorkUnit: 1, noise: .constant(1)), clientTimeoutSeconds: 1e12,
            timelineBucketSeconds: 3600)
        let (result, seconds) = try Benchmark.time { try Simulation.run(scenario, option: .articleDedicated) }
        return """
            \(result.eventCount) events in \(String(format3: seconds)) s = \(String(format3: Double(result.eventCount) / seconds / 1e6)) M events/s; \
            mean wait \(String(format3: result.requests.wait.meanSeconds)) s (theory 4.000)
            """
    }

    /// The bundled scenario (`scenarios/article-gke-t4.yaml`, 30 days): every deployment option.
    static let articleMonth = Benchmark(
        name: "article-30-days",
        summary: "The bundled scenario (article workload, 30 days): each deployment option, best of 10 runs"
    ) {
        try everyOption(of: "../scenarios/article-gke-t4.yaml")
    }

    /// The bundled EKS scenario (`scenarios/eks-karpenter-t4.yaml`, 30 days): Karpenter beside the
    /// cluster autoscaler and a dedicated node.
    static let karpenterMonth = Benchmark(
        name: "eks-karpenter-30-days",
        summary: "The bundled EKS scenario (article workload, 30 days, Karpenter): each option, best of 10 runs"
    ) {
        try everyOption(of: "../scenarios/eks-karpenter-t4.yaml")
    }

    /// The bundled serverless comparison (`scenarios/article-serverless.yaml`, 30 days): the five
    /// platforms' scalers beside a dedicated VM and KEDA scale-to-zero.
    static let serverlessMonth = Benchmark(
        name: "article-serverless-30-days",
        summary:
            "The bundled serverless scenario (article workload, 30 days, 5 platforms): each option, best of 10 runs"
    ) {
        try everyOption(of: "../scenarios/article-serverless.yaml")
    }

    /// Each option of the scenario at `path`, best of 10 runs: its events and milliseconds.
    private static func everyOption(of path: String) throws -> String {
        let scenario = try ScenarioLoader.load(path: path)
        var lines: [String] = []
        var total = 0.0
        for option in scenario.options {
            var best = Double.infinity
            var events = 0
            for _ in 0..<10 {
                let (result, seconds) = try Benchmark.time { try Simulation.run(scenario, option: option) }
                best = min(best, seconds)
                events = result.eventCount
            }
            total += best
            lines.append("\(option.name): \(events) events, \(String(format3: best * 1000)) ms")
        }
        return lines.joined(separator: "; ") + "; all options \(String(format3: total * 1000)) ms"
    }

    /// One simulated year at 10 requests/s (315 million requests) through the scale-to-zero option.
    static let yearAt10PerSecond = Benchmark(
        name: "year-10rps",
        summary:
            "One simulated year of Poisson traffic at 10 requests/s (0.5 s each) through KEDA scale-to-zero, max 10 GPU nodes"
    ) {
        let description = SyntheticTrace.Description(
            workPerDay: 10 * 0.5 * 86_400, days: 365, profile: .uniform, requestSize: .exponential(mean: 0.5))
        let scenario = Scenario(
            name: "year", workload: .synthetic(description),
            inference: InferenceModel(secondsPerWorkUnit: 1, noise: .constant(1)),
            horizonSeconds: 365 * 86_400, seed: 1, timelineBucketSeconds: 3600)
        var option = DeploymentOption.articleScaleToZero
        if case .autoscaled(var deployment) = option.kind {
            deployment.maxNodes = 10
            if case .keda(var keda) = deployment.autoscaler {
                keda.maxReplicaCount = 10
                deployment.autoscaler = .keda(keda)
            }
            option.kind = .autoscaled(deployment)
        }
        let (result, seconds) = try Benchmark.time { try Simulation.run(scenario, option: option) }
        return """
            \(result.requests.arrived) requests, \(result.eventCount) events in \(String(format3: seconds)) s \
            (\(String(format3: Double(result.eventCount) / seconds / 1e6)) M events/s)
            """
    }

    /// Streams a 10-million-request CSV trace from disk through the dedicated option.
    static let streamingTrace = Benchmark(
        name: "trace-10m",
        summary: "Replay of a 10-million-request CSV trace file: time and peak memory"
    ) {
        let path = "/tmp/costsim-bench-10m.csv"
        let requests = 10_000_000
        if access(path, F_OK) != 0 { try writeTrace(path: path, requests: requests) }
        let scenario = Scenario(
            name: "stream", workload: .traceFile(path: path, format: .costsim),
            inference: InferenceModel(secondsPerWorkUnit: 1, noise: .constant(1)), clientTimeoutSeconds: 1e12,
            timelineBucketSeconds: 3600)
        let before = Benchmark.peakResidentMegabytes()
        let (result, seconds) = try Benchmark.time { try Simulation.run(scenario, option: Self.dedicated(nodes: 4)) }
        return """
            \(result.requests.arrived) requests, \(result.eventCount) events in \(String(format3: seconds)) s; \
            peak RSS \(String(format3: Benchmark.peakResidentMegabytes())) MB (before the run: \(String(format3: before)) MB)
            """
    }

    static func dedicated(nodes: Int) -> DeploymentOption {
        DeploymentOption(name: "dedicated", kind: .dedicated(DedicatedDeployment(nodeCount: nodes, node: .articleGPU)))
    }

    /// Writes a Poisson trace at 3 requests/s with exponential sizes of mean 1 s (ρ = 0.75 on 4 GPUs),
    /// in the number format `costsim trace generate` writes (`%.6f,%.3f`).
    static func writeTrace(path: String, requests: Int) throws {
        guard let file = fopen(path + ".tmp", "w") else { throw BenchmarkError("cannot write \(path)") }
        fputs("arrival_seconds,work_size\n", file)
        var generator = Xoshiro256StarStar(seed: 10)
        var time = 0.0
        for _ in 0..<requests {
            time += -log(1 - generator.nextUnitInterval()) / 3
            let size = -log(1 - generator.nextUnitInterval())
            fputs("\(fixed(time, decimals: 6)),\(fixed(size, decimals: 3))\n", file)
        }
        fclose(file)
        rename(path + ".tmp", path)
    }
}

/// `value` with a fixed number of decimals (no Foundation).
func fixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((value * scale).rounded())
    let whole = scaled / Int64(scale)
    let fraction = String(scaled % Int64(scale))
    return "\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
