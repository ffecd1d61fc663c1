import Analysis
import CostModel
import Foundation
import Reports
import Simulator
import Storage
import Sweeps

/// Builds the stakeholder report from a priced run — results, costs, assumptions with sources,
/// findings and a break-even sweep — and renders it as PDF, HTML and PNGs for an ``OutputBatch``.
/// Reports draws; this type only gathers what it draws (and runs the extra simulations the
/// break-even chart needs).
struct ReportWriter {
    let scenario: Scenario
    let outcomes: [OptionOutcome]
    let calculator: CostCalculator

    func input() async throws -> ReportInput {
        let baseline = RunOutput(scenario: scenario, outcomes: outcomes).baseline
        var input = ReportInput(
            scenarioName: scenario.name,
            results: outcomes.map(\.first),
            costReports: outcomes.map(\.firstCost),
            baselineOptionName: baseline?.option.name,
            assumptions: try assumptions(),
            findings: Findings(scenario: scenario, outcomes: outcomes, baseline: baseline).sentences,
            breakEven: try await breakEven())
        input.figures = outcomes.map(OptionFigures.init(outcome:))
        input.objectives = scenario.objectives
        return input
    }

    /// Checks, before anything is simulated, that the PNGs of a report on `scenario` can be
    /// written into `pngDirectory`: their names derive from the options' names, and one too long
    /// for the file system would otherwise fail only after the simulation.
    static func checkPNGNames(of scenario: Scenario, in pngDirectory: OutputDirectory) throws {
        for name in ReportInput.optionPNGFileNames(optionNames: scenario.options.map(\.name)) {
            try pngDirectory.checkFile(name)
        }
    }

    /// Adds the rendered report `files` to `batch`, which writes them all or none (the directory
    /// it created is removed again on failure): the PDF to `pdf`, the HTML page to `html` and the
    /// PNGs into `pngDirectory`. `pdf` and `html` are checked after `pngDirectory` is created, so
    /// they may lie inside it (`run --report DIR`). Returns the number of PNGs staged.
    @discardableResult
    static func stage(
        _ files: ReportFiles, into batch: OutputBatch, pdf: @autoclosure () throws -> OutputFile?,
        html: @autoclosure () throws -> OutputFile? = nil, pngDirectory: OutputDirectory?
    ) throws -> Int {
        if let pngDirectory { try batch.createDirectory(pngDirectory) }
        if let bytes = files.pdf, let pdf = try pdf() { try batch.add(bytes, to: pdf) }
        if let bytes = files.html, let html = try html() { try batch.add(bytes, to: html) }
        guard let pngDirectory else { return 0 }
        for png in files.pngs {
            try batch.add(png.bytes, to: OutputFile(checking: pngDirectory.file(png.name), option: pngDirectory.option))
        }
        return files.pngs.count
    }

    /// What `report` and `run --report` print (on standard error) once the files are written:
    /// "wrote report.pdf, report.html and 7 charts (PNG) in charts".
    static func wroteMessage(pdf: String?, html: String? = nil, pngDirectory: String?, pngs: Int) -> String {
        var parts = [pdf, html].compactMap { $0 }
        if let pngDirectory { parts.append("\(pngs) chart\(pngs == 1 ? "" : "s") (PNG) in \(pngDirectory)") }
        guard let last = parts.popLast() else { return "wrote nothing\n" }
        return "wrote " + (parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last) + "\n"
    }

    // MARK: Assumptions

