import Sweeps

/// A ``ScenarioDiff`` as a table, markdown (for a pull-request comment), JSON or CSV.
struct DiffView {
    let old: String
    let new: String
    let diff: ScenarioDiff
    let replications: Int

    func table(markdown: Bool) -> String {
        func signed(_ value: Double, _ format: (Double) -> String) -> String {
            (value >= 0 ? "+" : "−") + format(abs(value))
        }
        func delta(_ interval: ConfidenceInterval, _ format: @escaping (Double) -> String) -> String {
            let mean = signed(interval.mean, format)
            guard interval.halfWidth.isFinite else { return mean }
            let significant = interval.lower > 0 || interval.upper < 0
            return "\(mean) ± \(format(interval.halfWidth))" + (significant ? "" : " (not significant)")
        }
        let dollars = { (value: Double) in "$" + Format.fixed(value, decimals: 2) }
        let seconds = { (value: Double) in Format.duration(value) }
        let percent = { (value: Double) in Format.percent(value) }
        let headers = ["option", "monthly cost", "Δ cost", "p95", "Δ p95", "p99", "Δ p99", "timeouts", "Δ timeouts"]
        var rows: [[String]] = []
        for row in diff.rows {
            rows.append([
                row.optionName,
                "\(dollars(row.old.cost.mean)) → \(dollars(row.new.cost.mean))", delta(row.costDelta, dollars),
                "\(seconds(row.old.p95.mean)) → \(seconds(row.new.p95.mean))", delta(row.p95Delta, seconds),
                "\(seconds(row.old.p99.mean)) → \(seconds(row.new.p99.mean))", delta(row.p99Delta, seconds),
                "\(percent(row.old.timeoutShare.mean)) → \(percent(row.new.timeoutShare.mean))",
                delta(row.timeoutShareDelta, percent),
            ])
        }
        var text: String
        let note =
            "Paired over \(replications) replications with the same seeds; ± is the 95% confidence half-width of the "
                + "difference.\n"
        if markdown {
            text = "### costsim diff: `\(old)` → `\(new)`\n\n| " + headers.joined(separator: " | ") + " |\n|"
            text += headers.map { _ in "---" }.joined(separator: "|") + "|\n"
            for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
            text += "\n" + note
        } else {
            var table = TextTable(headers.enumerated().map { ($1, $0 == 0 ? .left : .right) })
            for row in rows { table.add(row) }
            text = "\(old) → \(new)\n" + table.render() + "\n" + note
        }
        if !diff.onlyOld.isEmpty { text += "Only in \(old): \(diff.onlyOld.joined(separator: ", "))\n" }
        if !diff.onlyNew.isEmpty { text += "Only in \(new): \(diff.onlyNew.joined(separator: ", "))\n" }
        return text
    }

    /// The change from old to new: paired differences with their 95 % intervals.
    struct Change: Encodable {
        var monthlyCost: SummaryJSON.MoneyInterval
        var responseSeconds: [String: SummaryJSON.NumberInterval]
        var timeoutShare: SummaryJSON.NumberInterval

        init(_ row: ScenarioDiff.Row) {
            monthlyCost = .init(row.costDelta, difference: true)
            responseSeconds = [
                "p95": .init(row.p95Delta, difference: true), "p99": .init(row.p99Delta, difference: true),
            ]
            timeoutShare = .init(row.timeoutShareDelta, difference: true)
        }
    }

    struct Option: Encodable {
        var name: String
        var old, new: SummaryJSON
        var change: Change
    }

    struct Document: Encodable {
        var schemaVersion = JSONOutput.schemaVersion
        var old, new: String
        var replications: Int
        var options: [Option]
        var onlyInOld, onlyInNew: [String]
    }

    func json() throws -> String {
        try JSONOutput.text(Document(
            old: old, new: new, replications: replications,
            options: diff.rows.map {
                Option(name: $0.optionName, old: SummaryJSON($0.old, configuration: false),
                       new: SummaryJSON($0.new, configuration: false), change: Change($0))
            },
            onlyInOld: diff.onlyOld, onlyInNew: diff.onlyNew))
    }

    /// One row per option: old and new means, then each change with its bounds and significance.
    func csv() -> String {
        let metrics = ["monthlyCost", "responseP95Seconds", "responseP99Seconds", "timeoutShare"].map(
            \.capitalizedFirst)
        var header = ["option"]
        for metric in metrics { header += ["old" + metric, "new" + metric] }
        for metric in metrics { header += ["", "Low", "High", "Significant"].map { "change" + metric + $0 } }
        func bounded(_ interval: ConfidenceInterval) -> [String] {
            let change = SummaryJSON.NumberInterval(interval, difference: true)
            let low: String = change.low.map(CSVText.number) ?? ""
            let high: String = change.high.map(CSVText.number) ?? ""
            return [CSVText.number(change.mean), low, high, change.significant == true ? "1" : "0"]
        }
        let rows: [[String]] = diff.rows.map { row in
            var fields: [String] = [CSVText.field(row.optionName)]
            fields += [row.old.cost, row.new.cost].map { SummaryJSON.MoneyInterval($0).mean ?? "" }
            let means: [ConfidenceInterval] = [
                row.old.p95, row.new.p95, row.old.p99, row.new.p99, row.old.timeoutShare, row.new.timeoutShare,
            ]
            fields += means.map { CSVText.number($0.mean) }
            let cost = SummaryJSON.MoneyInterval(row.costDelta, difference: true)
            fields += [cost.mean ?? "", cost.low ?? "", cost.high ?? "", cost.significant == true ? "1" : "0"]
            for change in [row.p95Delta, row.p99Delta, row.timeoutShareDelta] { fields += bounded(change) }
            return fields
        }
        return CSVText.document(header: header, rows: rows)
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
