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
            """)

    @OptionGroup var inputs: SweepInputs

    @Option(name: .long, help: ArgumentHelp("Use this sweep results file instead of running --grid.", valueName: "results.sqlite"))
    var results: String?

    @Option(name: .long, help: ArgumentHelp(
        "Latency objective: p50, p95 or p99, then <= or <, then a duration. Repeat it for several (all must hold).", valueName: "p95<=30s"))
    var slo: [String] = []

    @Option(name: .long, help: ArgumentHelp("Timeout objective: the share of requests that time out.", valueName: "<=0.1%"))
    var timeouts: String?

    @Flag(name: .long, help: "Also compute the break-even traffic volume against the scenario's dedicated option (needs --grid).")
    var breakEven = false

    @Option(name: .long, help: "The dedicated option for --break-even (default: the scenario's first dedicated option).")
    var dedicatedOption: String?

    func validate() throws {
        if slo.isEmpty { throw ValidationError("give a latency objective, e.g. --slo \"p95<=30s\".") }
        if results != nil && inputs.grid != nil { throw ValidationError("give --results or --grid, not both.") }
        if results == nil && inputs.grid == nil { throw ValidationError("give --results FILE.sqlite or --grid FILE.yaml.") }
        if breakEven && inputs.grid == nil { throw ValidationError("--break-even re-runs the scenario: it needs --grid (and --scenario).") }
    }

    func run() async throws {
        var slos = try slo.map { text throws(SweepError) in try SLO.latency(text) }
        if let repeated = Dictionary(grouping: slos, by: \.metric).first(where: { $0.value.count > 1 }) {
            throw CLIError("two objectives on \(repeated.key.rawValue) (\(repeated.value.map(\.description).joined(separator: ", "))): give one per percentile")
        }
        if let timeouts { slos.append(try SLO.share(timeouts)) }
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
            for objective in slos where objective.isAlwaysMet(responseCapSeconds: cap) {
                FileHandle.standardError.write(Data(("costsim: warning: \(objective) is always met: a response counts at most the client timeout "
                    + "(\(Format.duration(cap))), so requests that time out do not break it; bound them with --timeouts\n").utf8))
            }
        }
        guard outcome.identity.replications >= 2 else {
            throw CLIError("recommend needs at least 2 replications per configuration for a 95% confidence interval (use --replications 5 or more)")
        }
        let summaries = outcome.summaries.filter { $0.replications == outcome.identity.replications }
        let recommendation = Recommendation(summaries: summaries, slos: slos)
        var text = "Objective: \(slos.map(\.description).joined(separator: " and ")), met with 95% confidence (upper CI bound), "
        text += "\(outcome.identity.replications) replications, \(summaries.count) configurations"
        if !outcome.coverage.isWholeGrid { text += " (\(outcome.coverage))" }
        text += "\n\n"
        guard let best = recommendation.best else {
            text += "No configuration meets the objective with 95% confidence.\n"
            if let closest = summaries.min(by: { ($0.interval(slos[0].metric).upper, $0.configuration) < ($1.interval(slos[0].metric).upper, $1.configuration) }) {
                text += "Closest on \(slos[0].metric.rawValue): #\(closest.configuration) \(closest.label): \(describe(closest, slos))\n"
                let missed = slos.filter { !$0.isMet(by: closest) }
                text += "  It misses \(missed.map { "\($0)" }.joined(separator: " and ")) with 95% confidence.\n"
            }
            print(text, terminator: "")
            throw ExitCode(2)
        }
        text += "Recommended: #\(best.configuration) \(best.label)\n  \(describe(best, slos))\n"
        if let runnerUp = recommendation.runnerUp {
            let extra = runnerUp.cost.mean - best.cost.mean
            text += "Runner-up:   #\(runnerUp.configuration) \(runnerUp.label)\n  \(describe(runnerUp, slos)); +$\(Format.fixed(extra, decimals: 2))/month\n"
        } else {
            text += "Runner-up:   none (only one configuration meets the objective)\n"
        }
        text += "\(recommendation.qualifying) of \(summaries.count) configurations meet the objective.\n"
        if recommendation.tightening.isEmpty {
            text += "Tightening \(slos[0].metric.rawValue): no configuration in the grid does better than the recommended one.\n"
        } else {
            text += "To tighten the objective:\n"
            for (slo, summary) in recommendation.tightening {
                text += "  \(slo.description): +$\(Format.fixed(summary.cost.mean - best.cost.mean, decimals: 2))/month (#\(summary.configuration) \(summary.label))\n"
            }
        }
        if breakEven, let sweep {
            let scales = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32]
            let curve = try await sweep.breakEven(configuration: best.configuration, dedicatedOption: dedicatedOption, scales: scales, jobs: inputs.jobs)
            text += "\nBreak-even against the dedicated option (traffic scaled from the scenario's volume; mean monthly cost):\n"
            var table = TextTable([("traffic", .right), ("work/day", .right), ("dedicated", .right), ("p95", .right),
                                   ("recommended", .right), ("p95", .right)])
            for point in curve.points {
                table.add(["×\(ParameterValue.format(point.scale))", Format.fixed(point.volume, decimals: 0),
                           "$" + Format.fixed(point.dedicatedDollars, decimals: 2), Format.duration(point.dedicatedP95Seconds),
                           "$" + Format.fixed(point.sweptDollars, decimals: 2), Format.duration(point.sweptP95Seconds)])
            }
            text += table.render() + "\n"
            text += "Costs only: a side whose p95 reaches the client timeout is overloaded at that volume (add dedicated nodes: dedicated.nodes).\n"
            if curve.crossovers.isEmpty {
                text += "No break-even in this range.\n"
            } else {
                for crossover in curve.crossovers {
                    text += "Break-even at about \(Format.fixed(crossover.volume, decimals: 0)) work units/day "
                    text += "(\(Format.fixed(crossover.volume / 60, decimals: 0)) minutes of audio/day for TTS): "
                    text += crossover.dedicatedCheaperAbove ? "dedicated is cheaper above it.\n" : "dedicated is cheaper below it.\n"
                }
            }
        }
        print(text, terminator: "")
    }

    private func describe(_ summary: ConfigurationSummary, _ slos: [SLO]) -> String {
        var parts = ["\(SweepView.money(summary.cost))/month"]
        for slo in slos {
            let interval = summary.interval(slo.metric)
            switch slo.metric {
            case .timeouts, .coldStarts:
                parts.append("\(slo.metric.rawValue) \(Format.percent(interval.mean)) (95% CI up to \(Format.percent(interval.upper)))")
            default:
                parts.append("\(slo.metric.rawValue) \(Format.duration(interval.mean)) (95% CI up to \(Format.duration(interval.upper)))")
            }
        }
        return parts.joined(separator: ", ")
    }
}
