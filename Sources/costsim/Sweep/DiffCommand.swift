import ArgumentParser
import Foundation
import Scenarios
import Simulator
import Sweeps

/// `costsim diff old.yaml new.yaml`: what a change does to cost and latency, like a cost diff
/// on a pull request.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changing a ScaledObject (or a scenario) does to monthly cost and latency.",
        discussion: """
            OLD and NEW are either two Kubernetes manifests (KEDA ScaledObject or Knative Service), applied \
            to --option of --scenario (default: the bundled scenario's first autoscaled option), or two scenario \
            files, whose options are compared by name. Both sides run the same replications with the same \
            seeds, so the differences are paired and their 95% confidence intervals are narrow.

            Examples:
              costsim diff old-scaledobject.yaml new-scaledobject.yaml --format markdown
              costsim diff before.yaml after.yaml --format json -o diff.json
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, markdown, json, csv }

    @Argument(help: ArgumentHelp("The manifest or scenario before the change.", valueName: "old.yaml"))
    var old: String

    @Argument(help: ArgumentHelp("The manifest or scenario after the change.", valueName: "new.yaml"))
    var new: String

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions

    @Option(
        name: .long,
        help: "The autoscaled option a manifest applies to (default: the scenario's first autoscaled option).")
    var option: String?

    @Option(name: .long, parsing: .unconditional, help: "Replications per side (default: the scenario's, at least 5).")
    var replications: Int?

    @Option(
        name: .customLong("jobs"), parsing: .unconditional, help: "Runs in parallel (default: the number of cores).")
    var requestedJobs: Int?

    /// --jobs, else the number of cores.
    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(name: .long, help: "Output format: table, markdown (for a pull-request comment), json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var output: ResultOutput

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be >= 1.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be >= 1.") }
    }

    static func isManifest(_ path: String) throws -> Bool {
        let text = try InputFile.text(atPath: path)
        return text.split(separator: "\n").contains { $0.hasPrefix("apiVersion:") || $0.hasPrefix("kind:") }
    }

    func load(_ path: String, base: Scenario?, regions: RegionCheck, gpus: GPULookup) throws -> Scenario {
        guard try Self.isManifest(path) else {
            var loaded = try ScenarioLoader.load(path: path, regions: regions, gpus: gpus)
            if let seed = scenario.seed { loaded.seed = seed }
            ScenarioOptions.warnAboutGPUSpeeds(loaded)
            return loaded
        }
        guard var result = base else { throw CLIError("internal: no base scenario") }
        let manifest = try ManifestLoader.load(path: path)
        ScenarioOptions.warn(manifest.warnings)
        guard let index = result.options.firstIndex(where: { candidate in
            guard case .autoscaled = candidate.kind else { return false }
            return option.map { $0 == candidate.name } ?? true
        }), case .autoscaled(var deployment) = result.options[index].kind else {
            throw CLIError(
                option.map { "--option: the scenario has no autoscaled option named '\($0)'" }
                    ?? "the scenario has no autoscaled option to apply \(path) to")
        }
        deployment.autoscaler = manifest.autoscaler
        deployment.terminationGracePeriodSeconds = manifest.terminationGracePeriodSeconds ?? 30
        result.options[index].kind = .autoscaled(deployment)
        if let pool = try NodePoolLoader.loadIfPresent(path: path) {
            try ScenarioOptions.provision(&result, index: index, with: pool, file: path, regions: regions)
        }
        result.options = [result.options[index]]     // compare only the option the manifests change
        return result
    }

    func run() async throws {
        let outputFile = try output.check(
            inputs: [("OLD", old), ("NEW", new)] + scenario.inputFiles + pricing.inputFiles)
        let oldIsManifest = try Self.isManifest(old), newIsManifest = try Self.isManifest(new)
        guard oldIsManifest == newIsManifest else {
            throw CLIError("compare two manifests or two scenarios, not one of each")
        }
        let regions = try pricing.regionCheck(), gpus = try pricing.gpuLookup()
        let base = oldIsManifest ? try scenario.load(regions: regions, gpus: gpus) : nil
        let oldScenario = try load(old, base: base, regions: regions, gpus: gpus)
        let newScenario = try load(new, base: base, regions: regions, gpus: gpus)
        let replications = self.replications ?? max(5, oldScenario.replications)
        let calculator = try pricing.calculator(rules: billing.rules)
        let diff = try await ScenarioDiff.compare(
            old: oldScenario, new: newScenario, replications: replications, calculator: calculator, jobs: jobs)
        guard !diff.rows.isEmpty else { throw CLIError("the two scenarios have no option names in common") }
        let view = DiffView(old: old, new: new, diff: diff, replications: replications)
        let text: String = switch format {
        case .table: view.table(markdown: false)
        case .markdown: view.table(markdown: true)
        case .json: try view.json()
        case .csv: view.csv()
        }
        try output.emit(text, to: outputFile)
    }
}
