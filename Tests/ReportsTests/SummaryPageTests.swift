import Analysis
import Simulator
import Testing
@testable import Reports

@Suite("Page 1: the verdict, then the table of every option, never dropped")
struct SummaryPageTests {
    /// `count` options with long names; every one but the last is cheaper than the last and
    /// breaks the timeout objective, so the verdict lists `count - 1` breaches above the table.
    static func input(options count: Int) -> ReportInput {
        var input = ReportInput(scenarioName: "eight options", results: [])
        input.figures = (0..<count).map { index in
            var response = LatencyDistribution()
            for _ in 0..<100 { response.record(Double(10 + index)) }
            return OptionFigures(
                name: "scale-to-zero-with-a-long-name-\(index)", monthlyDollars: Double(100 + 40 * index),
                response: response.summary, coldStartWait: LatencyDistribution().summary, arrived: 10_000,
                timedOut: index == count - 1 ? 0 : 500 + index, waitedForColdStart: 1234,
                clientTimeoutSeconds: 60, horizonSeconds: 86_400 * 30)
        }
        input.baselineOptionName = input.figures.last?.name
        input.objectives = [Objective(metric: .timedOut, threshold: 0.01)]
        return input
    }

    @Test("the table holds every option on page 1, up to 8 options with 7 breaches listed above it",
          arguments: [1, 2, 4, 6, 8])
    func tableFits(options: Int) throws {
        let input = Self.input(options: options)
        let renderer = ReportRenderer(input: input)
        let summary = ReportSummary(input)
        #expect(summary.tableRows.count == options)
        #expect(summary.verdict.breachSentences.count == options - 1)
        let layout = ChartRenderer.withMeasuringCanvas {
            SummaryPage(input: input, summary: summary).draw(on: $0, in: renderer.body)
        }
        #expect(layout.table.minY > renderer.body.minY)
        #expect(layout.table.maxY <= renderer.body.maxY)
    }

    @Test("the objectives column says which objective each option breaks")
    func objectivesColumn() throws {
        let summary = ReportSummary(Self.input(options: 3))
        #expect(summary.tableHeader.last == "Objectives")
        #expect(summary.tableRows.map { $0.last } == ["✗ timed out", "✗ timed out", "✓ all met"])
        #expect(summary.tableRows.map { $0[2] } == ["1.8× cheaper", "22% cheaper", "baseline"])
    }
}
