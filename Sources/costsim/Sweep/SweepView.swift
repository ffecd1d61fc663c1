import Foundation
import Sweeps

/// Sweep results as a sorted table, CSV or JSON, with the Pareto frontier.
struct SweepView {
    let results: SweepResults
    let sort: SweepMetric
    let pareto: SweepMetric

    var sorted: [ConfigurationSummary] {
        results.summaries.sorted {
            ($0.interval(sort).mean, $0.cost.mean, $0.configuration) < ($1.interval(sort).mean, $1.cost.mean, $1.configuration)
        }
    }

    static func money(_ interval: ConfidenceInterval) -> String {
        let mean = "$" + Format.fixed(interval.mean, decimals: 2)
        return interval.halfWidth.isFinite ? mean + " ± " + Format.fixed(interval.halfWidth, decimals: 2) : mean
    }

    /// Mean, and the upper 95 % bound in brackets (what an SLO is checked against).
    static func latency(_ interval: ConfidenceInterval) -> String {
        let mean = Format.duration(interval.mean)
        return interval.halfWidth.isFinite ? "\(mean) (≤\(Format.duration(interval.upper)))" : mean
    }

    static func share(_ interval: ConfidenceInterval) -> String {
        let mean = Format.percent(interval.mean)
        return interval.halfWidth.isFinite ? "\(mean) (≤\(Format.percent(max(0, interval.upper))))" : mean
    }

    func table() -> String {
        let identity = results.identity
        var text = "Sweep of option '\(identity.optionName)' in scenario '\(identity.scenarioName)': "
        text += "\(results.summaries.count) of \(results.configurations.count) configurations × \(identity.replications) replications, seed \(identity.seed)"
        if results.shards != [.whole] { text += ", shards \(results.shards.map(\.description).joined(separator: ","))" }
        // A finished shard covers part of the grid; an interrupted run or a merge with shards missing is incomplete.
        if !results.complete {
            text += " (INCOMPLETE — \(results.coverage))\n"
        } else {
            text += results.coverage.isWholeGrid ? "\n" : " (\(results.coverage))\n"
        }
        text += "Monthly cost: mean ± 95% CI half-width; latencies and shares: mean (upper 95% bound). Sorted by \(sort.rawValue).\n\n"
        var table = TextTable([
            ("#", .right), ("configuration", .left), ("n", .right), ("monthly cost", .right), ("p50", .right),
            ("p95", .right), ("p99", .right), ("timeouts", .right), ("cold starts", .right),
        ])
        for summary in sorted {
            table.add([
                String(summary.configuration), summary.label, String(summary.replications), Self.money(summary.cost),
                Self.latency(summary.p50), Self.latency(summary.p95), Self.latency(summary.p99),
                Self.share(summary.timeoutShare), Self.share(summary.coldStartShare),
            ])
        }
        text += table.render() + "\n"
        let frontier = paretoFrontier(results.summaries, metric: pareto)
        text += "\nPareto frontier, monthly cost against \(pareto.rawValue) (no configuration is both cheaper and faster):\n"
        var front = TextTable([("#", .right), ("configuration", .left), ("monthly cost", .right), (pareto.rawValue, .right)])
        for summary in frontier {
            let metric = pareto == .timeouts ? Self.share(summary.timeoutShare) : Self.latency(summary.interval(pareto))
            front.add([String(summary.configuration), summary.label, Self.money(summary.cost), metric])
        }
        text += front.render() + "\n"
        return text
    }

    /// Every interval with its mean and both 95 % bounds (empty when there is a single replication).
    static let csvHeader = "configuration,label,replications,cost_mean_usd,cost_ci_low,cost_ci_high,p50_mean_s,p50_ci_low,p50_ci_high,"
        + "p95_mean_s,p95_ci_low,p95_ci_high,p99_mean_s,p99_ci_low,p99_ci_high,timeout_share_mean,timeout_share_ci_low,timeout_share_ci_high,"
        + "cold_start_share_mean,cold_start_share_ci_low,cold_start_share_ci_high,pareto"

    func csv() -> String {
        let frontier = Set(paretoFrontier(results.summaries, metric: pareto).map(\.configuration))
        func number(_ value: Double) -> String { value.isFinite ? String(value) : "" }
        func quoted(_ text: String) -> String { text.contains(",") || text.contains("\"") ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text }
        var lines = [Self.csvHeader]
        func interval(_ interval: ConfidenceInterval) -> [String] {
            interval.halfWidth.isFinite ? [number(interval.mean), number(interval.lower), number(interval.upper)] : [number(interval.mean), "", ""]
        }
        for s in sorted {
            let fields = [String(s.configuration), quoted(s.label), String(s.replications)]
                + [s.cost, s.p50, s.p95, s.p99, s.timeoutShare, s.coldStartShare].flatMap(interval)
                + [frontier.contains(s.configuration) ? "1" : "0"]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSONInterval: Encodable {
        var mean: Double
        var low: Double?
        var high: Double?
        init(_ interval: ConfidenceInterval) {
            mean = interval.mean
            low = interval.halfWidth.isFinite ? interval.lower : nil
            high = interval.halfWidth.isFinite ? interval.upper : nil
        }
    }

    struct JSONConfiguration: Encodable {
        var configuration: Int
        var label: String
        var parameters: [String: String]
        var replications: Int
        var monthlyCostUSD: JSONInterval
        var p50Seconds, p95Seconds, p99Seconds: JSONInterval
        var timeoutShare, coldStartShare: JSONInterval
        var pareto: Bool
    }

    struct JSONDocument: Encodable {
        var scenario: String
        var option: String
        var seed: UInt64
        var replications: Int
        var gridHash: String
        var complete: Bool
        /// "all 24 configurations", "partial: only shard 1/3; 8 of 24 configurations finished", …
        var coverage: String
        var configurationsInGrid: Int
        var sortedBy: String
        var configurations: [JSONConfiguration]
    }

    func json() throws -> String {
        let frontier = Set(paretoFrontier(results.summaries, metric: pareto).map(\.configuration))
        let identity = results.identity
        let document = JSONDocument(
            scenario: identity.scenarioName, option: identity.optionName, seed: identity.seed, replications: identity.replications,
            gridHash: identity.hash, complete: results.complete, coverage: results.coverage.description,
            configurationsInGrid: results.configurations.count, sortedBy: sort.rawValue,
            configurations: sorted.map { s in
                JSONConfiguration(
                    configuration: s.configuration, label: s.label,
                    parameters: Dictionary(uniqueKeysWithValues: s.settings.map { ($0.parameter.rawValue, $0.valueText) }),
                    replications: s.replications, monthlyCostUSD: JSONInterval(s.cost), p50Seconds: JSONInterval(s.p50),
                    p95Seconds: JSONInterval(s.p95), p99Seconds: JSONInterval(s.p99), timeoutShare: JSONInterval(s.timeoutShare),
                    coldStartShare: JSONInterval(s.coldStartShare), pareto: frontier.contains(s.configuration))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