    func assumptions() throws -> [AssumptionRow] {
        var rows: [AssumptionRow] = []
        switch scenario.workload {
        case .synthetic(let generator):
            let volume =
                scenario.inference.workUnit == .audioSeconds
                ? "\(Format.fixed(generator.workPerDay / 60, decimals: 0)) minutes of speech a day"
                : "\(Format.fixed(generator.workPerDay, decimals: 0)) work units a day"
            rows.append(
                AssumptionRow(
                    item: "Workload",
                    value:
                        "\(volume) over \(Format.fixed(generator.days, decimals: 0)) days, "
                            + Self.describe(generator.profile),
                    source: "article: about 300 minutes of speech a day; profile assumed (docs/model.md)"))
            rows.append(
                AssumptionRow(
                    item: "Request size",
                    value: "mean \(Format.fixed(generator.requestSize.mean, decimals: 1)) work units",
                    source: "assumption (docs/model.md)"))
        case .traceFile(let path, let format):
            let columns = format.columnsRead.joined(separator: ", ")
            let filters =
                format.filters.isEmpty
                ? "" : "; rows where \(format.filters.map(\.description).joined(separator: " and "))"
            rows.append(
                AssumptionRow(
                    item: "Workload", value: "trace \((path as NSString).lastPathComponent) (\(columns)\(filters))",
                    source: BundledScenarios.displayPath(path)))
        case .rates(let description):
            rows.append(
                AssumptionRow(
                    item: "Workload",
                    value:
                        "arrivals generated from the per-window rates in "
                        + "\((description.path as NSString).lastPathComponent) (\(description.windows.count) windows "
                        + "of \(Format.duration(description.windowSeconds)), ServeGen's method)",
                    source: description.path))
            rows.append(
                AssumptionRow(
                    item: "Request size",
                    value: "mean \(Format.fixed(description.requestSize.mean, decimals: 1)) work units",
                    source: "scenario \(scenario.name) (rate traces carry no sizes)"))
        case .records(let records):
            rows.append(AssumptionRow(item: "Workload", value: "\(records.count) requests given in code"))
        }
        rows.append(Self.serviceTimeAssumption(scenario))
        rows.append(
            AssumptionRow(
                item: "Client timeout", value: Format.duration(scenario.clientTimeoutSeconds),
                source: Self.clientTimeoutSource(scenario)))
        for outcome in outcomes {
            rows.append(
                AssumptionRow(
                    item: "Option \(outcome.option.name)", value: Self.describe(outcome.option),
                    source: "scenario \(scenario.name); defaults in docs/model.md"))
            if !scenario.workload.hasMeasuredServiceTimes {
                rows.append(Self.gpuSpeedAssumption(outcome.option, in: scenario))
            }
            if let row = Self.coldStartCalibration(outcome.option) { rows.append(row) }
        }
        rows += try priceRows()
        return rows
    }

    /// Where the client timeout comes from: ingress-nginx's default, or the scenario that set another.
    static func clientTimeoutSource(_ scenario: Scenario) -> String {
        guard scenario.clientTimeoutSeconds != Scenario.defaultClientTimeoutSeconds else {
            return "ingress-nginx proxy-read-timeout default"
        }
        return "scenario \(scenario.name), client.timeout (ingress-nginx's proxy-read-timeout default is "
            + "\(Format.duration(Scenario.defaultClientTimeoutSeconds)))"
    }

    /// The catalog rows behind every price the run used, with their sources and dates.
    func priceRows() throws -> [AssumptionRow] {
        var seen = Set<String>()
        var rows: [AssumptionRow] = []
        for report in outcomes.map(\.firstCost) {
            for sku in report.bySKU {
                let key = "\(sku.provider)|\(sku.region)|\(sku.sku)|\(sku.capacity)|\(sku.snapshot)"
                guard seen.insert(key).inserted else { continue }
                let filter = PriceFilter(
                    provider: "\(sku.provider)", region: sku.region, sku: sku.sku, snapshot: sku.snapshot)
                if let row = try calculator.catalog.rows(matching: filter).first(where: { $0.capacity == sku.capacity })
                {
                    rows.append(AssumptionRow(price: row))
                }
            }
        }
        return rows
    }

