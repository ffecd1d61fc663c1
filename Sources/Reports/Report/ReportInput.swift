import Analysis
import CostModel
import Simulator

/// Everything a report shows: the simulated runs, what each option costs, the assumptions
/// behind them, and optional extra studies. Reports only read this; they never simulate.
public struct ReportInput: Sendable {
    /// Report title (page 1 and the PDF metadata).
    public var title: String
    /// Scenario name, shown under the title and in every page footer.
    public var scenarioName: String
    /// One simulation result per deployment option (the first replication is enough).
    public var results: [SimulationResult]
    /// Monthly cost per option, matched to `results` by option name.
    public var costs: [OptionCost]
    /// The option savings are measured against (e.g. "dedicated"); `nil`: the first.
    public var baselineOptionName: String?
    /// What the users need; the verdict recommends the cheapest option meeting all of them
    /// (empty: ``Verdict/defaultObjectives(baseline:)``).
    public var objectives: [Objective]
    /// Headline figures per option for page 1 and the verdict: pooled over every replication when
    /// the caller sets them (``OptionFigures/init(outcome:)``); otherwise from `results` and `costs`.
    public var figures: [OptionFigures] {
        get {
            pooledFigures
                ?? results.map { result in
                    OptionFigures(
                        result: result,
                        monthlyDollars: costs.first { $0.optionName == result.option.name }?.totalDollars)
                }
        }
        set { pooledFigures = newValue }
    }
    private var pooledFigures: [OptionFigures]?
    /// Rows of the assumptions table (scenario settings, prices with dates and sources).
    public var assumptions: [AssumptionRow]
    /// Extra plain sentences for page 1, after the computed ones.
    public var findings: [String]
    /// Cost against traffic volume, for the break-even chart (omitted when `nil`).
    public var breakEven: BreakEvenSeries?
    /// Sweep results for the Pareto chart (omitted when empty).
    public var pareto: [ParetoPoint]
    /// Day of the timeline charts, 0-based; `nil`: each option's busiest day.
    public var timelineDay: Int?

    public init(
        title: String = "Scale-to-zero GPU inference: what it costs and how long users wait", scenarioName: String,
        results: [SimulationResult], costs: [OptionCost] = [], baselineOptionName: String? = nil,
        assumptions: [AssumptionRow] = [], findings: [String] = [], breakEven: BreakEvenSeries? = nil,
        pareto: [ParetoPoint] = [], timelineDay: Int? = nil
    ) {
        self.title = title
        self.scenarioName = scenarioName
        self.results = results
        self.costs = costs
        self.baselineOptionName = baselineOptionName
        objectives = []
        self.assumptions = assumptions
        self.findings = findings
        self.breakEven = breakEven
        self.pareto = pareto
        self.timelineDay = timelineDay
    }

    /// The same, with costs taken from CostModel's reports (their projected month).
    public init(
        title: String = "Scale-to-zero GPU inference: what it costs and how long users wait", scenarioName: String,
        results: [SimulationResult], costReports: [CostReport], baselineOptionName: String? = nil,
        assumptions: [AssumptionRow] = [], findings: [String] = [], breakEven: BreakEvenSeries? = nil,
        pareto: [ParetoPoint] = [], timelineDay: Int? = nil
    ) {
        self.init(
            title: title, scenarioName: scenarioName, results: results,
            costs: costReports.map(OptionCost.init(report:)),
            baselineOptionName: baselineOptionName, assumptions: assumptions, findings: findings, breakEven: breakEven,
            pareto: pareto, timelineDay: timelineDay)
    }

    /// The verdict on ``figures`` under ``objectives``.
    public var verdict: Verdict { Verdict(figures: figures, objectives: objectives, baselineName: baselineOptionName) }

    /// The charts of this report, in page order.
    public var charts: [any Chart] {
        var charts: [any Chart] = []
        if !results.isEmpty { charts.append(LatencyCDFChart(results: results)) }
        for result in results {
            charts.append(TimelineChart(series: TimelineSeries(result: result, day: timelineDay)))
        }
        if !costs.isEmpty {
            // The verdict judges figures; without any (costs only) the chart keeps its neutral line.
            let subtitle = figures.isEmpty ? CostChart.defaultSubtitle : verdict.sentence
            charts.append(CostChart(options: costs, baselineName: baselineOptionName, subtitle: subtitle))
        }
        if let breakEven { charts.append(BreakEvenChart(series: breakEven)) }
        if !pareto.isEmpty {
            charts.append(ParetoChart(points: pareto, latencyTargetSeconds: results.first?.clientTimeoutSeconds))
        }
        return charts
    }

    /// The PNG file names of ``charts``, in order: `<fileStem>.png`, numbered `-2`, `-3`, … when
    /// charts share a stem (two options whose names differ only in punctuation).
    public var pngFileNames: [String] { Self.pngFileNames(stems: charts.map(\.fileStem)) }

    /// The PNG file names that depend on the options' names (one timeline each, numbered as in
    /// ``pngFileNames``), known before anything is simulated so that they can be checked first;
    /// the other charts have short fixed names.
    public static func optionPNGFileNames(optionNames: [String]) -> [String] {
        pngFileNames(stems: optionNames.map(TimelineChart.fileStem(optionName:)))
    }

    static func pngFileNames(stems: [String]) -> [String] {
        var used: [String: Int] = [:]
        return stems.map { stem in
            let count = used[stem, default: 0]
            used[stem] = count + 1
            return (count == 0 ? stem : stem + "-\(count + 1)") + ".png"
        }
    }
}
