import CostModel
import Simulator
import Testing
@testable import Reports

/// Reports over real runs of both article options (1 simulated day), priced by CostModel.
@Suite struct ScaleToZeroReportTests {
    static func runs() throws -> [SimulationResult] {
        var scenario = Scenario(name: "article", workload: .synthetic(.init(days: 1)))
        scenario.options = [.articleDedicated, .articleScaleToZero]
        return try scenario.options.map { try Simulation.run(scenario, option: $0) }
    }

    @Test func timelineShowsEveryGPUColdStartOfTheDay() throws {
        let result = try Self.runs()[1]
        let series = TimelineSeries(result: result, day: 0)
        let starts = result.gpuNodeRuns.filter {
            $0.startSeconds < 86_400 && ($0.readySeconds ?? $0.endSeconds) > $0.startSeconds
        }
        #expect(!starts.isEmpty)
        #expect(series.coldStarts.count == starts.count)
        for (span, run) in zip(series.coldStarts, starts) {
            #expect(abs(span.start - run.startSeconds) < 1e-9)
            #expect(abs(span.end - Swift.min(86_400, run.readySeconds ?? run.endSeconds)) < 1e-9)
        }
        #expect(series.gpuNodes.contains(0) && (series.gpuNodes.max() ?? 0) >= 1)
        #expect(series.dayCount == 1)
        let image = try ChartRenderer().image(TimelineChart(series: series))
        #expect(image.width == 1440)
    }

    @Test func reportOverBothOptions() throws {
        let results = try Self.runs()
        let calculator = CostCalculator(catalog: try PriceCatalog.bundled(), snapshot: .latest, rules: .standard)
        let reports = try results.map { try calculator.price($0) }
        let input = ReportInput(
            scenarioName: "article", results: results, costReports: reports, baselineOptionName: "dedicated",
            assumptions: Fixtures.assumptions)
        let summary = ReportSummary(input)
        // dedicated times out 0.95 % of requests, scale-to-zero 13.2 %: over the default 1.95 %.
        #expect(summary.verdict.sentence == "Keep dedicated: $428 a month; no cheaper option meets every objective "
            + "(timed out ≤ 1.95%).")
        #expect(
            summary.verdict.breachSentences.first?.contains("13.2% of requests time out (objective ≤ 1.95%)") == true,
            "\(summary.verdict.breachSentences)")
        // The cost chart says the same, never "scale-to-zero … cheaper" on its own.
        let costChart = try #require(input.charts.compactMap { $0 as? CostChart }.first)
        #expect(costChart.subtitle == summary.verdict.sentence)
        #expect(summary.sentences.contains { $0.contains("while no GPU is ready") })
        let pdf = try ReportRenderer(input: input).pdfData()
        // summary, assumptions, CDF, two timelines, cost
        #expect(DocumentChecks.pdfPageCount(pdf) == 6)
        #expect(try ReportRenderer(input: input).pdfData() == pdf)
    }
}
