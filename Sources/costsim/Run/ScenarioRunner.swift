import CostModel
import Foundation
import Scenarios
import Simulator
import Sweeps

/// Finds the scenario to run and applies command-line overrides (Analysis' ``ScenarioRun`` runs it).
struct ScenarioRunner {
    static func loadScenario(
        path: String?, trace: String?, tracePreset preset: TracePreset?, seed: UInt64?, regions: RegionCheck,
        gpus: GPULookup
    ) throws -> Scenario {
        let file =
            try path.map { try BundledScenarios.path(for: $0, flag: "--scenario") }
            ?? BundledScenarios.materializedPath(of: BundledScenarios.defaultScenario)
        var scenario = try ScenarioLoader.load(path: file, regions: regions, gpus: gpus)
        if let trace {
            guard FileManager.default.fileExists(atPath: trace) else {
                throw CLIError("\(trace): trace file not found")
            }
            scenario.workload =
                preset == .servegen
                ? try rateWorkload(trace, for: scenario)
                : try traceWorkload(trace, preset: preset?.format, for: scenario)
            // The default scenario's horizon is its generated month; a trace brings its own period.
            if path == nil { scenario.horizonSeconds = nil }
        }
        if let seed { scenario.seed = seed }
        return scenario
    }

    /// Arrivals generated from a ServeGen rate file, with the request sizes the scenario's own
    /// generated or rate workload draws.
    private static func rateWorkload(_ path: String, for scenario: Scenario) throws -> Workload {
        let size =
            switch scenario.workload {
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
                let requestPresets = TracePreset.allCases.filter { $0.format != nil }.map(\.rawValue).joined(
                    separator: ", ")
                throw CLIError(
                    "--trace: \(path) is \(format.syntax.name) by its name, but scenario \(scenario.name) "
                        + "reads its trace (\((scenarioTrace as NSString).lastPathComponent)) as "
                        + "\(scenarioFormat.syntax.name) with columns "
                        + "\(scenarioFormat.columnsRead.joined(separator: ", ")); "
                        + "give --trace-preset (\(requestPresets)) for this file"
                )
            }
            format = scenarioFormat
        }
        if format.outputTokensColumn != nil && scenario.inference.workUnit != .tokens {
            throw CLIError(
                "--trace-preset: \(path) counts tokens, but the scenario's inference model counts "
                    + "\(scenario.inference.workUnit.rawValue); replay token traces with a scenario whose inference "
                    + "has workUnit: tokens and per-token rates (see scenarios/azure-llm-code.yaml)")
        }
        return .traceFile(path: path, format: format)
    }
}
