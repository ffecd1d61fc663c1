import CostModel
import Foundation
import Scenarios
import Simulator

/// A sweep ready to run: the base scenario, the option it varies, and the configurations.
///
///     let sweep = try Sweep(scenario: scenario, grid: grid, calculator: calculator)
///     let results = await sweep.run(jobs: 2)
///     for summary in results.summaries { print(summary.label, summary.cost.mean, summary.p95.upper) }
///
/// Every configuration runs replications `0..<replications` with the scenario's seed, so all
/// configurations see the same arrivals and the same random draws where their models agree
/// (common random numbers). Results do not depend on `jobs`.
public struct Sweep: Sendable {
    public var scenario: Scenario
    public var optionIndex: Int
    public var grid: Grid
    public var replications: Int
    public var calculator: CostCalculator
    public var identity: SweepIdentity
    /// Resolves the swept option's GPU speed again after a setting changes its GPU or the speeds.
    let gpuSpeeds: GPUSpeedResolver

    /// - Parameters:
    ///   - optionName: the option to vary (default: the grid's `option`, else the first autoscaled option).
    ///   - replications: per configuration (default: the scenario's).
    /// At most this many runs (configurations × replications) in one sweep, sharded or not:
    /// ≈ 4 hours on two cores at the bundled scenario's speed, a thousand times the issue's
    /// 1,000 × 10; beyond it a mistyped value is likelier than a study.
    public static let maxRuns = 1_000_000

    public init(
        scenario: Scenario, grid: Grid, optionName: String? = nil, replications: Int? = nil, calculator: CostCalculator
    ) throws(SweepError) {
        guard !scenario.options.isEmpty else { throw .invalidConfiguration("the scenario has no deployment options") }
        let wanted = optionName ?? grid.option
        let index: Int
        if let wanted {
            guard let found = scenario.options.firstIndex(where: { $0.name == wanted }) else {
                throw .invalidInput(
                    "the scenario has no option named '\(wanted)' (it has: "
                        + "\(scenario.options.map(\.name).joined(separator: ", ")))")
            }
            index = found
        } else {
            index = scenario.options.firstIndex { if case .autoscaled = $0.kind { true } else { false } } ?? 0
        }
        let replications = replications ?? scenario.replications
        guard replications >= 1, replications <= Scenario.maxReplications else {
            throw .invalidInput("replications must be within 1…\(Scenario.maxReplications), got \(replications)")
        }
        guard !grid.configurations.isEmpty else { throw .invalidInput("the grid is empty") }
        guard grid.configurations.count * replications <= Self.maxRuns else {
            throw .invalidInput(
                "\(grid.configurations.count) configurations × \(replications) replications is more than "
                    + "\(Self.maxRuns) runs; use fewer configurations or replications")
        }
        let lookup: GPULookup
        do { lookup = try GPULookup(catalog: calculator.catalog) } catch { throw .invalidInput(error.description) }
        for setting in grid.configurations.joined() {
            guard case .inferenceGPUSpeed(let gpu) = setting.parameter, lookup.canonical(gpu) == nil else { continue }
            throw .invalidConfiguration(
                "\(setting.parameter.rawValue): '\(gpu)' is not a GPU the price catalog knows (known: "
                    + "\(lookup.models.joined(separator: ", ")))")
        }
        self.gpuSpeeds = GPUSpeedResolver(lookup: lookup)
        self.scenario = scenario
        self.optionIndex = index
        self.grid = grid
        self.replications = replications
        self.calculator = calculator
        var fingerprint = "costsim-sweep-v1\n\(scenario)\noption=\(scenario.options[index].name)\n"
            + "seed=\(scenario.seed)\nreplications=\(replications)\n"
        fingerprint += "catalog=\(calculator.catalog.origin) prices=\(calculator.snapshot) rules=\(calculator.rules)\n"
        for configuration in grid.configurations { fingerprint += ConfigurationSummary.label(configuration) + "\n" }
        identity = SweepIdentity(
            scenarioName: scenario.name, optionName: scenario.options[index].name, seed: scenario.seed,
            replications: replications, hash: SweepIdentity.fnv1a(fingerprint),
            responseCapSeconds: scenario.clientTimeoutSeconds)
    }

