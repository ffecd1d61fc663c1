#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a scenario's requests come from.
public enum Workload: Sendable, Hashable {
    /// Generated traffic (streamed; depends on the seed and replication).
    case synthetic(SyntheticTrace.Description)
    /// A trace file replayed as given (streamed from disk).
    case traceFile(path: String, format: TraceFormat)
    /// Records held in memory (for code and tests).
    case records([TraceRecord])
    /// Arrivals generated from per-window request rates (ServeGen's client traces; depends on
    /// the seed and replication).
    case rates(RateTrace.Description)

    /// Opens a fresh stream of this workload's records.
    public func makeSource(seed: UInt64, replication: Int) throws(TraceError) -> any TraceSource {
        switch self {
        case .synthetic(let description): SyntheticTrace(description, seed: seed, replication: replication)
        case .traceFile(let path, let format): try TraceFile.open(path: path, format: format)
        case .records(let records): ArrayTrace(records)
        case .rates(let description): RateTrace(description, seed: seed, replication: replication)
        }
    }

    /// A trace file whose service times are its measured ones (`serviceTimeColumn`): the inference
    /// model, and the options' GPU speeds, do not apply to them.
    public var hasMeasuredServiceTimes: Bool {
        if case .traceFile(_, let format) = self { return format.serviceTimeColumn != nil }
        return false
    }

    /// The observation period the workload defines, if it defines one (generated days, the
    /// windows of a rate trace).
    public var naturalHorizonSeconds: Double? {
        switch self {
        case .synthetic(let description): description.horizonSeconds
        case .rates(let description): description.horizonSeconds
        case .traceFile, .records: nil
        }
    }

    /// The observation period of a run of this workload without a horizon — the last arrival of
    /// a trace (``SimulationResult/horizonSeconds``) — if it is
    /// shorter than `limitSeconds`; `nil` if it is not (or if the workload defines its own).
    /// Reads a trace file only up to the first record at or after `limitSeconds`, and not at all
    /// unless it is a regular file (a pipe can be read only once: `nil` then).
    public func observationSeconds(ifShorterThan limitSeconds: Double) throws(TraceError) -> Double? {
        guard naturalHorizonSeconds == nil else { return nil }
        if case .traceFile(let path, _) = self {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        }
        var source = try makeSource(seed: 0, replication: 0)
        var last = 0.0
        while let record = try source.next() {
            if record.arrivalSeconds >= limitSeconds { return nil }
            last = record.arrivalSeconds
        }
        return last
    }
}
