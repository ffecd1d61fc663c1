import ArgumentParser
import Foundation
import Reports

/// `costsim report`: run a scenario and write the stakeholder PDF (and PNGs).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run a scenario and write the PDF report: the answer on page one, then assumptions and charts.",
        discussion: "With no options, reports on the bundled article scenario.")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions

    @Option(name: .long, help: ArgumentHelp("The PDF to write (atomically).", valueName: "report.pdf"))
    var out: String = "report.pdf"

    @Option(name: .long, help: ArgumentHelp("Also write one PNG per chart into this directory.", valueName: "dir"))
    var pngDir: String?

    func run() async throws {
        let scenario = try self.scenario.load()
        let calculator = try pricing.calculator(rules: billing.rules)
        let outcomes = try await ScenarioRunner.run(scenario, calculator: calculator)
        let renderer = ReportRenderer(input: try await ReportWriter(scenario: scenario, outcomes: outcomes, calculator: calculator).input())
        try renderer.writePDF(to: out)
        if let pngDir { _ = try renderer.writePNGs(directory: pngDir) }
        FileHandle.standardError.write(Data("wrote \(out)\(pngDir.map { " and charts in \($0)" } ?? "")\n".utf8))
    }
}
