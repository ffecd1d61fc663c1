import ArgumentParser
import CostModel
import Foundation
import Scenarios
import Simulator

/// The options that choose what to simulate, shared by `run` and `report`.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Scenario YAML file, or the name of a bundled scenario (costsim scenario list; default: article-gke-t4).",
        valueName: "scenario.yaml"))
    var scenario: String?

    @Option(name: .long, help: "Replay this trace file instead of the scenario's workload.")
    var trace: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Layout of --trace: costsim, azure-llm, mooncake, nginx (ingress-nginx access log) or envoy-json (Istio "
                + "JSON access log) (default: the scenario's trace settings, else costsim); servegen: a ServeGen file "
                + "of per-window rates to generate arrivals from."))
    var tracePreset: TracePreset?

    @OptionGroup(title: "Trace columns (for --trace, or the scenario's own trace file)")
    var traceColumns: TraceColumnOptions

    @Option(name: .long, parsing: .unconditional, help: "Seed for all random streams (overrides the scenario's).")
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp(
        "A Kubernetes manifest (KEDA ScaledObject, optionally its Deployment and HPA; or a Knative Service) "
            + "whose autoscaling replaces that of --keda-option; or a bundled manifest's name.",
        valueName: "manifest.yaml"))
    var keda: String?

    @Option(name: .long, help: ArgumentHelp(
        "A Karpenter NodePool (karpenter.sh/v1) with its EC2NodeClass or AKSNodeClass: Karpenter provisions the "
            + "nodes of --keda-option (a NodePool may also be in the --keda file).",
        valueName: "nodepool.yaml"))
    var nodepool: String?

    @Option(
        name: .long,
        help: "The autoscaled option --keda and --nodepool apply to (default: the scenario's first autoscaled option).")
    var kedaOption: String?

    func validate() throws {
        if kedaOption != nil && keda == nil && nodepool == nil {
            throw ValidationError("--keda-option needs --keda FILE or --nodepool FILE.")
        }
        if tracePreset != nil && trace == nil { throw ValidationError("--trace-preset needs --trace FILE.") }
    }

    /// Below a day of observation, monthly figures multiply whatever happened by 30 or more:
    /// one cold start, one billing minimum (a 5-s horizon priced a dedicated T4 at $5,139/month).
    static let shortestRepresentativeHorizonSeconds = 86_400.0

    /// Loads the scenario, checking its regions with `regions` and naming its GPUs with `gpus`, and
    /// applies the overrides; manifest warnings go to standard error, and so do options on a GPU
    /// without a known speed and an observation too short for monthly figures unless
    /// `projectsToMonth` is false (`validate` compares days, not months).
    func load(regions: RegionCheck, gpus: GPULookup, projectsToMonth: Bool = true) throws -> Scenario {
        var scenario = try ScenarioRunner.loadScenario(
            path: self.scenario, trace: trace, tracePreset: tracePreset, seed: seed, regions: regions, gpus: gpus)
        if !traceColumns.isEmpty {
            guard case .traceFile(let path, let format) = scenario.workload else {
                throw CLIError(
                    "the trace column options (--time-column, --where, ...) need a trace file: --trace FILE, "
                        + "or a scenario whose workload is a trace")
            }
            scenario.workload = .traceFile(path: path, format: try traceColumns.apply(to: format))
        }
        if let keda {
            let path = try BundledScenarios.path(for: keda, flag: "--keda")
            let manifest = try ManifestLoader.load(path: path)
            Self.warn(manifest.warnings)
            let index = try autoscaledOption(in: scenario, flag: "--keda", file: keda)
            guard case .autoscaled(var deployment) = scenario.options[index].kind else { return scenario }
            deployment.autoscaler = manifest.autoscaler
            deployment.terminationGracePeriodSeconds = manifest.terminationGracePeriodSeconds ?? 30
            scenario.options[index].kind = .autoscaled(deployment)
            do { try scenario.options[index].validate() } catch { throw CLIError("\(keda): \(error.message)") }
            if let pool = try NodePoolLoader.loadIfPresent(path: path) {
                guard nodepool == nil else {
                    throw CLIError("--keda \(keda) holds a NodePool and --nodepool gives another; give one")
                }
                try Self.provision(&scenario, index: index, with: pool, file: keda, regions: regions)
            }
        }
        if let nodepool {
            let pool = try NodePoolLoader.load(path: try BundledScenarios.path(for: nodepool, flag: "--nodepool"))
            let index = try autoscaledOption(in: scenario, flag: "--nodepool", file: nodepool)
            try Self.provision(&scenario, index: index, with: pool, file: nodepool, regions: regions)
        }
        Self.warnAboutGPUSpeeds(scenario)
        if projectsToMonth { try Self.warnIfTooShortForAMonth(scenario) }
        return scenario
    }

    /// The autoscaled option `--keda` and `--nodepool` apply to: `--keda-option`, else the first.
    private func autoscaledOption(in scenario: Scenario, flag: String, file: String) throws -> Int {
        guard let index = scenario.options.firstIndex(where: { option in
            guard case .autoscaled = option.kind else { return false }
            return kedaOption.map { $0 == option.name } ?? true
        }) else {
            throw CLIError(kedaOption.map { "--keda-option: the scenario has no autoscaled option named '\($0)'" }
                ?? "\(flag): the scenario has no autoscaled option to apply \(file) to")
        }
        return index
    }

    /// Karpenter with `pool`'s settings provisions option `index`'s nodes; its warnings go to standard error.
    static func provision(
        _ scenario: inout Scenario, index: Int, with pool: LoadedNodePool, file: String, regions: RegionCheck
    ) throws {
        Self.warn(pool.warnings)
        guard case .autoscaled(var deployment) = scenario.options[index].kind else { return }
        do {
            try deployment.provision(with: pool.settings, provider: pool.provider, regions: regions)
            scenario.options[index].kind = .autoscaled(deployment)
            try scenario.options[index].validate()
        } catch {
            throw CLIError("\(file): NodePool '\(pool.name)' for option '\(scenario.options[index].name)': "
                + error.message)
        }
    }

    static func warn(_ warnings: [ManifestWarning]) {
        for warning in warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
    }

    /// Warns about each option whose GPU has no known speed (its service times are the reference GPU's).
    static func warnAboutGPUSpeeds(_ scenario: Scenario) {
        for warning in GPUSpeedResolver.warnings(for: scenario) {
            FileHandle.standardError.write(Data("costsim: warning: \(warning)\n".utf8))
        }
    }

    /// Warns when the run observes less than ``shortestRepresentativeHorizonSeconds``.
    private static func warnIfTooShortForAMonth(_ scenario: Scenario) throws {
        let limit = shortestRepresentativeHorizonSeconds
        if let horizon = scenario.effectiveHorizonSeconds, horizon < limit {
            warnShortObservation("the run observes \(Format.duration(horizon))", seconds: horizon)
        } else if scenario.effectiveHorizonSeconds == nil,
            let span = try scenario.workload.observationSeconds(ifShorterThan: limit), span > 0
        {
            warnShortObservation(
                "the trace spans \(Format.duration(span)) from its first to its last arrival, the period costs cover",
                seconds: span)
        }
    }

    /// Warns that monthly figures multiply an observed period of `seconds` (described by `what`) by a month's worth.
    private static func warnShortObservation(_ what: String, seconds: Double) {
        // the default month, 730 h
        let times = Format.approximate((Double(BillingRules().monthHours) * 3_600 / seconds).rounded(.down))
        FileHandle.standardError.write(Data(("costsim: warning: \(what); monthly figures scale it up to a month, "
            + "so each cold start and billing minimum in it counts \(times) times over — observe at least a day "
            + "(scenario horizon, a longer trace)\n").utf8))
    }
}
