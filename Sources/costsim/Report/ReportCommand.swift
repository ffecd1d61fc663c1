import Analysis
import ArgumentParser
import Foundation
import Reports
import Storage

/// `costsim report`: run a scenario and write the stakeholder PDF (and/or the HTML page, and PNGs).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Run a scenario and write the report (PDF and/or HTML): the answer first, then charts and assumptions.",
        discussion: """
            With no options, reports on the bundled article scenario.

            Examples:
              costsim report -o report.pdf --png-dir charts
              costsim report --html report.html            (the HTML page only)
              costsim report -o report.pdf --html report.html
              costsim report --scenario my-gke.yaml --trace my-trace.csv -o my-report.pdf
            """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions
    @OptionGroup var baseline: BaselineOption
    @OptionGroup var objectives: ObjectiveOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "The PDF to write (atomically; default: report.pdf, or none when only --html is given).",
            valueName: "report.pdf"))
    var output: String?

    /// The former name of --output, accepted for existing scripts.
    @Option(name: .customLong("out"), help: .hidden)
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write one PNG per chart into this directory (created if missing; its parent must exist).",
            valueName: "dir"))
    var pngDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the report as one self-contained HTML page (inline charts and style; "
                + "no PDF unless -o is given too).",
            valueName: "report.html"))
    var html: String?

    func validate() throws {
        if output != nil && out != nil { throw ValidationError("give --output once (--out is its former name).") }
    }

    func run() async throws {
        // --html alone writes only the page; -o (or neither) writes the PDF.
        let path = output ?? out ?? (html == nil ? "report.pdf" : nil)
        // The outputs are checked before simulating: a report that cannot be saved is not run.
        let pdf = try path.map { try OutputFile(checking: $0, option: "--output") }
        let page = try html.map { try OutputFile(checking: $0, option: "--html") }
        let pngDirectory = try pngDir.map {
            try OutputDirectory(checking: $0, option: "--png-dir", createParents: false)
        }
        try AtomicFile.refuseSameFile(
            outputs: [("--output", path), ("--html", html)],
            inputs: self.scenario.inputFiles + pricing.inputFiles)
        let loaded = try self.scenario.load(regions: pricing.regionCheck(), gpus: pricing.gpuLookup())
        let scenario = try objectives.apply(to: baseline.apply(to: loaded))
        if let pngDirectory { try ReportWriter.checkPNGNames(of: scenario, in: pngDirectory) }
        let calculator = try pricing.calculator(rules: billing.rules)
        let outcomes = try await ScenarioRun.run(scenario, calculator: calculator)
        let input = try await ReportWriter(scenario: scenario, outcomes: outcomes, calculator: calculator).input()
        let files = try await ReportFiles.render(input, pdf: pdf != nil, html: page != nil, pngs: pngDirectory != nil)
        // The PDF, the HTML page and the PNGs are one output: all are written or none.
        var pngs = 0
        try OutputBatch.write { batch in
            pngs = try ReportWriter.stage(files, into: batch, pdf: pdf, html: page, pngDirectory: pngDirectory)
        }
        let message = ReportWriter.wroteMessage(pdf: path, html: html, pngDirectory: pngDir, pngs: pngs)
        FileHandle.standardError.write(Data(message.utf8))
    }
}
