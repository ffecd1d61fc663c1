import Analysis
import ArgumentParser
import Calibration
import CostModel
import Foundation
import Simulator
import Storage

/// `costsim validate`: one option simulated over a trace's period, side by side with what the cluster
/// recorded (Prometheus range data) and billed.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a simulation against what the cluster recorded and billed (docs/calibration.md).",
        discussion: """
            Simulates one option of the scenario over the trace's period and prints, beside what the \
            cluster recorded: GPU node-hours and cost per day (bills), the agreement of the node, replica, \
            ready-pod and queue timelines (Prometheus query_range exports), scale-ups, cold starts and the \
            lag of scale-ups. Differences above --threshold are flagged with their likely cause.
            Examples:
              costsim validate --scenario my.yaml --trace day.csv --start 2026-11-02T00:00:00Z \\
                --prometheus nodes.json --prometheus replicas=replicas.json --bill gcp-billing.csv
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions

    @Option(name: .long, help: "The option to simulate (default: the scenario's first autoscaled option).")
    var option: String?

    @Option(name: .long, help: ArgumentHelp(
        "A Prometheus query_range export (JSON); KIND=FILE names what an aggregated query counts "
            + "(KIND: replicas, ready, nodes, queue). Repeatable.", valueName: "[kind=]file"))
    var prometheus: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "A cloud billing export (CSV: GCP detailed usage cost, AWS CUR 2.0 or legacy CUR, Azure cost details). "
            + "Repeatable.", valueName: "file"))
    var bill: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "The UTC time of the trace's time 0, e.g. 2026-11-02T00:00:00Z (default: the trace's own first time, "
            + "when it writes dates or Unix seconds).", valueName: "time"))
    var start: String?

    @Option(name: .long, help: ArgumentHelp(
        "Flag differences above this percentage (default 20).", valueName: "percent"))
    var threshold: Double = 20

    @Option(name: .long, help: "Output format: table or json (docs/json.md).")
    var format: OutputFormat = .table

    @OptionGroup var output: ResultOutput

    func validate() throws {
        guard scenario.trace != nil else { throw ValidationError("--trace FILE is required: the period to validate") }
        guard !prometheus.isEmpty || !bill.isEmpty else {
            throw ValidationError("give what the cluster recorded: --prometheus FILE and/or --bill FILE")
        }
        guard threshold.isFinite, (0...1000).contains(threshold) else {
            throw ValidationError("--threshold must be a percentage within 0...1000, got \(threshold)")
        }
        if let start, RFC3339.seconds(start) == nil {
            throw ValidationError("--start '\(start)' is not an RFC 3339 time (2026-11-02T00:00:00Z)")
        }
    }

    /// `--prometheus` values as (metric named by KIND=, file).
    private var prometheusFiles: [(metric: ObservedMetric?, file: String)] {
        prometheus.map { value in
            if let equals = value.firstIndex(of: "="), let metric = ObservedMetric(rawValue: String(value[..<equals])) {
                return (metric, String(value[value.index(after: equals)...]))
            }
            return (nil, value)
        }
    }

    func run() async throws {
        let inputs = scenario.inputFiles + pricing.inputFiles + prometheusFiles.map { ("--prometheus", $0.file) }
            + bill.map { ("--bill", $0) }
        let outputFile = try output.check(inputs: inputs)
        // The recorded data are read before simulating: a bad export fails at once.
        var recorded: [ObservedMetric: StepSeries] = [:]
        var recordedFrom: [ObservedMetric: String] = [:]
        let bills: [BillExport]
        do {
            for (metric, file) in prometheusFiles {
                for (kind, series) in try PrometheusExport.read(file: file, as: metric).series {
                    if let other = recordedFrom[kind] {
                        throw CalibrationError(
                            file: file, "has \(kind.rawValue) series, and so has \(other): give each once")
                    }
                    recorded[kind] = series
                    recordedFrom[kind] = file
                }
            }
            bills = try bill.map { try BillExport.read(file: $0) }
        } catch let error as CalibrationError {
            throw CLIError(error.description)
        }
        var scenario = try self.scenario.load(
            regions: pricing.regionCheck(), gpus: pricing.gpuLookup(), projectsToMonth: false)
        let chosen = try chooseOption(of: scenario)
        scenario.options = [chosen]
        scenario.replications = 1
        let origin = try start.flatMap { RFC3339.seconds($0) } ?? traceOrigin(of: scenario)
        let calculator = try pricing.calculator(rules: BillingRules())
        let outcome = try await ScenarioRun.run(scenario, calculator: calculator, keepDecisions: true, jobs: 1)[0]
        let cluster = SimulatedCluster(result: outcome.first, charges: outcome.firstCost.nodeRuns, origin: origin)
        let validation: SimulationValidation
        do {
            validation = try SimulationValidation(
                cluster: cluster, recorded: recorded, bills: bills, threshold: threshold / 100)
        } catch {
            throw CLIError(error.description)
        }
        let view = ValidateView(
            validation: validation, scenario: scenario.name, option: chosen.name, prometheus: recordedFrom)
        let text = switch format {
        case .table: view.table()
        case .json: try JSONOutput.text(view.document())
        }
        try output.emit(text, to: outputFile)
    }

    private func chooseOption(of scenario: Scenario) throws -> DeploymentOption {
        if let option {
            guard let found = scenario.options.first(where: { $0.name == option }) else {
                throw CLIError("--option: the scenario has no option named '\(option)' (it has "
                    + scenario.options.map(\.name).joined(separator: ", ") + ")")
            }
            return found
        }
        return scenario.options.first { if case .autoscaled = $0.kind { true } else { false } } ?? scenario.options[0]
    }

    /// The trace's time 0 in Unix seconds, when the trace writes dates or Unix seconds.
    private func traceOrigin(of scenario: Scenario) throws -> Double {
        guard case .traceFile(let path, let format) = scenario.workload else {
            throw CLIError("--start is needed: the workload is not a trace file with times of day")
        }
        var reader = try TraceFile.reader(path: path, format: format)
        _ = try reader.next()
        // 2000-01-01: smaller times count from the trace's own zero, not from the Unix epoch.
        guard let frame = reader.timeFrame, frame.originSeconds >= 946_684_800 else {
            throw CLIError("\(path): the trace's times are not dates or Unix seconds: give --start, the UTC time "
                + "of its time 0 (e.g. --start 2026-11-02T00:00:00Z)")
        }
        return frame.originSeconds
    }
}
