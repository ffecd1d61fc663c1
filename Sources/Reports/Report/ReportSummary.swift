import Analysis

/// The plain-words answer on page 1: the verdict, the headline tiles and sentences built from
/// the headline numbers, and the figures table beside them. The PDF and the HTML report share it.
public struct ReportSummary: Sendable {
    public var figures: [OptionFigures]
    public var verdict: Verdict
    public var sentences: [String]

    public init(_ input: ReportInput) {
        figures = input.figures
        verdict = input.verdict
        var sentences: [String] = []
        if input.results.isEmpty {
            sentences.append("No simulation results were given, so there is nothing to compare.")
        }
        for option in figures {
            if option.arrived == 0 {
                sentences.append("With \(option.name), no requests arrived during the simulated period.")
                continue
            }
            if option.waitedForColdStart > 0 {
                let share = Double(option.waitedForColdStart) / Double(option.arrived)
                let wait = option.coldStartWait
                let who =
                    share >= 0.2
                    ? "\(NumberFormat.percent(share)) of requests arrive while no GPU is ready and wait"
                    : "\(OptionFigures.oneIn(option.waitedForColdStart, of: option.arrived)) requests "
                        + "(\(NumberFormat.percent(share))) arrives while no GPU is ready and waits"
                sentences.append(
                    "With \(option.name), \(who) for one to start: \(NumberFormat.duration(wait.p50Seconds)) "
                        + "typically, \(NumberFormat.duration(wait.p95Seconds)) for the slowest 5% of those, "
                        + "\(NumberFormat.duration(wait.maxSeconds)) at worst."
                )
            }
        }
        let served = figures.filter { $0.arrived > 0 }
        let measured95 = served.filter { !$0.isCapped($0.response.p95Seconds) }
        let capped95 = served.filter { $0.isCapped($0.response.p95Seconds) }
        if !measured95.isEmpty {
            let parts = measured95.map { "\(NumberFormat.duration($0.response.p95Seconds)) with \($0.name)" }
            let typical = measured95.filter { !$0.isCapped($0.response.p50Seconds) }.map {
                "\(NumberFormat.duration($0.response.p50Seconds)) with \($0.name)"
            }
            sentences.append(
                "95% of requests get their answer within " + NumberFormat.list(parts)
                    + (typical.isEmpty ? "." : "; half within " + NumberFormat.list(typical) + "."))
        }
        for option in capped95 {
            sentences.append(
                "With \(option.name), more than 5% of requests get no answer within the "
                    + "\(NumberFormat.duration(option.clientTimeoutSeconds)) client timeout"
                    + (option.isCapped(option.response.p50Seconds)
                        ? ", and half of them wait that long."
                        : "; half get theirs within \(NumberFormat.duration(option.response.p50Seconds))."))
        }
        for option in served {
            if option.rejected > 0 {
                sentences.append(
                    "With \(option.name), the platform rejected \(NumberFormat.count(option.rejected)) of "
                        + "\(NumberFormat.count(option.arrived)) requests "
                        + "(\(NumberFormat.percent(option.rejectedShare))) with an error; they count as failed, like "
                        + "a timeout.")
            }
            if option.timedOut > option.rejected {
                let timedOut = option.timedOut - option.rejected
                sentences.append(
                    "With \(option.name), \(NumberFormat.count(timedOut)) of "
                        + "\(NumberFormat.count(option.arrived)) requests "
                        + "(\(NumberFormat.percent(Double(timedOut) / Double(option.arrived)))) gave up at the "
                        + "\(NumberFormat.duration(option.clientTimeoutSeconds)) client timeout."
                )
            }
        }
        if !served.isEmpty, served.allSatisfy({ $0.timedOut == 0 }) {
            sentences.append(
                "No request timed out (client timeout \(NumberFormat.duration(served[0].clientTimeoutSeconds))).")
        }
        self.sentences = sentences.map(NumberFormat.capitalizedFirst)
        keyFigures = ReportSummary.keyFigures(verdict)
    }

    /// Up to three big numbers for the top of page 1, about the recommended option (or, when no
    /// option meets the objectives, the closest and what it misses).
    public var keyFigures: [KeyFigure]

