import Foundation
import Simulator

/// The comparison `costsim run` prints, as a table, JSON or CSV.
struct RunOutput {
    let scenario: Scenario
    let outcomes: [OptionOutcome]

    // MARK: Table

    func table() -> String {
        let first = outcomes.first?.results.first
        let horizon = first?.horizonSeconds ?? 0
        var text = "Scenario \(scenario.name): \(Format.duration(horizon)) observed, seed \(scenario.seed), "
        text += "\(scenario.replications) replication\(scenario.replications == 1 ? "" : "s"), client timeout \(Format.duration(scenario.clientTimeoutSeconds))\n\n"

        var latency = TextTable([
            ("option", .left), ("requests", .right), ("timed out", .right), ("cold-start hit", .right),
            ("p50", .right), ("p90", .right), ("p95", .right), ("p99", .right), ("max", .right), ("mean wait", .right),
        ])
        for outcome in outcomes {
            let response = outcome.response.summary
            latency.add([
                outcome.option.name, Format.count(outcome.arrived),
                "\(Format.count(outcome.timedOut)) (\(Format.percent(outcome.timeoutShare)))",
                Format.percent(outcome.coldStartShare),
                Format.duration(response.p50Seconds), Format.duration(response.p90Seconds),
                Format.duration(response.p95Seconds), Format.duration(response.p99Seconds),
                Format.duration(response.maxSeconds), Format.duration(outcome.wait.meanSeconds),
            ])
        }
        text += "Response time seen by clients (capped at the timeout)\n" + latency.render() + "\n\n"

        var usage = TextTable([("option", .left), ("GPU node-hours", .right)] + NodeState.allCases.map { ($0.label, TextTable.Alignment.right) })
        for outcome in outcomes {
            let seconds = outcome.gpuNodeSeconds
            usage.add([outcome.option.name, Format.hours(seconds.total)] + NodeState.allCases.map { Format.hours(seconds[$0]) })
        }
        text += "GPU node-hours by state (per replication)\n" + usage.render() + "\n"
        return text
    }

    // MARK: JSON

    struct Document: Encodable {
        var scenario: String
        var seed: UInt64
        var replications: Int
        var horizonSeconds: Double
        var clientTimeoutSeconds: Double
        var options: [Option]
    }

    struct Option: Encodable {
        var name: String
        var requests: Requests
        var responseSeconds: Latency
        var waitSeconds: Latency
        var coldStartWaitSeconds: Latency
        var serviceSeconds: Latency
        var gpuNodeHours: [String: Double]
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

    func document() -> Document {
        Document(
            scenario: scenario.name, seed: scenario.seed, replications: scenario.replications,
            horizonSeconds: outcomes.first?.results.first?.horizonSeconds ?? 0, clientTimeoutSeconds: scenario.clientTimeoutSeconds,
            options: outcomes.map { outcome in
                let seconds = outcome.gpuNodeSeconds
                var hours = Dictionary(uniqueKeysWithValues: NodeState.allCases.map { ($0.label, seconds[$0] / 3600) })
                hours["total"] = seconds.total / 3600
                return Option(
                    name: outcome.option.name,
                    requests: Requests(
                        arrived: outcome.arrived, served: outcome.served, timedOut: outcome.timedOut,
                        waitedForColdStart: outcome.waitedForColdStart, timeoutShare: outcome.timeoutShare,
                        coldStartShare: outcome.coldStartShare),
                    responseSeconds: Latency(outcome.response.summary), waitSeconds: Latency(outcome.wait.summary),
                    coldStartWaitSeconds: Latency(outcome.coldStartWait.summary), serviceSeconds: Latency(outcome.service.summary),
                    gpuNodeHours: hours)
            })
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(document()), as: UTF8.self) + "\n"
    }

    // MARK: CSV

    func csv() -> String {
        var header = ["option", "requests", "served", "timed_out", "timeout_share", "cold_start_share",
                      "response_mean_s", "response_p50_s", "response_p90_s", "response_p95_s", "response_p99_s", "response_max_s",
                      "wait_mean_s", "gpu_node_hours"]
        header += NodeState.allCases.map { "gpu_hours_\($0.label.replacingOccurrences(of: "-", with: "_"))" }
        var lines = [header.joined(separator: ",")]
        for outcome in outcomes {
            let response = outcome.response.summary
            let seconds = outcome.gpuNodeSeconds
            var cells = [csvField(outcome.option.name), "\(outcome.arrived)", "\(outcome.served)", "\(outcome.timedOut)",
                         "\(outcome.timeoutShare)", "\(outcome.coldStartShare)",
                         "\(response.meanSeconds)", "\(response.p50Seconds)", "\(response.p90Seconds)", "\(response.p95Seconds)",
                         "\(response.p99Seconds)", "\(response.maxSeconds)", "\(outcome.wait.meanSeconds)", "\(seconds.total / 3600)"]
            cells += NodeState.allCases.map { "\(seconds[$0] / 3600)" }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
