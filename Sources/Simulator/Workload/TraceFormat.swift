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
        /// Access-log lines in an nginx `log_format` (``TraceFormat/logFormat``).
        case accessLog = "nginx"

        /// The syntax in words, for messages.
        public var name: String {
            switch self {
            case .csv: "CSV"
            case .jsonLines: "JSON Lines"
            case .accessLog: "an access log"
            }
        }
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
    /// Column holding how long the request took, in seconds, when the time column is when it
    /// ended (a log line is written then): the arrival is the time minus this (nginx's
    /// `$request_time`). `nil`: the time column is the arrival.
    public var durationColumn: String?
    /// How far, in seconds, arrivals may go back in the file: request logs are written as requests
    /// end, so their arrivals are out of order by up to the longest request. Records are replayed
    /// in arrival order through a buffer holding this many seconds of them; 0 (the default) keeps
    /// the file's order strict.
    public var reorderWindowSeconds: Double
    /// The line layout of an access log (``Syntax/accessLog``); `nil` is ingress-nginx's default.
    public var logFormat: AccessLogFormat?
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
        durationColumn: String? = nil,
        reorderWindowSeconds: Double = 0,
        logFormat: AccessLogFormat? = nil,
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
        self.durationColumn = durationColumn
        self.reorderWindowSeconds = reorderWindowSeconds
        self.logFormat = logFormat
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
        [timeColumn] + [durationColumn, sizeColumn, outputTokensColumn, serviceTimeColumn].compactMap { $0 }
    }

    /// Bounds of ``serviceTimeScale``: a GPU 100 times faster or slower than the measured one is
    /// beyond any real comparison, and the bound keeps scaled times finite.
    public static let serviceTimeScaleRange = 0.01...100.0

    /// The problem with this layout, if any: no size and no service-time column, or a
    /// ``serviceTimeScale`` out of range.
    public var problem: (field: String, message: String)? {
        if sizeColumn == nil && serviceTimeColumn == nil {
            return ("sizeColumn", "the trace needs a size column or a service-time column: "
                + "without either every request takes no time")
        }
        guard reorderWindowSeconds >= 0, reorderWindowSeconds <= Self.maxReorderWindowSeconds else {
            return ("reorderWindow", "must be within 0 and \(Int(Self.maxReorderWindowSeconds)) s, got \(reorderWindowSeconds)")
        }
        guard Self.serviceTimeScaleRange.contains(serviceTimeScale) else {
            let range = Self.serviceTimeScaleRange
            return ("serviceTimeScale", "must be within \(range.lowerBound) and \(range.upperBound), got \(serviceTimeScale)")
        }
        return nil
    }

    /// Largest ``reorderWindowSeconds``: a day, longer than any request a log records.
    public static let maxReorderWindowSeconds = 86_400.0

    /// ingress-nginx access logs (`log-format-upstream`, by default ``AccessLogFormat/ingressNginx``):
    /// the arrival is the log time (`$msec` if the format has it, else `$time_local`) minus
    /// `$request_time`; the service time is `$upstream_response_time`.
    public static func nginx(logFormat: AccessLogFormat = .ingressNginx) -> TraceFormat {
        let msec = logFormat.variables.contains("msec")
        return TraceFormat(
            syntax: .accessLog, timeColumn: msec ? "msec" : "time_local", timeFormat: msec ? .seconds : .wallClock,
            sizeColumn: nil, serviceTimeColumn: "upstream_response_time", durationColumn: "request_time",
            reorderWindowSeconds: 3600, logFormat: logFormat)
    }

    /// Envoy access logs in Istio's default JSON layout (`meshConfig.accessLogEncoding: JSON`):
    /// the arrival is `start_time`, the service time `upstream_service_time` in milliseconds.
    public static let envoyJSON = TraceFormat(
        syntax: .jsonLines, timeColumn: "start_time", timeFormat: .wallClock, sizeColumn: nil,
        serviceTimeColumn: "upstream_service_time", serviceTimeUnit: .milliseconds, reorderWindowSeconds: 3600)

    /// The syntax a path's extension suggests: `.jsonl`/`.ndjson` are JSON Lines, the rest CSV.
    public static func syntax(forPath path: String) -> Syntax {
        path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? .jsonLines : .csv
    }
}
