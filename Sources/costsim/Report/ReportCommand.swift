import ArgumentParser
import Foundation
import Reports
import Storage

/// `costsim report`: run a scenario and write the stakeholder PDF (and PNGs).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run a scenario and write the PDF report: the answer on page one, then assumptions and charts.",
        discussion: "With no options, reports on the bundled article scenario.")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions
    @OptionGroup var baseline: BaselineOption

    @Option(name: .long, help: ArgumentHelp("The PDF to write (atomically).", valueName: "report.pdf"))
    var out: String = "report.pdf"

    @Option(name: .long, help: ArgumentHelp("Also write one PNG per chart into this directory (created if missing; its parent must exist).", valueName: "dir"))
    var pngDir: String?

    func run() async throws {
        // The outputs are checked before simulating: a report that cannot be saved is not run.
        let pdf = try OutputFile(checking: out, option: "--out")
        let pngDirectory = try pngDir.map { try OutputDirectory(checking: $0, option: "--png-dir", createParents: false) }
        try AtomicFile.refuseSameFile(outputs: [("--out", out)], inputs: self.scenario.inputFiles + pricing.inputFiles)
        let scenario = try baseline.apply(to: self.scenario.load())
        if let pngDirectory { try ReportWriter.checkPNGNames(of: scenario, in: pngDirectory) }
        let calculator = try pricing.calculator(rules: billing.rules)
        let outcomes = try await ScenarioRunner.run(scenario, calculator: calculator)
        let input = try await ReportWriter(scenario: scenario, outcomes: outcomes, calculator: calculator).input()
        // The PDF and the PNGs are one output: all are written or none.
        try OutputBatch.write { batch in
            try ReportWriter.stage(input, into: batch, pdf: pdf, pngDirectory: pngDirectory)
        }
        FileHandle.standardError.write(Data("wrote \(out)\(pngDir.map { " and charts in \($0)" } ?? "")\n".utf8))
    }
}