    static func keyFigures(_ verdict: Verdict) -> [KeyFigure] {
        guard let chosen = verdict.recommended else {
            guard let closest = verdict.closest else { return [] }
            var tiles = [KeyFigure(value: "None", caption: "of the options meets every objective")]
            if let dollars = closest.figures.monthlyDollars {
                tiles.append(
                    KeyFigure(
                        value: NumberFormat.dollars(dollars),
                        caption: "a month with \(closest.figures.name), the closest"))
            }
            if let breach = closest.breaches.first {
                tiles.append(
                    KeyFigure(
                        value: value(of: breach, closest.figures),
                        caption: "\(breach.objective.metric.label) with \(closest.figures.name) "
                            + "(objective \(breach.objective.bound))"))
            }
            return tiles
        }
        let figures = chosen.figures
        var tiles: [KeyFigure] = []
        if let dollars = figures.monthlyDollars {
            tiles.append(
                KeyFigure(
                    value: NumberFormat.dollars(dollars),
                    caption: "a month with \(figures.name), the cheapest option meeting every objective"))
        }
        if let baseline = verdict.baseline, baseline.figures.name != figures.name,
            let mine = figures.monthlyDollars, let theirs = baseline.figures.monthlyDollars, theirs > 0, mine > 0
        {
            let difference = mine - theirs
            tiles.append(
                KeyFigure(
                    value: CostPhrase.compare(option: mine, baseline: theirs),
                    caption: "than \(baseline.figures.name) (\(NumberFormat.dollars(theirs))): "
                        + "\(NumberFormat.dollars(Swift.abs(difference))) a month \(difference <= 0 ? "less" : "more")")
            )
        }
        if figures.arrived > 0 {
            tiles.append(
                KeyFigure(
                    value: figures.responseText(figures.response.p95Seconds),
                    caption: "95% of \(figures.name)'s requests answered within; "
                        + "\(NumberFormat.percent(figures.timedOutShare)) \(figures.failedLabel)"
                        + figures.rejectedNote))
        }
        return Array(tiles.prefix(3))
    }

    /// The side-by-side table's header (page 1 and the HTML report).
    public var tableHeader: [String] {
        let baseline = verdict.baseline?.figures.name ?? "baseline"
        return [
            "Option", "Cost per month", "vs \(baseline)", "Response p50", "p95", "p99",
            verdict.assessments.contains { $0.figures.rejected > 0 } ? "Timed out or rejected" : "Timed out",
            "Waited for a cold start", "Objectives",
        ]
    }

    /// One row per option: cost, cost against the baseline, response percentiles, timed-out and
    /// cold-start shares (with counts), and whether it meets every objective (✓) or what it breaks (✗).
    public var tableRows: [[String]] {
        let baselineDollars = verdict.baseline?.figures.monthlyDollars
        return verdict.assessments.map { assessment in
            let f = assessment.figures
            let versus: String
            if f.name == verdict.baseline?.figures.name {
                versus = "baseline"
            } else if let mine = f.monthlyDollars, let theirs = baselineDollars, theirs > 0 {
                versus = CostPhrase.compare(option: mine, baseline: theirs)
            } else {
                versus = "–"
            }
            let served = f.arrived > 0
            return [
                f.name,
                f.monthlyDollars.map(NumberFormat.dollars) ?? "–",
                versus,
                served ? f.responseText(f.response.p50Seconds) : "–",
                served ? f.responseText(f.response.p95Seconds) : "–",
                served ? f.responseText(f.response.p99Seconds) : "–",
                served
                    ? "\(NumberFormat.percent(f.timedOutShare)) (\(NumberFormat.count(f.timedOut))"
                        + (f.rejected > 0 ? ", \(NumberFormat.count(f.rejected)) rejected)" : ")")
                    : "–",
                served
                    ? "\(NumberFormat.percent(f.coldStartShare)) (\(NumberFormat.count(f.waitedForColdStart)))" : "–",
                assessment.meetsObjectives ? "✓ all met" : assessment.mark,
            ]
        }
    }

    /// A breached value as a tile shows it: "11.6%", "≥ 60 s".
    static func value(of breach: Verdict.Breach, _ figures: OptionFigures) -> String {
        breach.objective.metric.isLatency ? figures.responseText(breach.value) : NumberFormat.percent(breach.value)
    }
}
