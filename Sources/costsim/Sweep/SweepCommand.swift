import ArgumentParser
import Foundation
import Reports
import Sweeps

/// `costsim sweep`: run a grid of configurations with replications; `costsim sweep merge`.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of configurations × replications: costs and latencies with 95% confidence intervals, Pareto frontier.",
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepRunCommand.self)
}

struct SweepRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep (the default: `costsim sweep --grid g.yaml` is `costsim sweep run --grid g.yaml`).",
        discussion: """
            Every configuration runs the same replications (seeds derived from the scenario's seed and the \
            replication number), so configurations are compared on the same traffic. --shard i/n runs the \
            configurations whose index modulo n is i (0-based); combine the --db files with `costsim sweep merge`. \
            Ctrl-C stops starting new runs, waits for those in flight and writes what finished (exit status 130).
            """)

    @OptionGroup var inputs: SweepInputs
    @OptionGroup var output: SweepOutputOptions

    @Option(name: .long, help: ArgumentHelp("Run only slice i of n (0-based: 0/4 … 3/4).", valueName: "i/n"))
    var shard: String?

    func run() async throws {
        let shard = try shard.map { try Shard(parsing: $0) } ?? .whole
        if shard.count > 1 && output.db == nil { throw CLIError("--shard needs --db FILE.sqlite (the shard's results, for `costsim sweep merge`)") }
        let sweep = try inputs.makeSweep()
        let results = try await SweepExecution.run(sweep, jobs: inputs.jobs, shard: shard)
        try output.emit(results)
        if !results.complete {
            FileHandle.standardError.write(Data("costsim: sweep interrupted: \(results.runs.count) runs kept\n".utf8))
            throw ExitCode(130)
        }
    }
}

struct SweepMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the --db files of the shards of one sweep into one results file.")

    @Argument(help: ArgumentHelp("Shard results files (shard-*.sqlite).", valueName: "shard.sqlite"))
    var files: [String]

    @OptionGroup var output: SweepOutputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the shard files to merge.") }
    }

    func run() async throws {
        var parts: [(path: String, results: SweepResults)] = []
        for file in files { parts.append((file, try ResultsDatabase.read(path: file))) }
        let merged = try ResultsDatabase.merge(parts)
        if !merged.complete {
            let count = merged.shards.first.map { _ in parts[0].results.shards[0].count } ?? 0
            FileHandle.standardError.write(Data("costsim: warning: merged \(merged.shards.count) of \(count) shards or some shard was interrupted; the result is partial\n".utf8))
        }
        try output.emit(merged)
    }
}

/// Output choices shared by `sweep` and `sweep merge`.
struct SweepOutputOptions: ParsableArguments {
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write the table/CSV/JSON to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Write the results (one row per configuration × replication, a summary view) to this SQLite file, atomically.", valueName: "results.sqlite"))
    var db: String?

    @Option(name: .long, help: "Sort the table by: cost, p50, p95, p99, timeouts or cold-starts.")
    var sort: SweepMetric = .cost

    @Option(name: .long, help: "Pareto frontier of cost against: p95, p99 or timeouts.")
    var pareto: SweepMetric = .p95

    @Option(name: .long, help: ArgumentHelp("Draw the Pareto chart of cost against the --pareto metric to this PNG (or .svg/.pdf) file.", valueName: "pareto.png"))
    var chart: String?

    func validate() throws {
        guard [.p50, .p95, .p99, .timeouts].contains(pareto) else { throw ValidationError("--pareto must be p50, p95, p99 or timeouts.") }
        if let chart, ChartFormat(rawValue: (chart as NSString).pathExtension.lowercased()) == nil {
            throw ValidationError("--chart: use a .png, .svg or .pdf file name.")
        }
    }

    func emit(_ results: SweepResults) throws {
        if let db { try ResultsDatabase.write(results, to: db) }
        let view = SweepView(results: results, sort: sort, pareto: pareto)
        let text: String = switch format {
        case .table: view.table()
        case .csv: view.csv()
        case .json: try view.json()
        }
        if let output { try AtomicFile.write(text, to: output) } else { print(text, terminator: "") }
        if let chart {
            // The chart sets cost against the --pareto metric, like the printed frontier.
            let metric: ParetoMetric = pareto == .timeouts ? .share("timeout share") : .latency(pareto.rawValue)
            let points = results.summaries.map {
                ParetoPoint(label: "#\($0.configuration)", monthlyDollars: $0.cost.mean, metric: $0.interval(pareto).mean)
            }
            let format = ChartFormat(rawValue: (chart as NSString).pathExtension.lowercased()) ?? .png
            let title = "Sweep \(results.identity.optionName): monthly cost against \(metric.name)"
            try ChartRenderer().write(ParetoChart(points: points, metric: metric, title: title), format: format, to: chart)
        }
    }
}
