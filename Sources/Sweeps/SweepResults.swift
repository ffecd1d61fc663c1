/// What one replication of one configuration produced: the numbers a sweep keeps.
public struct RunOutcome: Sendable, Hashable {
    public var configuration: Int
    public var replication: Int
    /// Monthly cost, exact nano-dollars.
    public var monthlyCostNanoDollars: Int64
    public var p50Seconds: Double
    public var p95Seconds: Double
    public var p99Seconds: Double
    public var meanSeconds: Double
    public var arrived: Int
    public var timedOut: Int
    public var coldStarts: Int

    public init(
        configuration: Int, replication: Int, monthlyCostNanoDollars: Int64, p50Seconds: Double, p95Seconds: Double,
        p99Seconds: Double, meanSeconds: Double, arrived: Int, timedOut: Int, coldStarts: Int
    ) {
        self.configuration = configuration
        self.replication = replication
        self.monthlyCostNanoDollars = monthlyCostNanoDollars
        self.p50Seconds = p50Seconds
        self.p95Seconds = p95Seconds
        self.p99Seconds = p99Seconds
        self.meanSeconds = meanSeconds
        self.arrived = arrived
        self.timedOut = timedOut
        self.coldStarts = coldStarts
    }

    public var monthlyDollars: Double { Double(monthlyCostNanoDollars) / 1e9 }
    public var timeoutShare: Double { arrived == 0 ? 0 : Double(timedOut) / Double(arrived) }
    public var coldStartShare: Double { arrived == 0 ? 0 : Double(coldStarts) / Double(arrived) }
}

/// A metric a sweep reports per configuration.
public enum SweepMetric: String, Sendable, Hashable, CaseIterable {
    case cost, p50, p95, p99, timeouts, coldStarts = "cold-starts"

    func value(_ run: RunOutcome) -> Double {
        switch self {
        case .cost: run.monthlyDollars
        case .p50: run.p50Seconds
        case .p95: run.p95Seconds
        case .p99: run.p99Seconds
        case .timeouts: run.timeoutShare
        case .coldStarts: run.coldStartShare
        }
    }
}

/// One configuration's replications summarised: mean and 95 % CI of every metric.
public struct ConfigurationSummary: Sendable, Hashable {
    public var configuration: Int
    public var settings: [ParameterSetting]
    public var label: String
    public var replications: Int
    public var cost: ConfidenceInterval
    public var p50: ConfidenceInterval
    public var p95: ConfidenceInterval
    public var p99: ConfidenceInterval
    public var timeoutShare: ConfidenceInterval
    public var coldStartShare: ConfidenceInterval

    /// - Parameter responseCapSeconds: the client timeout: response times never exceed it, so
    ///   neither do the latency intervals (nil: no cap known).
    public init(configuration: Int, settings: [ParameterSetting], runs: [RunOutcome], responseCapSeconds: Double? = nil)
    {
        self.configuration = configuration
        self.settings = settings
        label = Self.label(settings)
        let ordered = runs.sorted { $0.replication < $1.replication }
        replications = ordered.count
        let nonNegative = 0...Double.greatestFiniteMagnitude
        let latency = 0...(responseCapSeconds ?? Double.greatestFiniteMagnitude)
        cost = ConfidenceInterval(ordered.map(SweepMetric.cost.value), range: nonNegative)
        p50 = ConfidenceInterval(ordered.map(SweepMetric.p50.value), range: latency)
        p95 = ConfidenceInterval(ordered.map(SweepMetric.p95.value), range: latency)
        p99 = ConfidenceInterval(ordered.map(SweepMetric.p99.value), range: latency)
        timeoutShare = ConfidenceInterval(ordered.map(SweepMetric.timeouts.value), range: 0...1)
        coldStartShare = ConfidenceInterval(ordered.map(SweepMetric.coldStarts.value), range: 0...1)
    }

    public static func label(_ settings: [ParameterSetting]) -> String {
        settings.isEmpty ? "(scenario as is)" : settings.map(\.description).joined(separator: " ")
    }

    public func interval(_ metric: SweepMetric) -> ConfidenceInterval {
        switch metric {
        case .cost: cost
        case .p50: p50
        case .p95: p95
        case .p99: p99
        case .timeouts: timeoutShare
        case .coldStarts: coldStartShare
        }
    }
}

/// Everything a sweep produced, in configuration and replication order.
public struct SweepResults: Sendable, Hashable {
    public var identity: SweepIdentity
    /// Every configuration of the grid (also those other shards ran).
    public var configurations: [[ParameterSetting]]
    /// The runs this result holds, sorted by configuration then replication.
    public var runs: [RunOutcome]
    /// The shards whose runs are here (one entry for an unsharded run).
    public var shards: [Shard]
    /// `false` if the run was interrupted before every run of its shards finished; a merge
    /// (``ResultsDatabase/merge(_:)``) is complete only when it covers the whole grid. Whether
    /// a result covers the whole grid or only some shards of it: ``coverage``.
    public var complete: Bool

    public init(
        identity: SweepIdentity, configurations: [[ParameterSetting]], runs: [RunOutcome], shards: [Shard],
        complete: Bool
    ) {
        self.identity = identity
        self.configurations = configurations
        self.runs = runs.sorted { ($0.configuration, $0.replication) < ($1.configuration, $1.replication) }
        self.shards = shards
        self.complete = complete
    }