    /// The scenario with configuration `index` applied, and its swept option.
    public func configured(_ index: Int) throws(SweepError) -> (Scenario, DeploymentOption) {
        var configured = scenario
        let settings = grid.configurations[index]
        for rank in 0...2 {
            for setting in settings where setting.parameter.applicationRank == rank {
                try setting.apply(to: &configured, optionIndex: optionIndex)
            }
        }
        do {
            // Offerings first: a new instance family can bring another GPU, and with it another speed.
            let newOfferings = settings.contains(where: \.parameter.changesKarpenterOfferings)
            if newOfferings { try resolveOfferings(&configured) }
            // A named instance type brings the GPU of its price row.
            if settings.contains(where: \.parameter.changesServerlessMachine) {
                try resolveServerlessMachine(
                    &configured, gpuSwept: settings.contains { $0.parameter == .serverlessGPU })
            }
            if newOfferings || settings.contains(where: \.parameter.changesGPUSpeed) {
                configured.options[optionIndex] = gpuSpeeds.resolved(
                    configured.options[optionIndex], for: configured.inference)
            }
            try configured.validate()
        } catch {
            throw .invalidConfiguration(
                "configuration \(index) (\(ConfigurationSummary.label(grid.configurations[index]))): \(error.message)")
        }
        return (configured, configured.options[optionIndex])
    }

    /// Resolves the swept option's Karpenter offerings again from the sweep's catalog and prices
    /// (its requirements or its region changed), and makes the cheapest one its node.
    private func resolveOfferings(_ configured: inout Scenario) throws(ParameterError) {
        guard case .autoscaled(var deployment) = configured.options[optionIndex].kind,
            var karpenter = deployment.karpenter
        else { return }
        karpenter.offerings = try calculator.catalog.karpenterOfferingsResult(
            karpenter, provider: deployment.node.provider, region: deployment.node.region,
            snapshot: calculator.snapshot
        ).get()
        deployment.node = karpenter.offerings[0]
        deployment.karpenter = karpenter
        configured.options[optionIndex].kind = .autoscaled(deployment)
    }

    /// Checks the swept serverless option's instance against the catalog's platform rows again and
    /// gives a named instance type its row's GPU; `gpuSwept`: the configuration also sets
    /// `serverless.gpu`, which must then agree with the instance type.
    private func resolveServerlessMachine(_ configured: inout Scenario, gpuSwept: Bool) throws(ParameterError) {
        guard case .serverless(let deployment) = configured.options[optionIndex].kind else { return }
        let machine = try RegionCheck(catalog: calculator.catalog, snapshot: calculator.snapshot)
            .serverlessMachine(deployment, gpuGiven: gpuSwept)
        configured.options[optionIndex].kind = .serverless(machine)
    }

    /// One warning per GPU without a known speed that a configuration of `shard` runs the swept
    /// option on (``Scenarios/GPUSpeedResolver/warning(for:in:)``), in configuration order.
    public func gpuSpeedWarnings(shard: Shard = .whole) throws(SweepError) -> [String] {
        var warnings: [String] = []
        guard !scenario.workload.hasMeasuredServiceTimes else { return warnings }
        for index in grid.configurations.indices where shard.contains(configuration: index) {
            let (configured, option) = try configured(index)
            if let warning = GPUSpeedResolver.warning(for: option, in: configured), !warnings.contains(warning) {
                warnings.append(warning)
            }
        }
        return warnings
    }

    /// Checks every configuration of `shard` builds, validates and has prices for its machines,
    /// before anything runs (a missing price would otherwise stop the sweep halfway).
    public func validate(shard: Shard = .whole) throws(SweepError) {
        var priced = Set<NodeSpec>()
        for index in grid.configurations.indices where shard.contains(configuration: index) {
            let (_, option) = try configured(index)
            var nodes = option.alwaysOnNodes.map(\.node)
            switch option.kind {
            case .dedicated(let dedicated): nodes.append(dedicated.node)
            case .autoscaled(let deployment): nodes.append(deployment.node)
            case .serverless(let serverless): nodes.append(serverless.instance)
            }
            for node in nodes where priced.insert(node).inserted {
                do {
                    _ = try calculator.catalog.nodePrice(for: node, snapshot: calculator.snapshot)
                } catch {
                    throw .invalidConfiguration(
                        "configuration \(index) (\(ConfigurationSummary.label(grid.configurations[index]))): \(error)")
                }
            }
        }
    }

    /// Simulates and prices one replication of one configuration.
    public func runOne(configuration: Int, replication: Int) throws -> RunOutcome {
        try runOne(configuration: configuration, replication: replication, traces: nil)
    }

    /// `traces`: the replications' generated traffic, shared by the configurations that keep it.
    func runOne(configuration: Int, replication: Int, traces: SharedTraces?) throws -> RunOutcome {
        try runGroup([configuration], replication: replication, traces: traces)[0]
    }

