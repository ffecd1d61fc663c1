import Simulator

/// The verdict in words, for page 1, the HTML report, `costsim run` and JSON. Rounding happens
/// only here (whole dollars from $100, percentages as ``NumberFormat/percent(_:)``).
extension Verdict {
    /// One sentence: which option to run, its monthly cost and its saving against the baseline,
    /// or that none meets the objectives and which comes closest.
    public var sentence: String {
        let objectiveList = objectives.isEmpty ? "" : " (" + NumberFormat.list(objectives.map { label($0) }) + ")"
        guard let recommended else {
            guard let closest else { return "No option was simulated." }
            return "No option meets every objective\(objectiveList). Closest: \(closest.figures.name)"
                + "\(Self.costInParentheses(closest.figures)), which misses: "
                + NumberFormat.list(closest.breaches.map { Self.phrase($0, closest.figures) }) + "."
        }
        let name = recommended.figures.name
        let cost = Self.cost(recommended.figures)
        guard let baseline, baseline.figures.name != name else {
            if assessments.count == 1 { return "\(name): \(cost) a month; it meets every objective\(objectiveList)." }
            let cheaper = assessments.contains {
                ($0.figures.monthlyDollars ?? .infinity) < (recommended.figures.monthlyDollars ?? .infinity)
            }
            return cheaper
                ? "Keep \(name): \(cost) a month; no cheaper option meets every objective\(objectiveList)."
                : "Keep \(name): \(cost) a month, the cheapest option, and it meets every objective\(objectiveList)."
        }
        var text = "Run \(name): \(cost) a month"
        if let mine = recommended.figures.monthlyDollars, let theirs = baseline.figures.monthlyDollars, theirs > 0 {
            let phrase = CostPhrase.compare(option: mine, baseline: theirs)
            let against = phrase == "about the same" ? "about the same as" : phrase + " than"
            text += ", \(against) \(baseline.figures.name) (\(Self.cost(baseline.figures)))"
            if mine > theirs && !baseline.meetsObjectives {
                return text + ", which does not meet every objective\(objectiveList)."
            }
        }
        return text + ", and it meets every objective\(objectiveList)."
    }

    /// For each option cheaper than the recommended one (every other option when none meets):
    /// "scale-to-zero: $284 a month, but 11.6% of requests time out (objective ≤ 1%)."
    public var breachSentences: [String] {
        cheaperBreaking.map { option in
            "\(option.figures.name): \(Self.cost(option.figures)) a month, but "
                + NumberFormat.list(option.breaches.map { Self.phrase($0, option.figures) }) + "."
        }
    }

    /// Which objectives were judged and where they come from; with the default, how to set one.
    public var objectivesNote: String {
        let list = NumberFormat.list(objectives.map { label($0) })
        guard usesDefault else { return "Objectives: \(list)." }
        let baselineName = baseline?.figures.name ?? "the baseline"
        return "Objective: \(list), costsim's default (no more timeouts than \(baselineName) plus one percentage "
            + "point). State your own with objectives: in the scenario, or --slo and --timeouts."
    }

    /// What breaking `breach` means for the users of `figures`.
    static func phrase(_ breach: Breach, _ figures: OptionFigures) -> String {
        let objective = "(objective \(breach.objective.bound))"
        switch breach.objective.metric {
        case .timedOut:
            return "\(NumberFormat.percent(breach.value)) of requests "
                + (figures.rejected > 0 ? "time out or are rejected\(figures.rejectedNote) " : "time out ") + objective
        case .coldStartHit:
            return "\(NumberFormat.percent(breach.value)) of requests wait for a cold start \(objective)"
        case .p50, .p95, .p99:
            let metric = breach.objective.metric.rawValue
            if figures.isCapped(breach.value) {
                return
                    "\(metric) is at least the \(NumberFormat.duration(figures.clientTimeoutSeconds)) client timeout "
                    + objective
            }
            return "\(metric) is \(NumberFormat.duration(breach.value)) \(objective)"
        }
    }

    private func label(_ objective: Objective) -> String { "\(objective.metric.label) \(objective.bound)" }

    static func cost(_ figures: OptionFigures) -> String {
        figures.monthlyDollars.map(NumberFormat.dollars) ?? "no price"
    }

    static func costInParentheses(_ figures: OptionFigures) -> String {
        figures.monthlyDollars.map { " (\(NumberFormat.dollars($0)) a month)" } ?? ""
    }
}