    /// One summary per configuration that has at least one finished run.
    public var summaries: [ConfigurationSummary] {
        var byConfiguration: [Int: [RunOutcome]] = [:]
        for run in runs { byConfiguration[run.configuration, default: []].append(run) }
        return byConfiguration.keys.sorted().map { index in
            ConfigurationSummary(
                configuration: index, settings: configurations[index], runs: byConfiguration[index]!,
                responseCapSeconds: identity.responseCapSeconds)
        }
    }
}

extension SweepResults {
    /// Which part of the grid the runs cover: a shard's file covers only its shard.
    public var coverage: SweepCoverage {
        var counts: [Int: Int] = [:]
        for run in runs { counts[run.configuration, default: 0] += 1 }
        return SweepCoverage(
            shards: shards, configurationsInGrid: configurations.count,
            configurationsFinished: counts.values.filter { $0 == identity.replications }.count)
    }

    /// Checks that the runs are what a sweep of ``identity`` over ``shards`` can hold: each
    /// configuration in the grid and in one of the shards (configuration mod n = i), each
    /// replication in `0..<replications` and at most once per configuration, and, when the
    /// result says it is ``complete``, every replication of every configuration of its shards.
    /// Errors name `source` (the file), the row and the column.
    func checkConsistency(source: String) throws(SweepError) {
        let replications = identity.replications
        var counts: [Int: Int] = [:]
        var previous: RunOutcome?
        for run in runs {
            let row = "\(source): table runs, row (configuration \(run.configuration), replication \(run.replication))"
            guard configurations.indices.contains(run.configuration) else {
                throw .results(
                    "\(row), column configuration: expected a configuration of the grid, 0…\(configurations.count - 1)")
            }
            guard shards.contains(where: { $0.contains(configuration: run.configuration) }) else {
                let count = shards.first?.count ?? 1
                throw .results(
                    "\(row), column configuration: configuration \(run.configuration) belongs to shard "
                        + "\(run.configuration % count)/\(count), not to this file's \(Self.describe(shards))")
            }
            guard (0..<replications).contains(run.replication) else {
                throw .results(
                    "\(row), column replication: expected 0…\(replications - 1) (meta replications = \(replications))")
            }
            if let previous, (previous.configuration, previous.replication) == (run.configuration, run.replication) {
                throw .results("\(row): the run appears twice")
            }
            previous = run
            counts[run.configuration, default: 0] += 1
        }
        guard complete else { return }
        for configuration in configurations.indices
        where shards.contains(where: { $0.contains(configuration: configuration) }) {
            let found = counts[configuration, default: 0]
            guard found == replications else {
                throw .results(
                    "\(source): table meta, key complete: true, but table runs has \(found) of the \(replications) "
                        + "replications of configuration \(configuration) (\(Self.describe(shards))): the file was "
                        + "damaged or edited; run its shard again")
            }
        }
    }

    static func describe(_ shards: [Shard]) -> String {
        (shards.count == 1 ? "shard " : "shards ") + shards.map(\.description).joined(separator: ", ")
    }
}

/// How much of its grid a sweep result covers: the shards it holds, and how many
/// configurations have all their replications. Printed as "all 24 configurations", or
/// "partial: only shard 1/3; 8 of 24 configurations finished".
public struct SweepCoverage: Sendable, Hashable, CustomStringConvertible {
    /// The shards whose runs the result holds.
    public var shards: [Shard]
    /// The grid's configurations, also those of shards not held.
    public var configurationsInGrid: Int
    /// Configurations with all their replications.
    public var configurationsFinished: Int

    public init(shards: [Shard], configurationsInGrid: Int, configurationsFinished: Int) {
        self.shards = shards
        self.configurationsInGrid = configurationsInGrid
        self.configurationsFinished = configurationsFinished
    }

    /// Every configuration of the grid has all its replications.
    public var isWholeGrid: Bool { configurationsFinished == configurationsInGrid }

    /// Every shard of the grid is present (some runs may still be missing).
    public var hasAllShards: Bool { shards.count == (shards.first?.count ?? 1) }

    public var description: String {
        if isWholeGrid { return "all \(configurationsInGrid) configurations" }
        let held = hasAllShards ? "" : "only \(SweepResults.describe(shards)); "
        let interrupted = hasAllShards ? " (interrupted)" : ""
        return
            "partial: \(held)\(configurationsFinished) of \(configurationsInGrid) configurations finished\(interrupted)"
    }
}

/// What makes two sweep results comparable: the same scenario, grid, option, seed and
/// replication count. Its ``hash`` is stored in every results file; merging files whose
/// hashes differ is refused.
public struct SweepIdentity: Sendable, Hashable {
    public var scenarioName: String
    public var optionName: String
    public var seed: UInt64
    public var replications: Int
    /// FNV-1a 64 over the scenario, option, seed, replications and every configuration.
    public var hash: String
    /// The scenario's client timeout: no response time exceeds it (nil in files that predate it).
    public var responseCapSeconds: Double?

    public init(
        scenarioName: String, optionName: String, seed: UInt64, replications: Int, hash: String,
        responseCapSeconds: Double? = nil
    ) {
        self.scenarioName = scenarioName
        self.optionName = optionName
        self.seed = seed
        self.replications = replications
        self.hash = hash
        self.responseCapSeconds = responseCapSeconds
    }

    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
