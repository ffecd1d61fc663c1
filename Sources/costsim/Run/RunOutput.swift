import CostModel
import Foundation
import Simulator

/// The comparison `costsim run` prints, as a table, JSON or CSV.
struct RunOutput {
    let scenario: Scenario
    let outcomes: [OptionOutcome]
    var explain = false

    /// The option others are compared with: the first dedicated one, else the first.
    var baseline: OptionOutcome? {
        outcomes.first { if case .dedicated = $0.option.kind { true } else { false } } ?? outcomes.first
    }

    // MARK: Table

    func table() -> String {
        let first = outcomes.first?.results.first
        let horizon = first?.horizonSeconds ?? 0
        var text = "Scenario \(scenario.name): \(Format.duration(horizon)) observed, seed \(scenario.seed), "
        text += "\(scenario.replications) replication\(scenario.replications == 1 ? "" : "s"), client timeout \(Format.duration(scenario.clientTimeoutSeconds))\n"
        if case .traceFile(_, let format) = scenario.workload, !format.filters.isEmpty, let first {
            let filters = format.filters.map(\.description).joined(separator: " and ")
            text += "Trace rows: \(Format.count(first.requests.arrived)) kept (\(filters)), "
                + "\(Format.count(first.droppedTraceRows)) dropped\n"
        }
        text += "\n"

        let baselineCost = baseline?.cost?.meanMonthlyTotal
        var summary = TextTable([
            ("option", .left), ("$/month", .right), ("cost vs \(baseline?.option.name ?? "-")", .right), ("requests", .right),
            ("timed out", .right), ("cold-start hit", .right), ("p50", .right), ("p95", .right), ("p99", .right), ("max", .right),
        ])
        for outcome in outcomes {
            let response = outcome.response.summary
            let monthly = outcome.cost?.meanMonthlyTotal
            summary.add([
                outcome.option.name, monthly?.formatted ?? "-", Self.ratio(baseline: baselineCost, option: monthly),
                Format.count(outcome.arrived), "\(Format.count(outcome.timedOut)) (\(Format.percent(outcome.timeoutShare)))",
                Format.percent(outcome.coldStartShare),
                Format.duration(response.p50Seconds), Format.duration(response.p95Seconds),
                Format.duration(response.p99Seconds), Format.duration(response.maxSeconds),
            ])
        }
        text += "Monthly cost and the response time clients see (capped at the timeout)\n" + summary.render() + "\n\n"

        var usage = TextTable([("option", .left), ("GPU node-h", .right)] + NodeState.allCases.map { ($0.label, TextTable.Alignment.right) }
            + [("GPU VMs started", .right), ("scale-ups from 0", .right)])
        for outcome in outcomes {
            let seconds = outcome.gpuNodeSeconds
            usage.add([outcome.option.name, Format.hours(seconds.total)] + NodeState.allCases.map { Format.hours(seconds[$0]) }
                + [Format.fixed(outcome.gpuNodesCreated, decimals: 0), Format.fixed(outcome.activationsFromZero, decimals: 0)])
        }
        text += "GPU node-hours by state over the run (mean per replication)\n" + usage.render() + "\n\n"

        var costs = TextTable([("option", .left), ("system nodes", .right), ("cluster fee", .right)]
            + NodeState.allCases.map { ("GPU \($0.label)", TextTable.Alignment.right) } + [("total", .right)])
        for outcome in outcomes {
            guard let month = outcome.cost?.meanPerMonth else { continue }
            costs.add([outcome.option.name, month.systemNodes.formatted, month.netClusterFee.formatted]
                + NodeState.allCases.map { month.gpuByState[$0].formatted } + [month.total.formatted])
        }
        text += "Monthly cost by component\n" + costs.render() + "\n"
        if let report = outcomes.first?.costs.first {
            text += "Prices: snapshot \(report.priceSnapshot) (\(report.catalogOrigin) catalog); month = \(report.monthHours) h; "
            text += "projected from \(Format.duration(report.horizonSeconds)) simulated.\n"
        }
        let findings = Findings(scenario: scenario, outcomes: outcomes, baseline: baseline).sentences
        if !findings.isEmpty {
            text += "\nWhat this means\n" + findings.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        if explain { text += decisionLog() }
        return text
    }

    /// The option's cost as a multiple of the baseline's ("0.66×": a third cheaper).
    static func ratio(baseline: Money?, option: Money?) -> String {
        guard let baseline, let option, baseline.nanoDollars > 0 else { return "-" }
        return Format.fixed(Double(option.nanoDollars) / Double(baseline.nanoDollars), decimals: 2) + "×"
    }

    func decisionLog() -> String {
        var text = ""
        for outcome in outcomes {
            guard let decisions = outcome.results.first?.decisions, !decisions.isEmpty else { continue }
            text += "\nDecisions: \(outcome.option.name) (replication 0, \(Format.count(decisions.count)) entries)\n"
            var table = TextTable([("time", .right), ("actor", .left), ("from", .right), ("to", .right), ("rule", .left), ("inputs", .left)])
            for decision in decisions {
                table.add([Self.clock(decision.timeSeconds), decision.actor.rawValue, "\(decision.from)", "\(decision.to)", decision.rule, decision.inputs])
            }
            text += table.render() + "\n"
        }
        return text
    }

    /// `d3 14:05:10` style time stamp (day, then time of day).
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let day = whole / 86_400, rest = whole % 86_400
        return String(format: "d%d %02d:%02d:%02d", day, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    // MARK: JSON

    struct Document: Encodable {
        var scenario: String
        var seed: UInt64
        var replications: Int
        var horizonSeconds: Double
        var clientTimeoutSeconds: Double
        var baseline: String?
        var options: [Option]
        var findings: [String]
    }

    struct Option: Encodable {
        var name: String
        var requests: Requests
        var responseSeconds: Latency
        var waitSeconds: Latency
        var coldStartWaitSeconds: Latency
        var serviceSeconds: Latency
        var gpuNodeHours: [String: Double]
        var gpuNodesStarted: Double
        var scaleUpsFromZero: Double
        var monthlyCost: Cost?
        var decisions: [Decision]?
    }

    struct Requests: Encodable {
        var arrived, served, timedOut, waitedForColdStart: Int
        var timeoutShare, coldStartShare: Double
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

    /// Money as exact decimal dollars (text, never binary floating point).
    struct Cost: Encodable {
        var total: String
        var systemNodes: String
        var clusterFee: String
        var gpuByState: [String: String]
        var priceSnapshot: String
        var monthHours: Int

        init(_ month: CostBreakdown, report: CostReport) {
            total = month.total.exactDollarsText
            systemNodes = month.systemNodes.exactDollarsText
            clusterFee = month.netClusterFee.exactDollarsText
            gpuByState = Dictionary(uniqueKeysWithValues: NodeState.allCases.map { ($0.label, month.gpuByState[$0].exactDollarsText) })
            priceSnapshot = report.priceSnapshot
            monthHours = report.monthHours
        }
    }

    struct Decision: Encodable {
        var timeSeconds: Double
        var actor, rule, inputs: String
        var from, to: Int
    }

    func document() -> Document {
        Document(
            scenario: scenario.name, seed: scenario.seed, replications: scenario.replications,
            horizonSeconds: outcomes.first?.results.first?.horizonSeconds ?? 0, clientTimeoutSeconds: scenario.clientTimeoutSeconds,
            baseline: baseline?.option.name,
            options: outcomes.map { outcome in
                let seconds = outcome.gpuNodeSeconds
                var hours = Dictionary(uniqueKeysWithValues: NodeState.allCases.map { ($0.label, seconds[$0] / 3600) })
                hours["total"] = seconds.total / 3600
                var cost: Cost?
                if let summary = outcome.cost, let report = outcome.costs.first { cost = Cost(summary.meanPerMonth, report: report) }
                return Option(
                    name: outcome.option.name,
                    requests: Requests(
                        arrived: outcome.arrived, served: outcome.served, timedOut: outcome.timedOut,
                        waitedForColdStart: outcome.waitedForColdStart, timeoutShare: outcome.timeoutShare,
                        coldStartShare: outcome.coldStartShare),
                    responseSeconds: Latency(outcome.response.summary), waitSeconds: Latency(outcome.wait.summary),
                    coldStartWaitSeconds: Latency(outcome.coldStartWait.summary), serviceSeconds: Latency(outcome.service.summary),
                    gpuNodeHours: hours, gpuNodesStarted: outcome.gpuNodesCreated, scaleUpsFromZero: outcome.activationsFromZero,
                    monthlyCost: cost,
                    decisions: explain ? outcome.results.first?.decisions.map {
                        Decision(timeSeconds: $0.timeSeconds, actor: $0.actor.rawValue, rule: $0.rule, inputs: $0.inputs, from: $0.from, to: $0.to)
                    } : nil)
            },
            findings: Findings(scenario: scenario, outcomes: outcomes, baseline: baseline).sentences)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(document()), as: UTF8.self) + "\n"
    }

    // MARK: CSV

    func csv() -> String {
        var header = ["option", "monthly_cost_usd", "requests", "served", "timed_out", "timeout_share", "cold_start_share",
                      "response_mean_s", "response_p50_s", "response_p90_s", "response_p95_s", "response_p99_s", "response_max_s",
                      "wait_mean_s", "gpu_node_hours"]
        header += NodeState.allCases.map { "gpu_hours_\($0.label.replacingOccurrences(of: "-", with: "_"))" }
        header += ["gpu_vms_started", "scale_ups_from_zero"]
        var lines = [header.joined(separator: ",")]
        for outcome in outcomes {
            let response = outcome.response.summary
            let seconds = outcome.gpuNodeSeconds
            var cells = [csvField(outcome.option.name), outcome.cost?.meanMonthlyTotal.exactDollarsText ?? "",
                         "\(outcome.arrived)", "\(outcome.served)", "\(outcome.timedOut)",
                         "\(outcome.timeoutShare)", "\(outcome.coldStartShare)",
                         "\(response.meanSeconds)", "\(response.p50Seconds)", "\(response.p90Seconds)", "\(response.p95Seconds)",
                         "\(response.p99Seconds)", "\(response.maxSeconds)", "\(outcome.wait.meanSeconds)", "\(seconds.total / 3600)"]
            cells += NodeState.allCases.map { "\(seconds[$0] / 3600)" }
            cells += ["\(outcome.gpuNodesCreated)", "\(outcome.activationsFromZero)"]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
