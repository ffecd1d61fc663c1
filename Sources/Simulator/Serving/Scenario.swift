/// Everything one study needs: the workload, how requests are served, the deployment options
/// to compare, and how to run them.
///
///     var scenario = Scenario(name: "demo", workload: .synthetic(.init(days: 7)))
///     scenario.options = [.articleDedicated]
///     let result = try Simulation.run(scenario, option: scenario.options[0])
///     print(result.requests.response.summary.p95Seconds)
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var workload: Workload
    public var inference: InferenceModel
    public var workers: WorkerSettings
    /// How long a client waits for its reply before giving up (seconds). Default 60 s, the
    /// ingress-nginx `proxy-read-timeout`.
    public var clientTimeoutSeconds: Double
    /// Expired messages are dropped from the task queue unserved (a queue message TTL equal to
    /// the client timeout). When `false`, workers still serve requests whose client left.
    public var dropExpiredMessages: Bool
    /// Observation period in seconds: arrivals at or after it are ignored, and always-on capacity
    /// is billed at least until it. `nil`: the workload's own length (generated days), or the
    /// end of the run for a trace file.
    public var horizonSeconds: Double?
    /// Base seed of all random streams.
    public var seed: UInt64
    /// Independent replications per option (different seeds derived from `seed`).
    public var replications: Int
    /// Width of a timeline bucket in seconds.
    public var timelineBucketSeconds: Double
    public var options: [DeploymentOption]
    /// The name of the option the others are compared against (cost ratios, savings); `nil`:
    /// the first option. Results do not depend on it.
    public var baseline: String?
    /// What the users need (upper bounds on latency, timeouts, cold starts); the verdict
    /// recommends the cheapest option meeting all of them. Empty: a documented default.
    /// Results do not depend on it.
    public var objectives: [Objective] = []

    public init(
        name: String, workload: Workload, inference: InferenceModel = InferenceModel(), workers: WorkerSettings = WorkerSettings(),
        clientTimeoutSeconds: Double = Scenario.defaultClientTimeoutSeconds, dropExpiredMessages: Bool = false, horizonSeconds: Double? = nil,
        seed: UInt64 = 1, replications: Int = 1, timelineBucketSeconds: Double = 60, options: [DeploymentOption] = []
    ) {
        self.name = name
        self.workload = workload
        self.inference = inference
        self.workers = workers
        self.clientTimeoutSeconds = clientTimeoutSeconds
        self.dropExpiredMessages = dropExpiredMessages
        self.horizonSeconds = horizonSeconds
        self.seed = seed
        self.replications = replications
        self.timelineBucketSeconds = timelineBucketSeconds
        self.options = options
    }

    /// The option the others are compared against: the one named ``baseline``, else the first.
    public var baselineOption: DeploymentOption? {
        baseline.flatMap { name in options.first { $0.name == name } } ?? options.first
    }

    /// The observation period for this scenario, if known before running.
    public var effectiveHorizonSeconds: Double? { horizonSeconds ?? workload.naturalHorizonSeconds }

    /// How long a run goes on after the last arrival (or the horizon) to answer what is left:
    /// the client timeout, but at least an hour. Requests still unanswered then count as timed out.
    public var drainLimitSeconds: Double { Swift.max(clientTimeoutSeconds, 3600) }

    /// At most this many replications per configuration: their results are kept in memory.
    public static let maxReplications = 10_000
    /// ingress-nginx's default `proxy-read-timeout` (60 s): how long a client behind it waits.
    public static let defaultClientTimeoutSeconds = 60.0
    /// At most this many timeline buckets over the run (a few bytes each, per run kept).
    public static let maxTimelineBuckets = 10_000_000.0

    public func validate() throws(ParameterError) {
        try inference.validate()
        try workers.validate()
        if case .synthetic(let description) = workload { try description.validate() }
        if case .rates(let description) = workload { try description.validate() }
        guard clientTimeoutSeconds > 0, !clientTimeoutSeconds.isNaN else { throw .invalidParameter("client timeout must be > 0 seconds") }
        if let horizonSeconds, !(horizonSeconds > 0 && horizonSeconds.isFinite) {
            throw .invalidParameter("horizon must be a positive number of seconds")
        }
        guard replications >= 1, replications <= Self.maxReplications else {
            throw .invalidParameter("replications must be within 1…\(Self.maxReplications)")
        }
        guard timelineBucketSeconds > 0, timelineBucketSeconds.isFinite else { throw .invalidParameter("timeline bucket must be > 0 seconds") }
        let observedSeconds = horizonSeconds ?? workload.naturalHorizonSeconds ?? 0
        guard observedSeconds / timelineBucketSeconds <= Self.maxTimelineBuckets else {
            throw .invalidParameter("timeline bucket of \(KEDAScaler.format(timelineBucketSeconds)) s makes more than \(Self.maxTimelineBuckets) buckets over the run")
        }
        var names = Set<String>()
        for option in options {
            try option.validate()
            guard names.insert(option.name).inserted else { throw .invalidParameter("two deployment options are named '\(option.name)'") }
        }
    }
}
