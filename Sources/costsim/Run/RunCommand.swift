import ArgumentParser
import Simulator

/// `costsim run`: simulate every deployment option of a scenario and compare them.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's deployment options and print the comparison.",
        discussion: """
            With no options, runs the bundled scenario (scenarios/article-gke-t4.yaml), which mirrors \
            the article: GKE us-central1, n1-highmem-4 + T4, about 300 minutes of speech a day.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(name: .long, help: "Scenario YAML file (default: the bundled article scenario).")
    var scenario: String?

    @Option(name: .long, help: "Replay this trace file instead of the scenario's workload.")
    var trace: String?

    @Option(name: .long, help: "Column layout of --trace: costsim, azure-llm or mooncake (default: the scenario's trace settings, else costsim).")
    var tracePreset: TracePreset?

    @Option(name: .long, help: "Seed for all random streams (overrides the scenario's).")
    var seed: UInt64?

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    func run() async throws {
        let scenario = try ScenarioRunner.loadScenario(path: self.scenario, trace: trace, tracePreset: tracePreset?.format, seed: seed)
        let outcomes = try ScenarioRunner.run(scenario)
        let report = RunOutput(scenario: scenario, outcomes: outcomes)
        let text: String
        switch format {
        case .table: text = report.table()
        case .json: text = try report.json()
        case .csv: text = report.csv()
        }
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }
}

/// The named trace layouts of ``TraceFormat``.
enum TracePreset: String, ExpressibleByArgument, CaseIterable {
    case costsim
    case azureLLM = "azure-llm"
    case mooncake

    var format: TraceFormat {
        switch self {
        case .costsim: .costsim
        case .azureLLM: .azureLLM
        case .mooncake: .mooncake
        }
    }
}
