import CostModel
import Foundation
import Scenarios
import Simulator
import Sweeps

/// Finds the scenario to run, applies command-line overrides, and runs every option.
struct ScenarioRunner {
    static func loadScenario(path: String?, trace: String?, tracePreset preset: TracePreset?, seed: UInt64?) throws -> Scenario {
        let file = try path.map { try BundledScenarios.path(for: $0, flag: "--scenario") }
            ?? BundledScenarios.materializedPath(of: BundledScenarios.defaultScenario)
        var scenario = try ScenarioLoader.load(path: file)
        if let trace {
            guard FileManager.default.fileExists(atPath: trace) else { throw CLIError("\(trace): trace file not found") }
            scenario.workload = preset == .servegen ? try rateWorkload(trace, for: scenario) : try traceWorkload(trace, preset: preset?.format, for: scenario)
            // The default scenario's horizon is its generated month; a trace brings its own period.
            if path == nil { scenario.horizonSeconds = nil }
        }
        if let seed { scenario.seed = seed }
        return scenario
    }

    /// Arrivals generated from a ServeGen rate file, with the request sizes the scenario's own
    /// generated or rate workload draws.
    private static func rateWorkload(_ path: String, for scenario: Scenario) throws -> Workload {
        let size = switch scenario.workload {
        case .synthetic(let description): description.requestSize
        case .rates(let description): description.requestSize
        case .traceFile, .records: SyntheticTrace.Description.defaultRequestSize
        }
        return .rates(try RateTrace.Description.read(path: path, requestSize: size))
    }

    /// A request trace in `preset`'s layout; without one, in the layout of the scenario's own
    /// trace if it has one (same syntax), else costsim's with the syntax by extension.
    private static func traceWorkload(_ path: String, preset: TraceFormat?, for scenario: Scenario) throws -> Workload {
        var format = preset ?? .costsim
        if preset == nil { format.syntax = TraceFormat.syntax(forPath: path) }
        if case .traceFile(let scenarioTrace, let scenarioFormat) = scenario.workload, preset == nil {
            guard scenarioFormat.syntax == format.syntax else {
                let requestPresets = TracePreset.allCases.filter { $0.format != nil }.map(\.rawValue).joined(separator: ", ")
                throw CLIError(
                    "--trace: \(path) is \(format.syntax.name) by its name, but scenario \(scenario.name) "
                        + "reads its trace (\((scenarioTrace as NSString).lastPathComponent)) as \(scenarioFormat.syntax.name) "
                        + "with columns \(scenarioFormat.columnsRead.joined(separator: ", ")); give --trace-preset (\(requestPresets)) for this file")
            }
            format = scenarioFormat
        }
        if format.outputTokensColumn != nil && scenario.inference.workUnit != .tokens {
            throw CLIError(
                "--trace-preset: \(path) counts tokens, but the scenario's inference model counts "
                    + "\(scenario.inference.workUnit.rawValue); replay token traces with a scenario whose inference has "
                    + "workUnit: tokens and per-token rates (see scenarios/azure-llm-code.yaml)")
        }
        return .traceFile(path: path, format: format)
    }

    /// Runs every option for every replication and prices the results, folding each into its
    /// option's ``OptionOutcome`` as it finishes (only replication 0 is kept whole). The runs are
    /// independent: up to `jobs` run at once, and the outcome does not depend on `jobs`; the
    /// error reported is that of the first failing run in start order (longest options first,
    /// then option and replication order).
    static func run(
        _ scenario: Scenario, calculator: CostCalculator, keepDecisions: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async throws -> [OptionOutcome] {
        let replications = scenario.replications
        let count = scenario.options.count * replications
        // Stable: within an option, replications start — and are folded in — in order.
        let longestFirst = (0..<count).sorted {
            (-expectedWork(scenario.options[$0 / replications]), $0) < (-expectedWork(scenario.options[$1 / replications]), $1)
        }
        var outcomes = [OptionOutcome?](repeating: nil, count: scenario.options.count)
        try await concurrentForEach(count: count, jobs: jobs, startOrder: longestFirst, { index in
            let result = try Simulation.run(scenario, option: scenario.options[index / replications], replication: index % replications, keepDecisions: keepDecisions)
            return (result, try calculator.price(result))
        }) { index, run in
            let option = index / replications
            if outcomes[option] == nil {
                outcomes[option] = OptionOutcome(option: scenario.options[option], first: run.0, cost: run.1, replications: replications)
            } else {
                outcomes[option]!.add(run.0, cost: run.1)
            }
        }
        return outcomes.map { $0! }
    }

    /// A rough rank of how long an option's runs take, to start the longest first: Knative's
    /// decider ticks every 2 s (the bundled scenario: 88 ms against 10–38 ms for the others), KEDA's
    /// controllers every 10–15 s, a dedicated option has no controllers. The order changes no result.
    static func expectedWork(_ option: DeploymentOption) -> Int {
        guard case .autoscaled(let deployment) = option.kind else { return 0 }
        if case .knative = deployment.autoscaler { return 2 }
        return 1
    }
}
