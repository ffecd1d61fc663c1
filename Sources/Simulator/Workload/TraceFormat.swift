/// Where a trace file keeps arrival times and request sizes, and how to read them.
///
/// Column (or JSON key) names are configurable so the public traces replay without
/// conversion; the presets below name the columns of the Azure LLM inference traces and the
/// Mooncake traces (docs/trace-format.md).
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
    /// Column or key holding the work size.
    public var sizeColumn: String
    /// Multiplier applied to the size column (e.g. 0.001 for milliseconds of audio).
    public var sizeScale: Double
    /// Column or key holding generated tokens, if the trace has one.
    public var outputTokensColumn: String?
    /// Make times relative to the first record (always done for wall-clock times).
    public var startAtFirstRecord: Bool

    public init(
        syntax: Syntax = .csv,
        timeColumn: String = "arrival_seconds",
        timeFormat: TimeFormat = .auto,
        sizeColumn: String = "work_size",
        sizeScale: Double = 1,
        outputTokensColumn: String? = nil,
        startAtFirstRecord: Bool = true
    ) {
        self.syntax = syntax
        self.timeColumn = timeColumn
        self.timeFormat = timeFormat
        self.sizeColumn = sizeColumn
        self.sizeScale = sizeScale
        self.outputTokensColumn = outputTokensColumn
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

    /// The syntax a path's extension suggests: `.jsonl`/`.ndjson` are JSON Lines, the rest CSV.
    public static func syntax(forPath path: String) -> Syntax {
        path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? .jsonLines : .csv
    }
}