    /// Where service times come from: the trace's measured times, or the inference model.
    static func serviceTimeAssumption(_ scenario: Scenario) -> AssumptionRow {
        if case .traceFile(let path, let format) = scenario.workload, let column = format.serviceTimeColumn {
            let unit = format.serviceTimeUnit == .seconds ? "" : " (\(format.serviceTimeUnit.rawValue))"
            return AssumptionRow(
                item: "GPU service time",
                value: "each request's measured \(column)\(unit) from the trace, "
                    + "× \(Format.parameter(format.serviceTimeScale))",
                source: "trace \((path as NSString).lastPathComponent); the scenario's inference model is not used")
        }
        return AssumptionRow(
            item: "GPU service time", value: describe(scenario.inference),
            source: scenario.inference == .t4Tacotron2WaveGlow
                ? "NVIDIA DeepLearningExamples Tacotron 2 + WaveGlow on T4 (docs/model.md)"
                : "scenario \(scenario.name), its inference section")
    }

    /// The service-time formula with the scenario's numbers: every term that is not zero, and
    /// the noise unless it is a constant 1.
    static func describe(_ inference: InferenceModel) -> String {
        let unit =
            switch inference.workUnit {
            case .audioSeconds: "second of audio"
            case .characters: "character"
            case .tokens: "input token"
            }
        var terms: [String] = []
        if inference.overheadSeconds > 0 { terms.append("\(Format.parameter(inference.overheadSeconds)) s") }
        if inference.secondsPerWorkUnit > 0 {
            terms.append("\(Format.parameter(inference.secondsPerWorkUnit)) s per \(unit)")
        }
        if inference.secondsPerOutputToken > 0 {
            terms.append("\(Format.parameter(inference.secondsPerOutputToken)) s per output token")
        }
        var text = terms.isEmpty ? "0 s" : terms.joined(separator: " + ")
        if inference.noise != .constant(1) {
            text = (terms.count > 1 ? "(\(text))" : text) + " × noise of mean \(Format.parameter(inference.noise.mean))"
        }
        return text
    }

    static func describe(_ profile: ArrivalProfile) -> String {
        switch profile {
        case .uniform: "Poisson arrivals all day"
        case .businessHours(let start, let end, let share):
            "Poisson, \(Format.percent(1 - share)) between \(Format.fixed(start, decimals: 0)):00 and "
                + "\(Format.fixed(end, decimals: 0)):00"
        case .bursty(let on, let off): "bursts of ~\(Format.duration(on)) every ~\(Format.duration(on + off))"
        }
    }

    static func describe(_ option: DeploymentOption) -> String {
        switch option.kind {
        case .dedicated(let dedicated):
            return "\(dedicated.nodeCount) × \(dedicated.node.displayName), always on"
        case .autoscaled(let deployment):
            var text: String
            switch deployment.autoscaler {
            case .keda(let keda):
                text =
                    "KEDA polling \(Format.duration(keda.pollingIntervalSeconds)), "
                    + "cooldown \(Format.duration(keda.cooldownPeriodSeconds)), "
                text +=
                    "replicas \(keda.minReplicaCount)–\(keda.maxReplicaCount), "
                    + "value \(Format.fixed(keda.trigger.targetValue, decimals: 0)) "
                    + "(\(keda.trigger.queueProtocol.rawValue))"
            case .knative(let knative):
                text =
                    "Knative KPA, target \(Format.fixed(knative.targetConcurrency, decimals: 2)) per pod, "
                    + "grace \(Format.duration(knative.scaleToZeroGracePeriodSeconds))"
            }
            text += "; \(deployment.minNodes)–\(deployment.maxNodes) × \(deployment.node.displayName); "
            if let karpenter = deployment.karpenter {
                let offerings = karpenter.offerings.count
                text +=
                    "Karpenter \(karpenter.consolidationPolicy.rawValue), consolidate after "
                    + "\(karpenter.consolidateAfterSeconds.map(Format.duration) ?? "never")"
                    + (offerings > 1 ? ", cheapest of \(offerings) offerings; " : "; ")
            } else {
                text +=
                    "CA unneeded \(Format.duration(deployment.clusterAutoscaler.scaleDownUnneededSeconds)), "
                    + "delay after add \(Format.duration(deployment.clusterAutoscaler.scaleDownDelayAfterAddSeconds)); "
            }
            text += "cold start ≈ \(Format.duration(deployment.coldStart.meanSeconds))"
            return text
        case .serverless(let serverless):
            let settings = serverless.settings
            let startup =
                settings.instanceStart.mean + settings.containerStart.mean + settings.modelLoad.mean
            return "\(serverless.summary), instances \(settings.minInstances)–"
                + "\(settings.maxInstances), idle timeout \(Format.duration(settings.idleTimeoutSeconds)), "
                + "startup ≈ \(Format.duration(startup))"
        }
    }

