import Foundation
import Sweeps

/// Sweep results as a sorted table, CSV or JSON, with the Pareto frontier.
struct SweepView {
    let results: SweepResults
    let sort: SweepMetric
    let pareto: SweepMetric

    var sorted: [ConfigurationSummary] {
        results.summaries.sorted {
            ($0.interval(sort).mean, $0.cost.mean, $0.configuration) < (
                $1.interval(sort).mean, $1.cost.mean, $1.configuration
            )
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
        text +=
            "\(results.summaries.count) of \(results.configurations.count) configurations × \(identity.replications) "
                + "replications, seed \(identity.seed)"
        if results.shards != [.whole] { text += ", shards \(results.shards.map(\.description).joined(separator: ","))" }
        // A finished shard covers part of the grid; an interrupted run or a merge with shards missing is incomplete.
        if !results.complete {
            text += " (INCOMPLETE — \(results.coverage))\n"
        } else {
            text += results.coverage.isWholeGrid ? "\n" : " (\(results.coverage))\n"
        }
        text +=
            "Monthly cost: mean ± 95% CI half-width; latencies and shares: mean (upper 95% bound). Sorted by "
                + "\(sort.rawValue).\n\n"
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
        text +=
            "\nPareto frontier, monthly cost against \(pareto.rawValue) (no configuration is both cheaper and "
                + "faster):\n"
        var front = TextTable([
            ("#", .right), ("configuration", .left), ("monthly cost", .right), (pareto.rawValue, .right),
        ])
        for summary in frontier {
            let metric = pareto == .timeouts ? Self.share(summary.timeoutShare) : Self.latency(summary.interval(pareto))
            front.add([String(summary.configuration), summary.label, Self.money(summary.cost), metric])
        }
        text += front.render() + "\n"
        return text
    }

    /// Every interval as mean, low and high (bounds empty with a single replication); names as
    /// in the JSON (docs/json.md).
    static let csvHeader = ["configuration", "label", "replications"]
        + [
            "monthlyCost", "responseP50Seconds", "responseP95Seconds", "responseP99Seconds", "timeoutShare",
            "coldStartShare",
        ]
            .flatMap { [$0, $0 + "Low", $0 + "High"] }

    /// The fields of ``csvHeader`` for one configuration.
    static func csvFields(_ s: ConfigurationSummary) -> [String] {
        let money = SummaryJSON.MoneyInterval(s.cost)
        let numbers = [s.p50, s.p95, s.p99, s.timeoutShare, s.coldStartShare].map { SummaryJSON.NumberInterval($0) }
        return [String(s.configuration), CSVText.field(s.label), String(s.replications)]
            + [money.mean, money.low, money.high].map { $0 ?? "" }
            + numbers.flatMap {
                [CSVText.number($0.mean), $0.low.map(CSVText.number) ?? "", $0.high.map(CSVText.number) ?? ""]
            }
    }

    func csv() -> String {
        let frontier = Set(paretoFrontier(results.summaries, metric: pareto).map(\.configuration))
        let rows = sorted.map { Self.csvFields($0) + [frontier.contains($0.configuration) ? "1" : "0"] }
        return CSVText.document(header: Self.csvHeader + ["pareto"], rows: rows)
    }

    struct JSONDocument: Encodable {
        var schemaVersion = JSONOutput.schemaVersion
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
        var paretoMetric: String
        var configurations: [SummaryJSON]
    }

    func json() throws -> String {
        let frontier = Set(paretoFrontier(results.summaries, metric: pareto).map(\.configuration))
        let identity = results.identity
        return try JSONOutput.text(JSONDocument(
            scenario: identity.scenarioName, option: identity.optionName, seed: identity.seed,
            replications: identity.replications,
            gridHash: identity.hash, complete: results.complete, coverage: results.coverage.description,
            configurationsInGrid: results.configurations.count, sortedBy: sort.rawValue, paretoMetric: pareto.rawValue,
            configurations: sorted.map { SummaryJSON($0, pareto: frontier.contains($0.configuration)) }))
    }
}
