/// Where a trace file keeps arrival times and request sizes, and how to read them.
///
/// Column (or JSON key) names are configurable so public traces and request logs replay without
/// conversion; the presets below name the layouts of the ones `docs/trace-format.md` lists.
public struct TraceFormat: Sendable, Hashable {
    /// The file's syntax.
    public enum Syntax: String, Sendable, CaseIterable {
        /// Comma-separated values with a header line (RFC 4180 quoting accepted).
        case csv
        /// One JSON object per line.
        case jsonLines = "jsonl"
    }

    public var syntax: Syntax
    /// Column or key holding the arrival time.
    public var timeColumn: String
    public var timeFormat: TimeFormat
    /// Column or key holding the work size; `nil` when the trace has none (sizes are 0, and the
    /// service time must come from ``serviceTimeColumn``).
    public var sizeColumn: String?
    /// Multiplier applied to the size column (e.g. 0.001 for milliseconds of audio).
    public var sizeScale: Double
    /// Column or key holding generated tokens, if the trace has one.
    public var outputTokensColumn: String?
    /// Column or key holding each request's measured GPU time, used as its service time instead
    /// of the inference model's (``TraceRecord/serviceSeconds``).
    public var serviceTimeColumn: String?
    /// The unit ``serviceTimeColumn`` is written in.
    public var serviceTimeUnit: DurationUnit
    /// Multiplier applied to the measured service time (a faster or slower GPU), within
    /// ``serviceTimeScaleRange``.
    public var serviceTimeScale: Double
    /// Conditions a row must meet to be replayed; rows failing one are skipped and counted.
    public var filters: [RowFilter]
    /// Make times relative to the first record (always done for wall-clock times).
    public var startAtFirstRecord: Bool

    public init(
        syntax: Syntax = .csv,
        timeColumn: String = "arrival_seconds",
        timeFormat: TimeFormat = .auto,
        sizeColumn: String? = "work_size",
        sizeScale: Double = 1,
        outputTokensColumn: String? = nil,
        serviceTimeColumn: String? = nil,
        serviceTimeUnit: DurationUnit = .seconds,
        serviceTimeScale: Double = 1,
        filters: [RowFilter] = [],
        startAtFirstRecord: Bool = true
    ) {
        self.syntax = syntax
        self.timeColumn = timeColumn
        self.timeFormat = timeFormat
        self.sizeColumn = sizeColumn
        self.sizeScale = sizeScale
        self.outputTokensColumn = outputTokensColumn
        self.serviceTimeColumn = serviceTimeColumn
        self.serviceTimeUnit = serviceTimeUnit
        self.serviceTimeScale = serviceTimeScale
        self.filters = filters
        self.startAtFirstRecord = startAtFirstRecord
    }

    /// costsim's own CSV, as written by `costsim trace generate`.
    public static let costsim = TraceFormat()

    /// Azure LLM inference traces 2023 (`TIMESTAMP,ContextTokens,GeneratedTokens`).
    public static let azureLLM = TraceFormat(
        timeColumn: "TIMESTAMP", timeFormat: .wallClock, sizeColumn: "ContextTokens", outputTokensColumn: "GeneratedTokens")

    /// Mooncake FAST'25 JSON Lines traces (`timestamp` in ms, `input_length`, `output_length`).
    public static let mooncake = TraceFormat(
        syntax: .jsonLines, timeColumn: "timestamp", timeFormat: .milliseconds,
        sizeColumn: "input_length", outputTokensColumn: "output_length")

    /// The columns (or keys) the records are read from, time first; filter columns not included.
    public var columnsRead: [String] {
        [timeColumn] + [sizeColumn, outputTokensColumn, serviceTimeColumn].compactMap { $0 }
    }

    /// Bounds of ``serviceTimeScale``: a GPU 100 times faster or slower than the measured one is
    /// beyond any real comparison, and the bound keeps scaled times finite.
    public static let serviceTimeScaleRange = 0.01...100.0

    /// The problem with this layout, if any: no size and no service-time column, or a
    /// ``serviceTimeScale`` out of range.
    public var problem: (field: String, message: String)? {
        if sizeColumn == nil && serviceTimeColumn == nil {
            return ("sizeColumn", "the trace needs a size column or a service-time column: without either every request takes no time")
        }
        guard Self.serviceTimeScaleRange.contains(serviceTimeScale) else {
            return ("serviceTimeScale", "must be within \(Self.serviceTimeScaleRange.lowerBound) and \(Self.serviceTimeScaleRange.upperBound), got \(serviceTimeScale)")
        }
        return nil
    }

    /// The syntax a path's extension suggests: `.jsonl`/`.ndjson` are JSON Lines, the rest CSV.
    public static func syntax(forPath path: String) -> Syntax {
        path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? .jsonLines : .csv
    }
}
