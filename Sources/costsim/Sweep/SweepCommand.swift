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
        try output.checkPaths(inputs: [("--grid", inputs.grid)] + inputs.scenario.inputFiles + inputs.pricing.inputFiles)
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
        try output.checkPaths(inputs: files.map { ("the shard file", $0) })
        var parts: [(path: String, results: SweepResults)] = []
        for file in files { parts.append((file, try ResultsDatabase.read(path: file))) }
        let merged = try ResultsDatabase.merge(parts)
        if !merged.complete {
            FileHandle.standardError.write(Data("costsim: warning: the result is \(merged.coverage)\n".utf8))
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

    /// Checks every output path before the sweep runs — each is a file that can be written (see
    /// ``OutputFile``), no two name the same file and none names an input — so that a sweep is
    /// never computed only to be thrown away.
    func checkPaths(inputs: [(option: String, path: String?)]) throws {
        for (option, path) in [("--output", output), ("--db", db), ("--chart", chart)] {
            if let path { _ = try OutputFile(checking: path, option: option) }
        }
        try AtomicFile.refuseSameFile(outputs: [("--output", output), ("--db", db), ("--chart", chart)], inputs: inputs)
    }

    /// Writes the results file, the table/CSV/JSON and the chart — all or none — and prints the
    /// table when there is no --output.
    func emit(_ results: SweepResults) throws {
        let view = SweepView(results: results, sort: sort, pareto: pareto)
        let text: String = switch format {
        case .table: view.table()
        case .csv: view.csv()
        case .json: try view.json()
        }
        var chartBytes: [UInt8]?
        if let chart {
            // The chart sets cost against the --pareto metric, like the printed frontier.
            let metric: ParetoMetric = pareto == .timeouts ? .share("timeout share") : .latency(pareto.rawValue)
            let points = results.summaries.map {
                ParetoPoint(label: "#\($0.configuration)", monthlyDollars: $0.cost.mean, metric: $0.interval(pareto).mean)
            }
            let format = ChartFormat(rawValue: (chart as NSString).pathExtension.lowercased()) ?? .png
            let title = "Sweep \(results.identity.optionName): monthly cost against \(metric.name)"
            chartBytes = try ChartRenderer().data(ParetoChart(points: points, metric: metric, title: title), format: format)
        }
        try OutputBatch.write { batch in
            if let db {
                try batch.add(to: OutputFile(checking: db, option: "--db")) { temporary in try ResultsDatabase.write(results, to: temporary, atomically: false) }
            }
            if let output { try batch.add(text, to: OutputFile(checking: output, option: "--output")) }
            if let chart, let chartBytes { try batch.add(chartBytes, to: OutputFile(checking: chart, option: "--chart")) }
        }
        if output == nil { print(text, terminator: "") }
    }
}
