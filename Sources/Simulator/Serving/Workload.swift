/// Where a scenario's requests come from.
public enum Workload: Sendable, Hashable {
    /// Generated traffic (streamed; depends on the seed and replication).
    case synthetic(SyntheticTrace.Description)
    /// A trace file replayed as given (streamed from disk).
    case traceFile(path: String, format: TraceFormat)
    /// Records held in memory (for code and tests).
    case records([TraceRecord])

    /// Opens a fresh stream of this workload's records.
    public func makeSource(seed: UInt64, replication: Int) throws(TraceError) -> any TraceSource {
        switch self {
        case .synthetic(let description): SyntheticTrace(description, seed: seed, replication: replication)
        case .traceFile(let path, let format): try TraceFile.open(path: path, format: format)
        case .records(let records): ArrayTrace(records)
        }
    }

    /// The observation period the workload defines, if it defines one (generated days).
    public var naturalHorizonSeconds: Double? {
        if case .synthetic(let description) = self { return description.horizonSeconds }
        return nil
    }
}
