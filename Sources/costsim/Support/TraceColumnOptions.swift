import ArgumentParser
import Simulator

/// The column mapping of a trace file, shared by every command that reads one (`--trace` of
/// run, report, sweep, recommend and diff; `trace inspect`). Each option overrides one field of
/// the trace's ``TraceFormat``.
struct TraceColumnOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The nginx log_format of an access log (default with --trace-preset nginx: ingress-nginx's "
                + "log-format-upstream); columns are its variable names.",
            valueName: "format"))
    var logFormat: String?

    @Option(name: .long, help: "Column (or key) holding the arrival time.")
    var timeColumn: String?

    @Option(name: .long, help: "Time format: seconds, milliseconds, wall-clock or auto.")
    var timeFormat: String?

    @Option(
        name: .long, help: "Column (or key) holding the work size (with --service-time-column: read only if given).")
    var sizeColumn: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Column (or key) holding each request's measured GPU time in seconds, used as its service time instead of "
                + "the scenario's inference model.",
            valueName: "column"))
    var serviceTimeColumn: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Multiply the measured service times by this (a faster or slower GPU; "
                + "\(TraceFormat.serviceTimeScaleRange.lowerBound) to "
                + "\(TraceFormat.serviceTimeScaleRange.upperBound)).",
            valueName: "factor"))
    var serviceTimeScale: Double?

    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "Replay only the rows whose COLUMN is (=) or is not (!=) VALUE, e.g. predict_status=SUCCEED; repeatable, "
                + "all must hold.",
            valueName: "COLUMN=VALUE"))
    var filters: [String] = []

    /// Whether any option was given.
    var isEmpty: Bool {
        logFormat == nil && timeColumn == nil && timeFormat == nil && sizeColumn == nil && serviceTimeColumn == nil
            && serviceTimeScale == nil
            && filters.isEmpty
    }

    func validate() throws {
        _ = try parsedTimeFormat()
        _ = try parsedFilters()
        _ = try parsedLogFormat()
        if let serviceTimeScale, !TraceFormat.serviceTimeScaleRange.contains(serviceTimeScale) {
            throw ValidationError(
                "--service-time-scale must be within \(TraceFormat.serviceTimeScaleRange.lowerBound) and "
                    + "\(TraceFormat.serviceTimeScaleRange.upperBound)")
        }
        if serviceTimeScale != nil && serviceTimeColumn == nil {
            throw ValidationError("--service-time-scale scales the times of --service-time-column: give the column too")
        }
    }

    /// `format` with these options applied.
    func apply(to format: TraceFormat) throws -> TraceFormat {
        var format = format
        if let logFormat = try parsedLogFormat() { format = .nginx(logFormat: logFormat) }
        if let timeColumn { format.timeColumn = timeColumn }
        if let parsed = try parsedTimeFormat() { format.timeFormat = parsed }
        if let serviceTimeColumn {
            format.serviceTimeColumn = serviceTimeColumn
            format.sizeColumn = nil  // a measured service time needs no size; read one only if named
        }
        if let sizeColumn { format.sizeColumn = sizeColumn }
        if let serviceTimeScale { format.serviceTimeScale = serviceTimeScale }
        format.filters += try parsedFilters()
        return format
    }

    private func parsedLogFormat() throws -> AccessLogFormat? {
        guard let logFormat else { return nil }
        do throws(AccessLogFormat.FormatError) {
            return try AccessLogFormat(logFormat)
        } catch {
            throw ValidationError("--log-format: \(error.message)")
        }
    }

    private func parsedTimeFormat() throws -> TimeFormat? {
        guard let timeFormat else { return nil }
        guard let parsed = TimeFormat(rawValue: timeFormat) else {
            throw ValidationError(
                "--time-format must be one of \(TimeFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return parsed
    }

    private func parsedFilters() throws -> [RowFilter] {
        try filters.map { text in
            guard let filter = RowFilter(parsing: text) else {
                throw ValidationError("--where '\(text)': expected COLUMN=VALUE or COLUMN!=VALUE")
            }
            return filter
        }
    }
}
