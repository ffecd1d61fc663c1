// costsim benchmarks: `swift run -c release costsim-bench [name ...]` (all when no name is given).
let benchmarks = [
    EngineBenchmark.benchmark,
    SimulationBenchmarks.servingMM1,
    SimulationBenchmarks.articleMonth,
    SimulationBenchmarks.karpenterMonth,
    SimulationBenchmarks.serverlessMonth,
    SimulationBenchmarks.streamingTrace,
    SimulationBenchmarks.yearAt10PerSecond,
    YearFloorBenchmark.benchmark,
    SweepBenchmark.kedaGrid,
    InputAndReportBenchmarks.longTraceField,
    InputAndReportBenchmarks.catalogOpen,
    PriceImportBenchmark.awsOfferCSV,
    PriceImportJSONBenchmark.awsOfferJSON,
    InputAndReportBenchmarks.report30Days,
    CommandBenchmarks.readmeCommand,
]

let requested = Set(CommandLine.arguments.dropFirst())
for benchmark in benchmarks where requested.isEmpty || requested.contains(benchmark.name) {
    print("\(benchmark.name): \(benchmark.summary)")
    do {
        print("  " + (try await benchmark.body()))
    } catch {
        print("  failed: \(error)")
    }
}