    /// The speed of the option's GPU relative to the GPU the service times were measured on, and
    /// where it comes from: the scenario, a published benchmark, or the assumption of equal speed.
    static func gpuSpeedAssumption(_ option: DeploymentOption, in scenario: Scenario) -> AssumptionRow {
        let speed = option.gpuSpeed
        let reference = scenario.inference.gpuSpeeds.referenceGPU
        let gpu = speed.gpu ?? "an unknown GPU"
        let item = "GPU speed of \(option.name)"
        let factor = "\(Format.fixed(speed.factor, decimals: 2)) × \(reference) on \(gpu): service times ÷ "
            + Format.fixed(speed.factor, decimals: 2)
        switch speed.source {
        case .reference:
            let defaultReference = GPUSpeedTable().referenceGPU
            return AssumptionRow(
                item: item, value: "1: \(gpu) is the GPU the service times were measured on",
                source: reference == defaultReference
                    ? "inference.referenceGPU (default \(defaultReference))"
                    : "scenario \(scenario.name), inference.referenceGPU")
        case .scenario:
            return AssumptionRow(
                item: item, value: factor, source: "scenario \(scenario.name), inference.gpuSpeed.\(gpu)")
        case .published(let source):
            return AssumptionRow(
                item: item, value: factor, source: "\(source), for inference.model \(scenario.inference.model ?? "")")
        case .assumedEqual:
            return AssumptionRow(
                item: item, value: "1, assumed: no speed known for \(gpu), service times are \(reference)'s",
                source: "assumption (set inference.gpuSpeed.\(speed.gpu ?? "GPU"); docs/model.md)")
        }
    }

    /// Which cold-start phases of an autoscaled option were measured on a cluster (with their
    /// sample sizes) and which keep the scenario's or costsim's values; `nil` when none was.
    static func coldStartCalibration(_ option: DeploymentOption) -> AssumptionRow? {
        guard case .autoscaled(let deployment) = option.kind, let calibrated = deployment.coldStart.calibrated else {
            return nil
        }
        let measured = ColdStartModel.phaseKeys.compactMap { phase in
            calibrated.samples[phase].map { "\(phase) (n = \($0))" }
        }
        let others = ColdStartModel.phaseKeys.filter { calibrated.samples[$0] == nil }
        let value =
            "calibrated: " + NumberFormat.list(measured)
            + (others.isEmpty ? "" : "; as given or defaults: " + others.joined(separator: ", "))
        return AssumptionRow(item: "Cold start of \(option.name)", value: value, source: calibrated.source)
    }

    // MARK: Break-even

    /// The break-even study as the chart's series (generated speech workloads only).
    func breakEven() async throws -> BreakEvenSeries? {
        guard let study = try await BreakEvenStudy.run(scenario, calculator: calculator) else { return nil }
        return BreakEvenSeries(
            volumes: study.volumesMinutesPerDay,
            curves: study.curves.map {
                BreakEvenSeries.Curve(optionName: $0.optionName, monthlyDollars: $0.monthlyDollars)
            },
            currentVolume: study.currentMinutesPerDay)
    }
}
