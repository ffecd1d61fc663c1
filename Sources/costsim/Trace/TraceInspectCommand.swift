import ArgumentParser
import Simulator
import Storage

/// `costsim trace inspect`: what a trace looks like to an autoscaler.
struct TraceInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print a trace's count, span, rate, size percentiles and longest idle gaps.",
        discussion: """
            Examples:
              costsim trace generate -o day.csv --days 1 && costsim trace inspect day.csv
              costsim trace inspect log.csv --time-column ts --time-format wall-clock
              costsim trace inspect day.csv --format json -o day-summary.json
            """)

    @Argument(help: "Trace file (CSV with header, JSON Lines, or an access log).")
    var file: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Layout: costsim, azure-llm, mooncake, nginx or envoy-json (default: costsim, JSON Lines by extension); "
                + "servegen: a ServeGen rate file, summarised through the arrivals generated from it."))
    var preset: TracePreset?

    @Option(name: .long, help: "Seed for the arrivals generated from a servegen rate file (replication 0).")
    var seed: UInt64 = 1

    @OptionGroup var columns: TraceColumnOptions

    @Option(
        name: .long, parsing: .unconditional, help: "How many of the longest idle gaps to list (0-\(Self.maxGaps)).")
    var gaps: Int = 5

    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @OptionGroup var output: ResultOutput

    /// Most gaps `--gaps` may list: the list is kept sorted by insertion, so its length multiplies
    /// the work per record.
    static let maxGaps = 1000

    func run() async throws {
        guard (0...Self.maxGaps).contains(gaps) else {
            throw ValidationError("--gaps must be within 0 and \(Self.maxGaps)")
        }
        let outputFile = try output.check(inputs: [("FILE", file)])
        if preset == .servegen {
            guard columns.isEmpty else {
                throw ValidationError(
                    "a servegen rate file has no columns to map: --preset servegen takes no column options")
            }
            let description = try RateTrace.Description.read(path: file)
            var source = RateTrace(description, seed: seed, replication: 0)
            let summary = try TraceSummary.of(&source, keepLongestGaps: gaps)
            guard summary.count > 0 else { throw CLIError("\(file): every window is idle: no requests to generate") }
            let document = TraceInspectDocument(file: file, summary: summary, rates: description, seed: seed)
            return try emit(table: { renderRates(summary, description) }, document, to: outputFile)
        }
        var traceFormat = preset?.format ?? .costsim
        if preset == nil { traceFormat.syntax = TraceFormat.syntax(forPath: file) }
        traceFormat = try columns.apply(to: traceFormat)
        var source = try TraceFile.reader(path: file, format: traceFormat)
        let summary = try TraceSummary.of(&source, keepLongestGaps: gaps)
        // The readers refuse a file without records, so both are set here.
        guard summary.count > 0, let frame = source.timeFrame else { throw CLIError("\(file): trace has no records") }
        let document = TraceInspectDocument(
            file: file, summary: summary, format: traceFormat, frame: frame, droppedRows: source.droppedRows)
        try emit(
            table: { render(summary, format: traceFormat, frame: frame, droppedRows: source.droppedRows) }, document,
            to: outputFile)
    }

    /// Prints or writes the summary in `--format`.
    private func emit(table: () -> String, _ document: TraceInspectDocument, to file: OutputFile?) throws {
        let text: String = switch format {
        case .table: table() + "\n"
        case .json: try JSONOutput.text(document)
        case .csv: document.csv()
        }
        try output.emit(text, to: file)
    }

    /// The summary, with times as the file writes them (`frame`), not as `run` replays them.
    func render(_ summary: TraceSummary, format: TraceFormat, frame: TraceTimeFrame, droppedRows: Int) -> String {
        let unit = switch frame.unit {
        case .seconds: "s"
        case .milliseconds: "ms"
        case .wallClock: "UTC"
        }
        let replay =
            frame.startsAtFirstRecord
            ? "costsim run replays the first arrival at 0 s" : "costsim run replays them as written"
        var lines: [String] = [
            "trace     \(file)",
            "requests  \(Format.count(summary.count))",
            "span      \(Format.duration(summary.spanSeconds)): first arrival "
                + "\(frame.fileTime(ofArrival: summary.firstArrivalSeconds)), "
                + "last \(frame.fileTime(ofArrival: summary.lastArrivalSeconds))",
            "times     as in the file's '\(format.timeColumn)'\(format.durationColumn.map { " minus '\($0)'" } ?? "") "
                + "(\(frame.unit == .wallClock ? "UTC" : frame.unit.rawValue)); \(replay)",
            "rate      \(Format.fixed(summary.ratePerSecond, decimals: 4)) req/s = "
                + "\(Format.fixed(summary.ratePerSecond * 3600, decimals: 1)) req/h",
        ]
        if let column = format.sizeColumn {
            // Exact percentiles of whole-number sizes are printed as whole numbers.
            let exact = summary.sizePercentilesAreExact
            let decimals = exact && summary.sizesAreWholeNumbers ? 0 : 2
            func size(_ percentile: Double) -> String {
                Format.fixed(summary.size(atPercentile: percentile), decimals: decimals)
            }
            lines += [
                "work      \(Format.fixed(summary.totalWork, decimals: 1)) units of '\(column)' in total",
                "size      mean \(Format.fixed(summary.meanSize, decimals: 2))  p50 \(size(50))  p90 \(size(90))  "
                    + "p99 \(size(99))  max \(size(100))" + (exact ? "" : "  (percentiles to 3 significant digits)"),
            ]
        }
        if let column = format.serviceTimeColumn {
            let mean = Format.duration(summary.totalServiceSeconds / Double(summary.count))
            lines.append("service   \(Format.duration(summary.totalServiceSeconds)) of measured '\(column)' in total, "
                + "mean \(mean) (× \(Format.parameter(format.serviceTimeScale)))")
        }
        if !format.filters.isEmpty {
            let filters = format.filters.map(\.description).joined(separator: " and ")
            lines.append("filtered  \(Format.count(droppedRows)) rows dropped by \(filters)")
        }
        lines += gapTables(summary, unit: unit, time: frame.fileTime(ofArrival:))
        return lines.joined(separator: "\n")
    }

    /// The summary of the arrivals generated from a rate file, times in seconds from its first window.
    func renderRates(_ summary: TraceSummary, _ description: RateTrace.Description) -> String {
        let busy = description.windows.filter { $0.gaps != nil }.count
        var lines = [
            "trace     \(file): ServeGen rates, \(Format.count(description.windows.count)) windows of "
                + "\(Format.duration(description.windowSeconds)) "
                + "(\(Format.count(busy)) with traffic)",
            "requests  \(Format.count(summary.count)) generated (seed \(seed), replication 0; costsim run draws its "
                + "own per seed and replication)",
            "span      \(Format.duration(summary.spanSeconds)) of \(Format.duration(description.horizonSeconds)) "
                + "observed: first arrival "
                + "\(Format.fixed(summary.firstArrivalSeconds, decimals: 1)) s, last "
                    + "\(Format.fixed(summary.lastArrivalSeconds, decimals: 1)) s from the first window",
            "idle      \(Format.duration(summary.firstArrivalSeconds)) before the first arrival, "
                + "\(Format.duration(description.horizonSeconds - summary.lastArrivalSeconds)) after the last (below: "
                    + "the gaps between arrivals)",
            "rate      \(Format.fixed(Double(summary.count) / description.horizonSeconds, decimals: 4)) req/s over the "
                + "observed period; "
                + "\(Format.fixed(summary.ratePerSecond, decimals: 4)) req/s from the first to the last arrival",
        ]
        lines += gapTables(summary, unit: "s", time: { Format.fixed($0, decimals: 1) })
        return lines.joined(separator: "\n")
    }

    /// The idle-gap table and the longest gaps, with times as `time` writes them.
    private func gapTables(_ summary: TraceSummary, unit: String, time: (Double) -> String) -> [String] {
        var lines = [
            "",
            "Idle gaps (scale-to-zero pays off in gaps longer than the KEDA cooldown plus the "
                + "cluster-autoscaler delays)",
        ]
        var table = TextTable([
            ("gaps longer than", .left), ("count", .right), ("idle time in them", .right), ("share of span", .right),
        ])
        for (index, threshold) in summary.gapThresholdsSeconds.enumerated() {
            let share = summary.spanSeconds > 0 ? summary.gapSeconds[index] / summary.spanSeconds : 0
            table.add([
                Format.duration(threshold), Format.count(summary.gapCounts[index]),
                Format.duration(summary.gapSeconds[index]), Format.percent(share),
            ])
        }
        lines.append(table.render())
        if !summary.longestGaps.isEmpty {
            lines.append("")
            var longest = TextTable([("longest gaps", .left), ("from (\(unit))", .right), ("to (\(unit))", .right)])
            for gap in summary.longestGaps {
                longest.add([
                    Format.duration(gap.lengthSeconds), time(gap.startSeconds),
                    time(gap.startSeconds + gap.lengthSeconds),
                ])
            }
            lines.append(longest.render())
        }
        return lines
    }
}
