import Scenarios

/// What can go wrong in a sweep, besides a bad grid file (``Scenarios/ScenarioFileError``).
public enum SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration cannot be built from the scenario (wrong option kind, unknown GPU, …).
    case invalidConfiguration(String)
    /// Bad command-line input: shard, objective expression, option name.
    case invalidInput(String)
    /// A results file cannot be read, written or merged.
    case results(String)
    /// One run of the sweep failed (an option that cannot keep up with the traffic, a cost too
    /// large to price): which configuration and replication, and why.
    case runFailed(configuration: Int, label: String, replication: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let message), .invalidInput(let message), .results(let message): message
        case .runFailed(let configuration, let label, let replication, let reason):
            "configuration \(configuration) (\(label)), replication \(replication): \(reason)"
        }
    }
}

/// `--shard i/n`: this process runs configurations whose index modulo `count` is `index`
/// (0-based, so a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` can be used as is).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public static let whole = Shard(unchecked: 0, count: 1)

    public init(index: Int, count: Int) throws(SweepError) {
        guard count >= 1 else { throw .invalidInput("shard count must be >= 1 (got \(count))") }
        guard index >= 0, index < count else {
            throw .invalidInput(
                "shard index \(index) is out of range 0..<\(count) (indices are 0-based, like JOB_COMPLETION_INDEX)")
        }
        self.index = index
        self.count = count
    }

    private init(unchecked index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `i/n`.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .invalidInput("--shard '\(text)': expected i/n, e.g. 0/4 (0-based index)")
        }
        try self.init(index: index, count: count)
    }

    public func contains(configuration: Int) -> Bool { configuration % count == index }

    public var description: String { "\(index)/\(count)" }
}
