import Analysis
import ArgumentParser
import Foundation
import Reports
import Simulator
import Storage

/// `costsim run`: simulate every deployment option of a scenario and compare them.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's deployment options and print the comparison.",
        discussion: """
            With no options, runs the bundled scenario article-gke-t4 (costsim scenario show \
            article-gke-t4), which mirrors the article: GKE us-central1, n1-highmem-4 + T4, about 300 \
            minutes of speech a day. It works from any directory: the bundled scenarios are in the binary.

            Examples:
              costsim run
              costsim run --scenario my-gke.yaml --seed 7 --format csv -o run.csv
              costsim run --keda scaledobject.yaml --explain-actor KEDA --explain-to 1h
              costsim run --report out    # also out/report.pdf and one PNG per chart
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions
    @OptionGroup var baseline: BaselineOption
    @OptionGroup var objectives: ObjectiveOptions

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var explain: ExplainOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the PDF report, the same report as an HTML page and one PNG per chart into this directory.",
            valueName: "dir"))
    var report: String?

    func run() async throws {
        // Every output is checked before simulating: a run whose results cannot be saved is not started.
        let reportDirectory = try report.map {
            try OutputDirectory(checking: $0, option: "--report", createParents: true)
        }
        let reportPDF = reportDirectory?.file("report.pdf")
        let reportHTML = reportDirectory?.file("report.html")
        try AtomicFile.refuseSameFile(
            outputs: [("--output", output), ("--report", reportPDF), ("--report", reportHTML)],
            inputs: self.scenario.inputFiles + pricing.inputFiles)
        // (--output may go into a directory --report creates: only its name can be checked now.)
        let outputFile = try output.flatMap { output in
            guard reportDirectory?.creates(FilePaths.parent(of: output)) == true else {
                return try OutputFile(checking: output, option: "--output")
            }
            try FilePaths.checkOutputName(FilePaths.lastComponent(of: output), for: output)
            return nil
        }
        let reportFile = try reportPDF.flatMap { path in
            reportDirectory?.missing.isEmpty == true ? try OutputFile(checking: path, option: "--report") : nil
        }
        let reportPage = try reportHTML.flatMap { path in
            reportDirectory?.missing.isEmpty == true ? try OutputFile(checking: path, option: "--report") : nil
        }
        let loaded = try self.scenario.load(regions: pricing.regionCheck(), gpus: pricing.gpuLookup())
        let scenario = try objectives.apply(to: baseline.apply(to: loaded))
        if let reportDirectory { try ReportWriter.checkPNGNames(of: scenario, in: reportDirectory) }
        let calculator = try pricing.calculator(rules: billing.rules)
        let outcomes = try await ScenarioRun.run(scenario, calculator: calculator, keepDecisions: explain.isEnabled)
        let report = RunOutput(scenario: scenario, outcomes: outcomes, explain: try explain.filter())
        let text: String
        switch format {
        case .table: text = report.table()
        case .json: text = try report.json()
        case .csv: text = report.csv()
        }
        var reportFiles: ReportFiles?
        if reportDirectory != nil {
            let input = try await ReportWriter(scenario: scenario, outcomes: outcomes, calculator: calculator).input()
            reportFiles = try await ReportFiles.render(input, pdf: true, html: true, pngs: true)
        }
        // --output and the report (PDF, HTML and PNGs) are one output: all are written or none.
        var pngs = 0
        try OutputBatch.write { batch in
            if let reportDirectory, let reportPDF, let reportHTML, let reportFiles {
                let pdf = { try reportFile ?? OutputFile(checking: reportPDF, option: "--report") }
                let html = { try reportPage ?? OutputFile(checking: reportHTML, option: "--report") }
                pngs = try ReportWriter.stage(
                    reportFiles, into: batch, pdf: pdf(), html: html(), pngDirectory: reportDirectory)
            }
            if let output { try batch.add(text, to: outputFile ?? OutputFile(checking: output, option: "--output")) }
        }
        if output == nil { print(text, terminator: "") }
        if let reportPDF, let reportDirectory {
            let message = ReportWriter.wroteMessage(
                pdf: reportPDF, html: reportHTML, pngDirectory: reportDirectory.path, pngs: pngs)
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}
