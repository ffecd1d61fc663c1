import Scenarios
import Simulator
import Sweeps

/// The answer of `recommend` as a table, JSON or CSV.
struct RecommendView {
    let objectives: [Objective]
    let replications: Int
    /// The configurations with every replication (the candidates).
    let summaries: [ConfigurationSummary]
    /// Empty for the whole grid, else what part of it the results cover.
    let coverage: String?
    let recommendation: Recommendation
    /// The break-even curve against the dedicated option (with --break-even).
    let curve: BreakEven?

    /// With no configuration meeting the objectives: the one closest on the first.
    var closest: ConfigurationSummary? {
        guard recommendation.best == nil, let metric = objectives.first.map({ SweepMetric($0.metric) }) else {
            return nil
        }
        return summaries.min {
            ($0.interval(metric).upper, $0.configuration) < ($1.interval(metric).upper, $1.configuration)
        }
    }

    var objective: String { objectives.map(\.description).joined(separator: " and ") }

    func table() -> String {
        var text = "Objective: \(objective), met with 95% confidence (upper CI bound), "
        text += "\(replications) replications, \(summaries.count) configurations"
        if let coverage { text += " (\(coverage))" }
        text += "\n\n"
        guard let best = recommendation.best else {
            text += "No configuration meets the objective with 95% confidence.\n"
            if let closest {
                text +=
                    "Closest on \(objectives[0].metric.label): #\(closest.configuration) \(closest.label): "
                        + "\(describe(closest))\n"
                let missed = objectives.filter { !$0.isMet(by: closest) }
                text += "  It misses \(missed.map { "\($0)" }.joined(separator: " and ")) with 95% confidence.\n"
            }
            return text
        }
        text += "Recommended: #\(best.configuration) \(best.label)\n  \(describe(best))\n"
        if let runnerUp = recommendation.runnerUp {
            let extra = runnerUp.cost.mean - best.cost.mean
            text +=
                "Runner-up:   #\(runnerUp.configuration) \(runnerUp.label)\n  \(describe(runnerUp)); "
                    + "+$\(Format.fixed(extra, decimals: 2))/month\n"
        } else {
            text += "Runner-up:   none (only one configuration meets the objective)\n"
        }
        text += "\(recommendation.qualifying) of \(summaries.count) configurations meet the objective.\n"
        if recommendation.tightening.isEmpty {
            text +=
                "Tightening \(objectives[0].metric.label): no configuration in the grid does better than the "
                    + "recommended one.\n"
        } else {
            text += "To tighten the objective:\n"
            for (objective, summary) in recommendation.tightening {
                text +=
                    "  \(objective.description): "
                        + "+$\(Format.fixed(summary.cost.mean - best.cost.mean, decimals: 2))/month "
                        + "(#\(summary.configuration) \(summary.label))\n"
            }
        }
        if let curve {
            text +=
                "\nBreak-even against the dedicated option (traffic scaled from the scenario's volume; mean "
                    + "monthly cost):\n"
            var table = TextTable([("traffic", .right), ("work/day", .right), ("dedicated", .right), ("p95", .right),
                                   ("recommended", .right), ("p95", .right)])
            for point in curve.points {
                table.add([
                    "×\(ParameterValue.format(point.scale))", Format.fixed(point.volume, decimals: 0),
                    "$" + Format.fixed(point.dedicatedDollars, decimals: 2), Format.duration(point.dedicatedP95Seconds),
                    "$" + Format.fixed(point.sweptDollars, decimals: 2), Format.duration(point.sweptP95Seconds),
                ])
            }
            text += table.render() + "\n"
            text +=
                "Costs only: a side whose p95 reaches the client timeout is overloaded at that volume (add dedicated "
                    + "nodes: dedicated.nodes).\n"
            if curve.crossovers.isEmpty {
                text += "No break-even in this range.\n"
            } else {
                for crossover in curve.crossovers {
                    text += "Break-even at about \(Format.fixed(crossover.volume, decimals: 0)) work units/day "
                    text += "(\(Format.fixed(crossover.volume / 60, decimals: 0)) minutes of audio/day for TTS): "
                    text +=
                        crossover.dedicatedCheaperAbove
                        ? "dedicated is cheaper above it.\n" : "dedicated is cheaper below it.\n"
                }
            }
        }
        return text
    }

