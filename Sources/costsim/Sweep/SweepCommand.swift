import ArgumentParser
import Foundation
import Reports
import Storage
import Sweeps

/// `costsim sweep`: run a grid of configurations with replications; `costsim sweep merge`.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract:
            "Run a grid of configurations × replications: costs and latencies with 95% confidence intervals, Pareto "
                + "frontier.",
        discussion: """
            Examples:
              costsim sweep --grid scenarios/grid-keda.yaml --replications 5 --jobs 2
              costsim sweep merge shard-0.sqlite shard-1.sqlite --db sweep.sqlite
            """,
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
            Ctrl-C stops starting new runs, waits for those in flight and writes what finished (exit status 130); \
            a --db file holding a complete sweep is kept, and the partial results go beside it (NAME.partial.sqlite).

            Examples:
              costsim sweep --grid scenarios/grid-keda.yaml --replications 5 --jobs 2
              costsim sweep --grid g.yaml --format csv -o sweep.csv --db sweep.sqlite
              costsim sweep --grid g.yaml --shard 0/2 --db shard-0.sqlite --chart p.png
            """)

    @OptionGroup var inputs: SweepInputs
    @OptionGroup var output: SweepOutputOptions

    @Option(name: .long, help: ArgumentHelp("Run only slice i of n (0-based: 0/4 … 3/4).", valueName: "i/n"))
    var shard: String?

    func run() async throws {
        let shard = try shard.map { try Shard(parsing: $0) } ?? .whole
        if shard.count > 1 && output.db == nil {
            throw CLIError("--shard needs --db FILE.sqlite (the shard's results, for `costsim sweep merge`)")
        }
        let inputFiles = [("--grid", inputs.grid)] + inputs.scenario.inputFiles + inputs.pricing.inputFiles
        let files = try output.checkPaths(inputs: inputFiles)
        let sweep = try inputs.makeSweep()
        let results = try await SweepExecution.run(sweep, jobs: inputs.jobs, shard: shard)
        let db = try output.emit(results, to: files)
        if !results.complete {
            let kept = db.map { db in
                " in \(db.path)"
                    + (db.path == output.db ? "" : " (\(output.db ?? "") holds a complete sweep and was kept)")
            }
            let message = "costsim: sweep interrupted: \(results.runs.count) runs kept\(kept ?? "")\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(130)
        }
    }
}

struct SweepMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the --db files of the shards of one sweep into one results file.",
        discussion: """
            Examples:
              costsim sweep merge shard-0.sqlite shard-1.sqlite --db sweep.sqlite
              costsim sweep merge shard-*.sqlite --format json -o sweep.json
            """)

    @Argument(help: ArgumentHelp("Shard results files (shard-*.sqlite).", valueName: "shard.sqlite"))
    var files: [String]

    @OptionGroup var output: SweepOutputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the shard files to merge.") }
    }

    func run() async throws {
        let checked = try output.checkPaths(inputs: files.map { ("the shard file", $0) })
        var parts: [(path: String, results: SweepResults)] = []
        for file in files { parts.append((file, try ResultsDatabase.read(path: file))) }
        let merged = try ResultsDatabase.merge(parts)
        if !merged.complete {
            FileHandle.standardError.write(Data("costsim: warning: the result is \(merged.coverage)\n".utf8))
        }
        if let db = try output.emit(merged, to: checked), db.path != output.db {
            let message = "costsim: \(output.db ?? "") holds a complete sweep and was kept; "
                + "the incomplete merge is in \(db.path)\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}

/// Output choices shared by `sweep` and `sweep merge`.
struct SweepOutputOptions: ParsableArguments {
    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @Option(name: .shortAndLong, help: "Write the table/CSV/JSON to this file (atomically) instead of standard output.")
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the results (one row per configuration × replication, a summary view) to this SQLite file, "
                + "atomically.",
            valueName: "results.sqlite"))
    var db: String?

    @Option(name: .long, help: "Sort the table by: cost, p50, p95, p99, timeouts or cold-starts.")
    var sort: SweepMetric = .cost

    /// The metrics a Pareto frontier sets cost against.
    enum ParetoAxis: String, ExpressibleByArgument, CaseIterable {
        case p50, p95, p99, timeouts

        var metric: SweepMetric {
            switch self {
            case .p50: .p50
            case .p95: .p95
            case .p99: .p99
            case .timeouts: .timeouts
            }
        }
    }

    @Option(name: .customLong("pareto"), help: "Pareto frontier of cost against: p50, p95, p99 or timeouts.")
    var paretoAxis: ParetoAxis = .p95

    var pareto: SweepMetric { paretoAxis.metric }

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Draw the Pareto chart of cost against the --pareto metric to this PNG (or .svg/.pdf) file.",
            valueName: "pareto.png"))
    var chart: String?

    func validate() throws {
        if let chart, ChartFormat(rawValue: (chart as NSString).pathExtension.lowercased()) == nil {
            throw ValidationError("--chart: use a .png, .svg or .pdf file name.")
        }
    }

    /// The output files, checked before the sweep runs.
    struct CheckedFiles {
        var db: OutputFile?
        var output: OutputFile?
        var chart: OutputFile?
    }

    /// Checks every output path before the sweep runs — each is a file that can be written (see
    /// ``OutputFile``), no two name the same file and none names an input — so that a sweep is
    /// never computed only to be thrown away.
    func checkPaths(inputs: [(option: String, path: String?)]) throws -> CheckedFiles {
        let files = CheckedFiles(
            db: try db.map { try OutputFile(checking: $0, option: "--db") },
            output: try output.map { try OutputFile(checking: $0, option: "--output") },
            chart: try chart.map { try OutputFile(checking: $0, option: "--chart") })
        try AtomicFile.refuseSameFile(outputs: [("--output", output), ("--db", db), ("--chart", chart)], inputs: inputs)
        if let db {   // where an interrupted sweep may have to write instead
            try FilePaths.checkOutputName(FilePaths.lastComponent(of: Self.partialPath(db)), for: Self.partialPath(db))
        }
        return files
    }

    /// Writes the results file, the table/CSV/JSON and the chart — all or none — and prints the
    /// table when there is no --output. Results of an incomplete sweep do not replace a --db file
    /// that holds a complete one: they go beside it (``partialPath(_:)``). Returns the results
    /// file written, if any.
    func emit(_ results: SweepResults, to files: CheckedFiles) throws -> OutputFile? {
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
                ParetoPoint(
                    label: "#\($0.configuration)", monthlyDollars: $0.cost.mean, metric: $0.interval(pareto).mean,
                    settings: $0.settings.map { ParetoPoint.Setting(name: $0.parameter.rawValue, value: $0.valueText) })
            }
            let format = ChartFormat(rawValue: (chart as NSString).pathExtension.lowercased()) ?? .png
            let title = "Sweep \(results.identity.optionName): monthly cost against \(metric.name)"
            chartBytes = try ChartRenderer().data(
                ParetoChart(points: points, metric: metric, title: title), format: format)
        }
        var dbFile = files.db
        if let db = dbFile, !results.complete, ResultsDatabase.holdsCompleteSweep(db.target) {
            dbFile = try OutputFile(checking: Self.partialPath(db.path), option: "--db")
        }
        try OutputBatch.write { batch in
            if let dbFile {
                try batch.add(to: dbFile) { temporary in
                    try ResultsDatabase.write(results, to: temporary, atomically: false)
                }
            }
            if let file = files.output { try batch.add(text, to: file) }
            if let file = files.chart, let chartBytes { try batch.add(chartBytes, to: file) }
        }
        if output == nil { print(text, terminator: "") }
        return dbFile
    }

    /// Where incomplete results go when `path` holds a complete sweep: `NAME.partial.EXT` beside
    /// it (`results.sqlite` → `results.partial.sqlite`; `results` → `results.partial`).
    static func partialPath(_ path: String) -> String {
        let name = FilePaths.lastComponent(of: path)
        let directory = String(path.dropLast(name.count))
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + ".partial" }
        return directory + name[..<dot] + ".partial" + name[dot...]
    }
}
