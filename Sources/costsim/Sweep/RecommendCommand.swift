import ArgumentParser
import Foundation
import Sweeps

/// `costsim recommend`: the cheapest configuration that meets an SLO with 95 % confidence.
struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "The cheapest configuration of a sweep that meets a latency (and timeout) SLO with 95% confidence.",
        discussion: """
            A configuration meets "p95<=30s" when the upper bound of the 95% confidence interval of its p95 \
            (over the replications) is at most 30 s — so at least 2 replications are needed. Reads a sweep \
            results file (--results) or runs the sweep (--grid). --break-even also finds the traffic volume at \
            which the scenario's dedicated option becomes cheaper than the recommended configuration.

            Examples:
              costsim recommend --grid g.yaml --slo "p95<=30s" --timeouts "<=1%"
              costsim recommend --results s.sqlite --slo "p99<=1m" --format json
              costsim recommend --grid g.yaml --slo "p95<=30s" --break-even
            """)

    @OptionGroup var inputs: SweepInputs

    @Option(
        name: .long,
        help: ArgumentHelp("Use this sweep results file instead of running --grid.", valueName: "results.sqlite"))
    var results: String?

    @OptionGroup var objectiveOptions: ObjectiveOptions

    @Flag(
        name: .long,
        help: "Also compute the break-even traffic volume against the scenario's dedicated option (needs --grid).")
    var breakEven = false

    @Option(
        name: .long, help: "The dedicated option for --break-even (default: the scenario's first dedicated option).")
    var dedicatedOption: String?

    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @OptionGroup var output: ResultOutput

    func validate() throws {
        if objectiveOptions.slo.isEmpty { throw ValidationError("give a latency objective, e.g. --slo \"p95<=30s\".") }
        if results != nil && inputs.grid != nil { throw ValidationError("give --results or --grid, not both.") }
        if results == nil && inputs.grid == nil {
            throw ValidationError("give --results FILE.sqlite or --grid FILE.yaml.")
        }
        if breakEven && inputs.grid == nil {
            throw ValidationError("--break-even re-runs the scenario: it needs --grid (and --scenario).")
        }
    }

    func run() async throws {
        let outputFile = try output.check(inputs: [("--results", results), ("--grid", inputs.grid)]
            + inputs.scenario.inputFiles + inputs.pricing.inputFiles)
        let objectives = try objectiveOptions.objectives()
        let sweep: Sweep?
        let outcome: SweepResults
        if let results {
            sweep = nil
            outcome = try ResultsDatabase.read(path: results)
        } else {
            let built = try inputs.makeSweep()
            sweep = built
            outcome = try await SweepExecution.run(built, jobs: inputs.jobs, shard: .whole)
        }
        if let cap = outcome.identity.responseCapSeconds {
            for objective in objectives where objective.isAlwaysMet(responseCapSeconds: cap) {
                FileHandle.standardError.write(
                    Data(
                        ("costsim: warning: \(objective) is always met: a response counts at most the client timeout "
                            + "(\(Format.duration(cap))), so requests that time out do not break it; bound them with "
                            + "--timeouts\n").utf8))
            }
        }
        guard outcome.identity.replications >= 2 else {
            throw CLIError(
                "recommend needs at least 2 replications per configuration for a 95% confidence interval (use "
                    + "--replications 5 or more)")
        }
        let summaries = outcome.summaries.filter { $0.replications == outcome.identity.replications }
        let recommendation = Recommendation(summaries: summaries, objectives: objectives)
        var curve: BreakEven?
        if breakEven, let sweep, let best = recommendation.best {
            let scales = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32]
            curve = try await sweep.breakEven(
                configuration: best.configuration, dedicatedOption: dedicatedOption, scales: scales, jobs: inputs.jobs)
        }
        let view = RecommendView(
            objectives: objectives, replications: outcome.identity.replications, summaries: summaries,
            coverage: outcome.coverage.isWholeGrid ? nil : outcome.coverage.description,
            recommendation: recommendation, curve: curve)
        let text: String = switch format {
        case .table: view.table()
        case .json: try view.json()
        case .csv: view.csv()
        }
        try output.emit(text, to: outputFile)
        // Exit status 2: the answer is "no configuration meets the objective".
        if recommendation.best == nil { throw ExitCode(2) }
    }
}
