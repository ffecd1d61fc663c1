/// A trace read from a file: a ``TraceSource`` that also tells how its arrival times relate to
/// the times the file writes.
public protocol TraceFileSource: TraceSource {
    /// The file's time frame, known once the first record has been read.
    var timeFrame: TraceTimeFrame? { get }
}

/// Opens a trace file with the reader its ``TraceFormat`` calls for.
public enum TraceFile {
    /// The records of `path`, streamed.
    public static func open(path: String, format: TraceFormat) throws(TraceError) -> any TraceSource {
        try reader(path: path, format: format)
    }

    /// The reader of `path`, which can also say how its times relate to the file's (for display).
    public static func reader(path: String, format: TraceFormat) throws(TraceError) -> any TraceFileSource {
        if let problem = format.problem { throw TraceError(file: path, field: problem.field, message: problem.message) }
        let reader: any TraceFileSource = switch format.syntax {
        case .csv: try CSVTraceReader(path: path, format: format)
        case .jsonLines: try JSONLinesTraceReader(path: path, format: format)
        case .accessLog: try AccessLogTraceReader(path: path, format: format)
        }
        guard format.reorderWindowSeconds > 0 else { return reader }
        return ReorderingTraceSource(reader, windowSeconds: format.reorderWindowSeconds)
    }
}
