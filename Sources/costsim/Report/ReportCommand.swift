import Analysis
import ArgumentParser
import Foundation
import Reports
import Storage

/// `costsim report`: run a scenario and write the stakeholder PDF (and PNGs).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run a scenario and write the PDF report: the answer on page one, then assumptions and charts.",
        discussion: """
            With no options, reports on the bundled article scenario.

            Examples:
              costsim report -o report.pdf --png-dir charts
              costsim report --scenario my-gke.yaml --trace my-trace.csv -o my-report.pdf
            """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions
    @OptionGroup var baseline: BaselineOption
    @OptionGroup var objectives: ObjectiveOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "The PDF to write (atomically; default: report.pdf).", valueName: "report.pdf"))
    var output: String?

    /// The former name of --output, accepted for existing scripts.
    @Option(name: .customLong("out"), help: .hidden)
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Also write one PNG per chart into this directory (created if missing; its parent must exist).", valueName: "dir"))
    var pngDir: String?

    func validate() throws {
        if output != nil && out != nil { throw ValidationError("give --output once (--out is its former name).") }
    }

    func run() async throws {
        let path = output ?? out ?? "report.pdf"
        // The outputs are checked before simulating: a report that cannot be saved is not run.
        let pdf = try OutputFile(checking: path, option: "--output")
        let pngDirectory = try pngDir.map { try OutputDirectory(checking: $0, option: "--png-dir", createParents: false) }
        try AtomicFile.refuseSameFile(outputs: [("--output", path)], inputs: self.scenario.inputFiles + pricing.inputFiles)
        let scenario = try objectives.apply(to: baseline.apply(to: self.scenario.load()))
        if let pngDirectory { try ReportWriter.checkPNGNames(of: scenario, in: pngDirectory) }
        let calculator = try pricing.calculator(rules: billing.rules)
        let outcomes = try await ScenarioRun.run(scenario, calculator: calculator)
        let input = try await ReportWriter(scenario: scenario, outcomes: outcomes, calculator: calculator).input()
        // The PDF and the PNGs are one output: all are written or none.
        var pngs = 0
        try OutputBatch.write { batch in
            pngs = try ReportWriter.stage(input, into: batch, pdf: pdf, pngDirectory: pngDirectory)
        }
        FileHandle.standardError.write(Data(ReportWriter.wroteMessage(pdf: path, pngDirectory: pngDir, pngs: pngs).utf8))
    }
}
