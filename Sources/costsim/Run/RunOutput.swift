import Analysis
import CostModel
import Foundation
import Simulator

/// The comparison `costsim run` prints, as a table, JSON or CSV.
struct RunOutput {
    let scenario: Scenario
    let outcomes: [OptionOutcome]
    /// Which scaling decisions to print; nil: none.
    var explain: ExplainOptions.Filter?

    /// The option others are compared with: the scenario's baseline (by default its first option).
    var baseline: OptionOutcome? {
        let name = scenario.baselineOption?.name
        return outcomes.first { $0.option.name == name } ?? outcomes.first
    }

    /// The cheapest option meeting the scenario's objectives (or the default), on pooled figures.
    var verdict: Verdict {
        Verdict(
            figures: outcomes.map(OptionFigures.init(outcome:)), objectives: scenario.objectives,
            baselineName: baseline?.option.name)
    }

    // MARK: Table

    func table() -> String {
        let first = outcomes.first?.first
        let horizon = first?.horizonSeconds ?? 0
        let verdict = self.verdict
        var text = "Verdict: \(verdict.sentence)\n"
        for breach in verdict.breachSentences { text += "  ✗ \(breach)\n" }
        text += verdict.objectivesNote + "\n\n"
        text += "Scenario \(scenario.name): \(Format.duration(horizon)) observed, seed \(scenario.seed), "
        text += "\(scenario.replications) replication\(scenario.replications == 1 ? "" : "s"), "
            + "client timeout \(Format.duration(scenario.clientTimeoutSeconds))\n"
        if case .traceFile(_, let format) = scenario.workload, !format.filters.isEmpty, let first {
            let filters = format.filters.map(\.description).joined(separator: " and ")
            text +=
                "Trace rows: \(Format.count(first.requests.arrived)) kept (\(filters)), "
                + "\(Format.count(first.droppedTraceRows)) dropped\n"
        }
        text += "\n"

        let baselineCost = baseline?.cost?.meanMonthlyTotal
        var summary = TextTable([
            ("option", .left), ("$/month", .right), ("cost vs \(baseline?.option.name ?? "-")", .right),
            ("requests", .right),
            (outcomes.contains { $0.rejected > 0 } ? "timed out or rejected" : "timed out", .right),
            ("cold-start hit", .right), ("p50", .right), ("p95", .right), ("p99", .right),
            ("max", .right),
            ("objectives", .left),
        ])
        for (outcome, assessment) in zip(outcomes, verdict.assessments) {
            let response = outcome.response.summary
            let monthly = outcome.cost?.meanMonthlyTotal
            summary.add([
                outcome.option.name, monthly?.formatted ?? "-", Self.ratio(baseline: baselineCost, option: monthly),
                Format.count(outcome.arrived),
                "\(Format.count(outcome.timedOut)) (\(Format.percent(outcome.timeoutShare))"
                    + (outcome.rejected > 0 ? ", \(Format.count(outcome.rejected)) rejected)" : ")"),
                Format.percent(outcome.coldStartShare),
                Format.duration(response.p50Seconds), Format.duration(response.p95Seconds),
                Format.duration(response.p99Seconds), Format.duration(response.maxSeconds),
                assessment.mark,
            ])
        }
        text += "Monthly cost and the response time clients see (capped at the timeout)\n" + summary.render() + "\n\n"

        var usage = TextTable(
            [("option", .left), ("GPU node-h", .right)]
                + NodeState.allCases.map { ($0.label, TextTable.Alignment.right) }
                + [("GPU VMs started", .right), ("scale-ups from 0", .right)])
        for outcome in outcomes {
            let seconds = outcome.gpuNodeSeconds
            usage.add(
                [outcome.option.name, Format.hours(seconds.total)]
                    + NodeState.allCases.map { Format.hours(seconds[$0]) }
                    + [
                        Format.fixed(outcome.gpuNodesCreated, decimals: 0),
                        Format.fixed(outcome.activationsFromZero, decimals: 0),
                    ])
        }
        text += "GPU node-hours by state over the run (mean per replication)\n" + usage.render() + "\n\n"

        var costs = TextTable(
            [("option", .left), ("system nodes", .right), ("cluster fee", .right)]
                + NodeState.allCases.map { ("GPU \($0.label)", TextTable.Alignment.right) } + [("total", .right)])
        for outcome in outcomes {
            guard let month = outcome.cost?.meanPerMonth else { continue }
            costs.add(
                [outcome.option.name, month.systemNodes.formatted, month.netClusterFee.formatted]
                    + NodeState.allCases.map { month.gpuByState[$0].formatted } + [month.total.formatted])
        }
        text += "Monthly cost by component\n" + costs.render() + "\n"
        if let report = outcomes.first?.firstCost {
            text += "Prices: snapshot \(report.priceSnapshot) (\(report.catalogOrigin) catalog); "
                + "month = \(report.monthHours) h; "
            text += "projected from \(Format.duration(report.horizonSeconds)) simulated.\n"
        }
        let findings = Findings(scenario: scenario, outcomes: outcomes, baseline: baseline).sentences
        if !findings.isEmpty {
            text += "\nWhat this means\n" + findings.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        if let explain { text += decisionLog(explain) }
        return text
    }

    /// The option's cost as a multiple of the baseline's ("0.66×": a third cheaper).
    static func ratio(baseline: Money?, option: Money?) -> String {
        guard let baseline, let option, baseline.nanoDollars > 0 else { return "-" }
        return Format.fixed(Double(option.nanoDollars) / Double(baseline.nanoDollars), decimals: 2) + "×"
    }

    func decisionLog(_ filter: ExplainOptions.Filter) -> String {
        var text = ""
        for outcome in outcomes {
            let decisions = outcome.first.decisions.filter(filter.includes)
            guard !decisions.isEmpty else { continue }
            text += "\nDecisions: \(outcome.option.name) (replication 0, \(Format.count(decisions.count)) entries)\n"
            var table = TextTable([
                ("time", .right), ("actor", .left), ("from", .right), ("to", .right), ("rule", .left),
                ("inputs", .left),
            ])
            for decision in decisions {
                table.add([
                    Self.clock(decision.timeSeconds), decision.actor.rawValue, "\(decision.from)", "\(decision.to)",
                    decision.rule, decision.inputs,
                ])
            }
            text += table.render() + "\n"
        }
        return text
    }

    /// `d3 14:05:10` style time stamp (day, then time of day).
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let day = whole / 86_400
        let rest = whole % 86_400
        return String(format: "d%d %02d:%02d:%02d", day, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    // MARK: JSON

    struct Document: Encodable {
        var schemaVersion = JSONOutput.schemaVersion
        var scenario: String
        var seed: UInt64
        var replications: Int
        var horizonSeconds: Double
        var clientTimeoutSeconds: Double
        var baseline: String?
        var priceSnapshot: String?
        var monthHours: Int?
        var options: [Option]
        /// Rows of a filtered trace kept and dropped (`--where`; replication 0).
        var traceRows: TraceRows?
        var verdict: VerdictJSON
        var findings: [String]
    }

    struct TraceRows: Encodable {
        var kept, dropped: Int
    }

    /// The verdict (docs/json.md): its sentences, the objectives judged, and each option's breaches.
    struct VerdictJSON: Encodable {
        var sentence: String
        var breaches: [String]
        var objectivesNote: String
        var objectives: [ObjectiveJSON]
        var defaultObjectives: Bool
        var recommended: String?
        var closest: String?
        var options: [OptionVerdict]

        init(_ verdict: Verdict) {
            sentence = verdict.sentence
            breaches = verdict.breachSentences
            objectivesNote = verdict.objectivesNote
            objectives = verdict.objectives.map(ObjectiveJSON.init)
            defaultObjectives = verdict.usesDefault
            recommended = verdict.recommended?.figures.name
            closest = verdict.closest?.figures.name
            options = verdict.assessments.map { assessment in
                OptionVerdict(
                    name: assessment.figures.name, meetsObjectives: assessment.meetsObjectives,
                    breaches: assessment.breaches.map { Breach(metric: $0.objective.metric.rawValue, value: $0.value) })
            }
        }
    }

    /// `{"metric": "p95", "comparison": "<=", "threshold": 30}`: seconds for latencies, a share otherwise.
    struct ObjectiveJSON: Encodable {
        var metric: String
        var comparison: String
        var threshold: Double

        init(_ objective: Objective) {
            metric = objective.metric.rawValue
            comparison = objective.strict ? "<" : "<="
            threshold = objective.threshold
        }
    }

    struct OptionVerdict: Encodable {
        var name: String
        var meetsObjectives: Bool
        var breaches: [Breach]
    }

    struct Breach: Encodable {
        var metric: String
        var value: Double
    }

    struct Option: Encodable {
        var name: String
        var requests: Requests
        var timeoutShare, coldStartShare: Double
        /// Present only when the platform rejected requests.
        var rejectedShare: Double?
        var responseSeconds: Latency
        var waitSeconds: Latency
        var coldStartWaitSeconds: Latency
        var serviceSeconds: Latency
        var gpuNodeHours: [String: Double]
        var gpuNodesStarted: Int
        var scaleUpsFromZero: Int
        var monthlyCost: String?
        var monthlyCostNanoDollars: Int64?
        var monthlyCostByComponent: Components?
        var decisions: [Decision]?
    }

    /// Counts summed over the replications.
    struct Requests: Encodable {
        var arrived, served, timedOut, waitedForColdStart: Int
        /// Present only when the platform rejected requests (counted in `timedOut` too).
        var rejected: Int?
    }

    struct Latency: Encodable {
        var count: Int
        var mean, p50, p90, p95, p99, max: Double

        init(_ summary: LatencySummary) {
            count = summary.count
            mean = summary.meanSeconds
            p50 = summary.p50Seconds
            p90 = summary.p90Seconds
            p95 = summary.p95Seconds
            p99 = summary.p99Seconds
            max = summary.maxSeconds
        }
    }

    /// The mean monthly cost's parts, each rounded to the cent (``MoneyText``).
    struct Components: Encodable {
        var systemNodes: String
        var clusterFee: String
        var gpuByState: [String: String]

        init(_ month: CostBreakdown) {
            systemNodes = MoneyText.cents(month.systemNodes)
            clusterFee = MoneyText.cents(month.netClusterFee)
            gpuByState = Dictionary(
                uniqueKeysWithValues: NodeState.allCases.map {
                    (Self.key($0), MoneyText.cents(month.gpuByState[$0]))
                })
        }

        /// The camelCase key of a node state (`coldStart`, `scaleDownTail`).
        static func key(_ state: NodeState) -> String { String(describing: state) }
    }

    struct Decision: Encodable {
        var timeSeconds: Double
        var actor, rule, inputs: String
        var from, to: Int
    }

    func document() -> Document {
        let report = outcomes.first?.firstCost
        return Document(
            scenario: scenario.name, seed: scenario.seed, replications: scenario.replications,
            horizonSeconds: outcomes.first?.first.horizonSeconds ?? 0,
            clientTimeoutSeconds: scenario.clientTimeoutSeconds,
            baseline: baseline?.option.name, priceSnapshot: report?.priceSnapshot, monthHours: report?.monthHours,
            options: outcomes.map { outcome in
                let seconds = outcome.gpuNodeSeconds
                var hours = Dictionary(
                    uniqueKeysWithValues: NodeState.allCases.map {
                        (Components.key($0), seconds[$0] / 3600)
                    })
                hours["total"] = seconds.total / 3600
                let month = outcome.cost?.meanPerMonth
                return Option(
                    name: outcome.option.name,
                    requests: Requests(
                        arrived: outcome.arrived, served: outcome.served, timedOut: outcome.timedOut,
                        waitedForColdStart: outcome.waitedForColdStart,
                        rejected: outcome.rejected > 0 ? outcome.rejected : nil),
                    timeoutShare: outcome.timeoutShare, coldStartShare: outcome.coldStartShare,
                    rejectedShare: outcome.rejected > 0 ? outcome.rejectedShare : nil,
                    responseSeconds: Latency(outcome.response.summary), waitSeconds: Latency(outcome.wait.summary),
                    coldStartWaitSeconds: Latency(outcome.coldStartWait.summary),
                    serviceSeconds: Latency(outcome.service.summary),
                    gpuNodeHours: hours, gpuNodesStarted: outcome.gpuNodesCreatedTotal,
                    scaleUpsFromZero: outcome.activationsFromZeroTotal,
                    monthlyCost: month.map { MoneyText.cents($0.total) },
                    monthlyCostNanoDollars: month?.total.nanoDollars,
                    monthlyCostByComponent: month.map(Components.init),
                    decisions: explain.map { filter in
                        outcome.first.decisions.filter(filter.includes).map {
                            Decision(
                                timeSeconds: $0.timeSeconds, actor: $0.actor.rawValue, rule: $0.rule, inputs: $0.inputs,
                                from: $0.from, to: $0.to)
                        }
                    })
            },
            traceRows: traceRows,
            verdict: VerdictJSON(verdict),
            findings: Findings(scenario: scenario, outcomes: outcomes, baseline: baseline).sentences)
    }

    /// Kept and dropped rows of a trace read with filters (replication 0 reads the whole trace).
    private var traceRows: TraceRows? {
        guard case .traceFile(_, let format) = scenario.workload, !format.filters.isEmpty,
            let first = outcomes.first?.first
        else { return nil }
        return TraceRows(kept: first.requests.arrived, dropped: first.droppedTraceRows)
    }

    func json() throws -> String { try JSONOutput.text(document()) }

    // MARK: CSV

    /// One row per option; names as in the JSON (docs/json.md), counts as integers.
    func csv() -> String {
        let latencies = ["Mean", "P50", "P90", "P95", "P99", "Max"].map { "response\($0)Seconds" }
        let states = NodeState.allCases.map { Components.key($0) }
        let header =
            [
                "option", "monthlyCost", "monthlyCostNanoDollars", "arrived", "served", "timedOut",
                "waitedForColdStart", "timeoutShare", "coldStartShare",
            ] + latencies + ["waitMeanSeconds", "gpuNodeHours"]
            + states.map { "gpuNodeHours" + $0.prefix(1).uppercased() + $0.dropFirst() }
            + ["gpuNodesStarted", "scaleUpsFromZero"]
        let rows = outcomes.map { outcome in
            let response = outcome.response.summary
            let seconds = outcome.gpuNodeSeconds
            let month = outcome.cost?.meanPerMonth.total
            return [
                CSVText.field(outcome.option.name), month.map(MoneyText.cents) ?? "",
                month.map { "\($0.nanoDollars)" } ?? "",
                "\(outcome.arrived)", "\(outcome.served)", "\(outcome.timedOut)", "\(outcome.waitedForColdStart)",
            ]
                + [
                    outcome.timeoutShare, outcome.coldStartShare, response.meanSeconds, response.p50Seconds,
                    response.p90Seconds, response.p95Seconds, response.p99Seconds, response.maxSeconds,
                    outcome.wait.meanSeconds, seconds.total / 3600,
                ]
                .map(CSVText.number)
                + NodeState.allCases.map { CSVText.number(seconds[$0] / 3600) }
                + ["\(outcome.gpuNodesCreatedTotal)", "\(outcome.activationsFromZeroTotal)"]
        }
        return CSVText.document(header: header, rows: rows)
    }
}