    private func describe(_ summary: ConfigurationSummary) -> String {
        var parts = ["\(SweepView.money(summary.cost))/month"]
        for objective in objectives {
            let interval = summary.interval(SweepMetric(objective.metric))
            let label = objective.metric.label
            if objective.metric.isLatency {
                parts.append(
                    "\(label) \(Format.duration(interval.mean)) (95% CI up to \(Format.duration(interval.upper)))")
            } else {
                parts.append(
                    "\(label) \(Format.percent(interval.mean)) (95% CI up to \(Format.percent(interval.upper)))")
            }
        }
        return parts.joined(separator: ", ")
    }

    // MARK: JSON and CSV

    struct Tightening: Encodable {
        var objective: String
        var extraMonthlyCost: String?
        var configuration: SummaryJSON
    }

    struct BreakEvenPoint: Encodable {
        var trafficScale, workPerDay: Double
        var dedicatedMonthlyCost, recommendedMonthlyCost: String?
        var dedicatedP95Seconds, recommendedP95Seconds: Double?
    }

    struct Crossover: Encodable {
        var workPerDay: Double
        var dedicatedCheaperAbove: Bool
    }

    struct BreakEvenJSON: Encodable {
        var points: [BreakEvenPoint]
        var crossovers: [Crossover]
    }

    struct Document: Encodable {
        var schemaVersion = JSONOutput.schemaVersion
        var objectives: [String]
        var replications: Int
        var configurations: Int
        var coverage: String?
        var qualifying: Int
        var recommended, runnerUp, closest: SummaryJSON?
        var missedObjectives: [String]?
        var tightening: [Tightening]
        var breakEven: BreakEvenJSON?
    }

    func json() throws -> String {
        let best = recommendation.best
        let closest = self.closest
        func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
        return try JSONOutput.text(Document(
            objectives: objectives.map(\.description), replications: replications, configurations: summaries.count,
            coverage: coverage, qualifying: recommendation.qualifying,
            recommended: best.map { SummaryJSON($0) }, runnerUp: recommendation.runnerUp.map { SummaryJSON($0) },
            closest: closest.map { SummaryJSON($0) },
                missedObjectives: closest.map { closest in
                    objectives.filter { !$0.isMet(by: closest) }.map(\.description)
                },
            tightening: recommendation.tightening.map { objective, summary in
                Tightening(
                    objective: objective.description,
                    extraMonthlyCost: best.flatMap { MoneyText.cents(dollars: summary.cost.mean - $0.cost.mean) },
                    configuration: SummaryJSON(summary))
            },
            breakEven: curve.map { curve in
                BreakEvenJSON(
                    points: curve.points.map {
                        BreakEvenPoint(
                            trafficScale: $0.scale, workPerDay: $0.volume,
                            dedicatedMonthlyCost: MoneyText.cents(dollars: $0.dedicatedDollars),
                            recommendedMonthlyCost: MoneyText.cents(dollars: $0.sweptDollars),
                            dedicatedP95Seconds: finite($0.dedicatedP95Seconds),
                            recommendedP95Seconds: finite($0.sweptP95Seconds))
                    },
                    crossovers: curve.crossovers.map {
                        Crossover(workPerDay: $0.volume, dedicatedCheaperAbove: $0.dedicatedCheaperAbove)
                    })
            }))
    }

    /// One row per configuration named in the answer, its `role` first (recommended, runnerUp,
    /// tightening with the tighter objective, or closest), then the columns of the sweep's CSV.
    func csv() -> String {
        var rows: [[String]] = []
        if let best = recommendation.best { rows.append(["recommended", ""] + SweepView.csvFields(best)) }
        if let runnerUp = recommendation.runnerUp { rows.append(["runnerUp", ""] + SweepView.csvFields(runnerUp)) }
        for (objective, summary) in recommendation.tightening {
            rows.append(["tightening", CSVText.field(objective.description)] + SweepView.csvFields(summary))
        }
        if let closest { rows.append(["closest", ""] + SweepView.csvFields(closest)) }
        return CSVText.document(header: ["role", "objective"] + SweepView.csvHeader, rows: rows)
    }
}
