/// Opens a trace file with the reader its ``TraceFormat`` calls for.
public enum TraceFile {
    public static func open(path: String, format: TraceFormat) throws(TraceError) -> any TraceSource {
        switch format.syntax {
        case .csv: try CSVTraceReader(path: path, format: format)
        case .jsonLines: try JSONLinesTraceReader(path: path, format: format)
        }
    }
}
