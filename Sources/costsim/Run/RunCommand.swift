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

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Also print every scaling decision (time, actor, inputs, rule) — why a node stayed up.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("Also write the PDF report and one PNG per chart into this directory.", valueName: "dir"))
    var report: String?

    func run() async throws {
        let scenario = try self.scenario.load()
        let calculator = try pricing.calculator(rules: billing.rules)
        let outcomes = try await ScenarioRunner.run(scenario, calculator: calculator, keepDecisions: explain)
        let report = RunOutput(scenario: scenario, outcomes: outcomes, explain: explain)
        let text: String
        switch format {
        case .table: text = report.table()
        case .json: text = try report.json()
        case .csv: text = report.csv()
        }
        if let directory = self.report {
            try await ReportWriter(scenario: scenario, outcomes: outcomes, calculator: calculator).write(directory: directory)
        }
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }
}
