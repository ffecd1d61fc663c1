/// Runs a ``Scenario``'s deployment options through the serving model.
///
/// Each run is single-threaded and deterministic: the same scenario, option, seed and
/// replication give the same ``SimulationResult``, bit for bit. Replications differ only in
/// the seeds their random streams derive from.
public enum Simulation {
    /// Simulates one option of `scenario` for one replication.
    ///
    /// - Parameters:
    ///   - keepRequestRecords: also return one ``RequestRecord`` per request (memory grows with
    ///     the trace; off by default).
    ///   - keepDecisions: also return the decision log of the autoscalers.
    public static func run(
        _ scenario: Scenario, option: DeploymentOption, replication: Int = 0, keepRequestRecords: Bool = false,
        keepDecisions: Bool = false
    ) throws -> SimulationResult {
        try run(
            scenario, option: option, replication: replication, keepRequestRecords: keepRequestRecords,
            keepDecisions: keepDecisions, skipQuietTicks: true)
    }

    /// `skipQuietTicks: false` fires every controller tick; tests use it to check that skipping
    /// ticks that change nothing changes no result (see ``ControllerTimer``). Tests lower
    /// `maxRequestsInSystem` to reach the overload stop quickly, and inject `events` (a spot
    /// preemption notice at a chosen time) into hand-computed timelines.
    static func run(
        _ scenario: Scenario, option: DeploymentOption, replication: Int, keepRequestRecords: Bool, keepDecisions: Bool,
        skipQuietTicks: Bool, maxRequestsInSystem: Int = SimulationLimits.maxRequestsInSystem,
        events: [(time: Double, event: ServingSystem.Event)] = []
    ) throws -> SimulationResult {
        try scenario.validate()
        try option.validate()
        var scenario = scenario
        if case .serverless(let serverless) = option.kind { scenario = serverless.limitingTimeout(of: scenario) }
        let source = try scenario.workload.makeSource(seed: scenario.seed, replication: replication)
        var system = ServingSystem(
            scenario: scenario, trace: source, seed: scenario.seed, replication: replication,
            keepRecords: keepRequestRecords, keepDecisions: keepDecisions)
        system.skipQuietTicks = skipQuietTicks
        system.optionName = option.name
        system.gpuSpeed = option.gpuSpeed
        system.maxRequestsInSystem = maxRequestsInSystem
        var engine = Engine<ServingSystem.Event>()

        for group in option.alwaysOnNodes {
            for _ in 0..<group.count {
                system.addNode(pool: group.pool, spec: group.node, at: 0, phase: .ready, isSystem: true)
            }
        }
        switch option.kind {
        case .dedicated(let dedicated):
            for _ in 0..<dedicated.nodeCount {
                let node = system.addNode(pool: "dedicated", spec: dedicated.node, at: 0, phase: .ready)
                for _ in 0..<dedicated.podsPerNode { system.addReadyPod(on: node, engine: &engine) }
            }
        case .autoscaled(let autoscaled):
            system.configureAutoscaling(autoscaled, engine: &engine)
        case .serverless(let serverless):
            system.configurePlatform(serverless, engine: &engine)
        }

        for (time, event) in events { engine.schedule(event, at: time) }
        system.start(engine: &engine)
        let horizon = scenario.effectiveHorizonSeconds
        engine.run(&system, until: horizon ?? .infinity)
        if let horizon { system.closeObservation(at: horizon) }
        if system.runError == nil, horizon != nil, system.broker.inSystem > 0 {
            system.stopWhenDrained = true          // finish the requests admitted before the horizon
            engine.run(&system)
        }
        if let error = system.runError { throw error }

        let end = Swift.max(engine.now, horizon ?? 0)
        let nodeRuns = system.finish(at: end)
        return SimulationResult(
            scenarioName: scenario.name, option: option, seed: scenario.seed, replication: replication,
            horizonSeconds: system.observationEndSeconds ?? end, endSeconds: end,
            clientTimeoutSeconds: scenario.clientTimeoutSeconds, requests: system.statistics,
            nodeRuns: nodeRuns.observed, nodeRunsToEnd: nodeRuns.toEnd,
            timeline: system.timeline, requestRecords: system.records, decisions: system.decisions,
            gpuNodesCreated: system.gpuNodesCreated, activationsFromZero: system.activationsFromZero,
            preemptions: system.preemptions, eventCount: engine.processedEventCount,
            droppedTraceRows: system.trace.droppedRows)
    }
}