    /// Simulates one replication of `group`'s first configuration and prices it for every
    /// configuration of the group (``SimulationGroups``), in the group's order.
    /// Errors of the simulation or pricing name the configuration and the replication
    /// (``SweepError/runFailed(configuration:label:replication:reason:)``).
    func runGroup(_ group: [Int], replication: Int, traces: SharedTraces?) throws -> [RunOutcome] {
        func failed(_ configuration: Int, _ error: any Error) -> SweepError {
            .runFailed(
                configuration: configuration, label: ConfigurationSummary.label(grid.configurations[configuration]),
                replication: replication, reason: String(describing: error))
        }
        var (configured, leader) = try configured(group[0])
        if let traces { configured = traces.applied(to: configured, seed: scenario.seed, replication: replication) }
        let simulated: SimulationResult
        do {
            simulated = try Simulation.run(configured, option: leader, replication: replication)
        } catch {
            throw failed(group[0], error)
        }
        return try group.map { configuration in
            let result =
                configuration == group[0]
                ? simulated
                : SimulationGroups.relabel(simulated, from: leader, to: try self.configured(configuration).1)
            let cost: CostReport
            do {
                cost = try calculator.price(result)
            } catch {
                throw failed(configuration, error)
            }
            let response = result.requests.response
            return RunOutcome(
                configuration: configuration, replication: replication,
                monthlyCostNanoDollars: cost.monthlyTotal.nanoDollars,
                p50Seconds: response.seconds(atPercentile: 50), p95Seconds: response.seconds(atPercentile: 95),
                p99Seconds: response.seconds(atPercentile: 99), meanSeconds: response.meanSeconds,
                arrived: result.requests.arrived, timedOut: result.requests.timedOut,
                coldStarts: result.requests.waitedForColdStart)
        }
    }

    /// The configurations of `shard` grouped by identical simulations (``SimulationGroups``).
    func simulationGroups(shard: Shard) throws(SweepError) -> SimulationGroups {
        var configurations: [(index: Int, scenario: Scenario, option: DeploymentOption)] = []
        for index in grid.configurations.indices where shard.contains(configuration: index) {
            let (scenario, option) = try configured(index)
            configurations.append((index, scenario, option))
        }
        return SimulationGroups(configurations)
    }

    /// Progress after each finished run.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var configurationsDone: Int
        public var configurationsTotal: Int
        /// The cheapest configuration whose replications have all finished, so far.
        public var best: ConfigurationSummary?
    }

    /// Runs the shard's configurations × replications on up to `jobs` concurrent tasks.
    ///
    /// - Parameters:
    ///   - stop: checked before each run starts; once it reads `true`, no new run starts, the
    ///     runs in flight finish, and the result is marked incomplete.
    ///   - progress: called (serially) after each finished run.
    /// - Throws: the first simulation or pricing error (remaining runs are not started).
    public func run(
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard = .whole,
        stop: StopFlag = StopFlag(), progress: (@Sendable (Progress) -> Void)? = nil
    ) async throws -> SweepResults {
        // One simulation per group of identical simulations and replication.
        let work = try simulationGroups(shard: shard).groups.flatMap { group in (0..<replications).map { (group, $0) } }
        let total = work.reduce(0) { $0 + $1.0.count }
        let jobs = Swift.max(1, jobs)
        var outcomes: [RunOutcome] = []
        outcomes.reserveCapacity(total)
        var perConfiguration: [Int: [RunOutcome]] = [:]
        var best: ConfigurationSummary?
        var configurationsDone = 0
        let configurationsTotal = Set(work.flatMap(\.0)).count
        var interrupted = false
        let traces = work.isEmpty ? nil : try SharedTraces(scenario: scenario, replications: Array(0..<replications))

        func record(_ outcome: RunOutcome) {
            outcomes.append(outcome)
            perConfiguration[outcome.configuration, default: []].append(outcome)
            if perConfiguration[outcome.configuration]!.count == replications {
                configurationsDone += 1
                // Summarised and dropped: only the configurations still running are held twice.
                let runs = perConfiguration.removeValue(forKey: outcome.configuration)!
                let summary = ConfigurationSummary(
                    configuration: outcome.configuration, settings: grid.configurations[outcome.configuration],
                    runs: runs, responseCapSeconds: identity.responseCapSeconds)
                if best == nil || (summary.cost.mean, summary.configuration) < (best!.cost.mean, best!.configuration) {
                    best = summary
                }
            }
            progress?(Progress(done: outcomes.count, total: total, configurationsDone: configurationsDone,
                               configurationsTotal: configurationsTotal, best: best))
        }

        try await withThrowingTaskGroup(of: [RunOutcome].self) { tasks in
            var next = 0
            func startNext() -> Bool {
                guard next < work.count, !stop.isSet else { return false }
                let (group, replication) = work[next]
                next += 1
                tasks.addTask { try self.runGroup(group, replication: replication, traces: traces) }
                return true
            }
            for _ in 0..<jobs where !startNext() { break }
            while let finished = try await tasks.next() {
                finished.forEach(record)
                _ = startNext()
            }
            interrupted = next < work.count
        }
        return SweepResults(
            identity: identity, configurations: grid.configurations, runs: outcomes, shards: [shard],
            complete: !interrupted)
    }
}

/// A flag set from a signal handler or another task, read between runs.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    public init() {}

    public var isSet: Bool { lock.withLock { value } }

    public func set() { lock.withLock { value = true } }
}
