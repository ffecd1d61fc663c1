/// The plain-words answer on page 1: sentences built from the headline numbers, and the
/// figures table beside them.
public struct ReportSummary: Sendable {
    public var figures: [OptionFigures]
    public var sentences: [String]

    public init(_ input: ReportInput) {
        figures = input.results.map { result in
            OptionFigures(result: result, monthlyDollars: input.costs.first { $0.optionName == result.option.name }?.totalDollars)
        }
        var sentences: [String] = []
        if input.results.isEmpty {
            sentences.append("No simulation results were given, so there is nothing to compare.")
        }
        if let costSentence = ReportSummary.costSentence(input) { sentences.append(costSentence) }
        for option in figures {
            if option.arrived == 0 {
                sentences.append("With \(option.name), no requests arrived during the simulated period.")
                continue
            }
            if option.waitedForColdStart > 0 {
                let share = Double(option.waitedForColdStart) / Double(option.arrived)
                let wait = option.coldStartWait
                let who = share >= 0.2 ? "\(NumberFormat.percent(share)) of requests arrive while no GPU is ready and wait"
                    : "\(OptionFigures.oneIn(option.waitedForColdStart, of: option.arrived)) requests (\(NumberFormat.percent(share))) arrives while no GPU is ready and waits"
                sentences.append(
                    "With \(option.name), \(who) for one to start: \(NumberFormat.duration(wait.p50Seconds)) typically, "
                    + "\(NumberFormat.duration(wait.p95Seconds)) for the slowest 5% of those, \(NumberFormat.duration(wait.maxSeconds)) at worst.")
            }
        }
        let served = figures.filter { $0.arrived > 0 }
        let measured95 = served.filter { !$0.isCapped($0.response.p95Seconds) }
        let capped95 = served.filter { $0.isCapped($0.response.p95Seconds) }
        if !measured95.isEmpty {
            let parts = measured95.map { "\(NumberFormat.duration($0.response.p95Seconds)) with \($0.name)" }
            let typical = measured95.filter { !$0.isCapped($0.response.p50Seconds) }.map { "\(NumberFormat.duration($0.response.p50Seconds)) with \($0.name)" }
            sentences.append("95% of requests get their answer within " + ReportSummary.list(parts)
                             + (typical.isEmpty ? "." : "; half within " + ReportSummary.list(typical) + "."))
        }
        for option in capped95 {
            sentences.append("With \(option.name), more than 5% of requests get no answer within the \(NumberFormat.duration(option.clientTimeoutSeconds)) client timeout"
                             + (option.isCapped(option.response.p50Seconds) ? ", and half of them wait that long." : "; half get theirs within \(NumberFormat.duration(option.response.p50Seconds))."))
        }
        for option in served {
            if option.timedOut > 0 {
                sentences.append(
                    "With \(option.name), \(NumberFormat.count(option.timedOut)) of \(NumberFormat.count(option.arrived)) requests "
                    + "(\(NumberFormat.percent(Double(option.timedOut) / Double(option.arrived)))) gave up at the \(NumberFormat.duration(option.clientTimeoutSeconds)) client timeout.")
            }
        }
        if !served.isEmpty, served.allSatisfy({ $0.timedOut == 0 }) {
            sentences.append("No request timed out (client timeout \(NumberFormat.duration(served[0].clientTimeoutSeconds))).")
        }
        self.sentences = sentences.map(NumberFormat.capitalizedFirst)
        keyFigures = ReportSummary.keyFigures(input, figures: figures)
    }

    /// Up to three big numbers for the top of page 1.
    public var keyFigures: [KeyFigure]

    static func keyFigures(_ input: ReportInput, figures: [OptionFigures]) -> [KeyFigure] {
        var tiles: [KeyFigure] = []
        let costs = input.costs
        if costs.count >= 2,
           let baseline = input.baselineOptionName.flatMap({ name in costs.first { $0.optionName == name } })
            ?? costs.max(by: { $0.totalDollars < $1.totalDollars }),
           let other = costs.filter({ $0.optionName != baseline.optionName }).min(by: { $0.totalDollars < $1.totalDollars }) {
            tiles.append(KeyFigure(value: "$\(NumberFormat.fixed(other.totalDollars, decimals: 0)) vs $\(NumberFormat.fixed(baseline.totalDollars, decimals: 0))",
                                   caption: "per month: \(other.optionName) vs \(baseline.optionName)"))
            if other.totalDollars > 0 {
                let phrase = CostPhrase.compare(option: other.totalDollars, baseline: baseline.totalDollars)
                let difference = other.totalDollars - baseline.totalDollars
                let caption = "\(NumberFormat.dollars(Swift.abs(difference))) a month \(difference <= 0 ? "less" : "more") with \(other.optionName)"
                tiles.append(KeyFigure(value: phrase, caption: caption))
            }
        } else if let only = costs.first {
            tiles.append(KeyFigure(value: NumberFormat.dollars(only.totalDollars), caption: "per month: \(only.optionName)"))
        }
        if let cold = figures.filter({ $0.waitedForColdStart > 0 }).max(by: { $0.waitedForColdStart * $1.arrived < $1.waitedForColdStart * $0.arrived }) {
            let value = OptionFigures.oneIn(cold.waitedForColdStart, of: cold.arrived)
            tiles.append(KeyFigure(value: value,
                                   caption: (value.hasSuffix("%") ? "of requests wait" : "requests wait") + " for a GPU to start (\(cold.name)), \(NumberFormat.duration(cold.coldStartWait.p50Seconds)) typically"))
        } else if let first = figures.first(where: { $0.arrived > 0 }) {
            tiles.append(KeyFigure(value: first.responseText(first.response.p95Seconds),
                                   caption: "95% of requests answered within (\(first.name))"))
        }
        return Array(tiles.prefix(3))
    }


    static func costSentence(_ input: ReportInput) -> String? {
        let costs = input.costs
        guard !costs.isEmpty else { return nil }
        if costs.count == 1 { return "\(costs[0].optionName) costs \(NumberFormat.dollars(costs[0].totalDollars)) per month." }
        guard let baseline = input.baselineOptionName.flatMap({ name in costs.first { $0.optionName == name } })
            ?? costs.max(by: { $0.totalDollars < $1.totalDollars }),
              let other = costs.filter({ $0.optionName != baseline.optionName }).min(by: { $0.totalDollars < $1.totalDollars })
        else { return nil }
        var sentence = "\(other.optionName) costs \(NumberFormat.dollars(other.totalDollars))/month vs \(NumberFormat.dollars(baseline.totalDollars)) for \(baseline.optionName)"
        if other.totalDollars <= 0 {
            sentence += "."
        } else {
            let phrase = CostPhrase.compare(option: other.totalDollars, baseline: baseline.totalDollars)
            if CostPhrase.isCheaper(option: other.totalDollars, baseline: baseline.totalDollars) {
                sentence += " (\(phrase), \(NumberFormat.dollars(baseline.totalDollars - other.totalDollars)) a month less)."
            } else {
                sentence += " (\(phrase))."
            }
        }
        return sentence
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
