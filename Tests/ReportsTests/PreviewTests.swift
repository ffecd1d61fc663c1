import Testing
@testable import Reports

/// Writes every chart as PNG (and the report as PDF) to $COSTSIM_PREVIEW_DIR for a person to
/// look at; does nothing when the variable is unset.
@Suite struct PreviewTests {
    @Test func writePreviews() throws {
        guard let directory = Environment.value("COSTSIM_PREVIEW_DIR") else { return }
        let dedicated = try Fixtures.dedicatedRun()
        let charts: [any Chart] = [
            LatencyCDFChart(curves: [LatencyCurve(result: dedicated), Fixtures.scaleToZeroCurve()], clientTimeoutSeconds: 600),
            TimelineChart(series: Fixtures.scaleToZeroDay()),
            TimelineChart(series: TimelineSeries(result: dedicated)),
            CostChart(options: Fixtures.costs),
            BreakEvenChart(series: Fixtures.breakEven),
            ParetoChart(points: Fixtures.pareto, latencyTargetSeconds: 60),
        ]
        let renderer = ChartRenderer()
        for chart in charts {
            try renderer.write(chart, format: .png, to: directory + "/" + chart.fileStem + ".png")
        }
        try ReportRenderer(input: Fixtures.reportInput()).writePDF(to: directory + "/report.pdf")
    }
}
