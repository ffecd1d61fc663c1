import Simulator
import Testing
@testable import Reports

/// Empty and odd inputs draw a sensible chart (with a note) and never crash.
@Suite struct DegenerateInputTests {
    let renderer = ChartRenderer(size: ChartSize(width: 640, height: 400), pixelScale: 1)

    func drawsSomething(_ chart: some Chart) throws {
        let image = try renderer.image(chart)
        #expect(PixelProbe.inkedPixels(image, in: ChartRect(x: 0, y: 0, width: 640, height: 400), scale: 1) > 1000)
        for format in ChartFormat.allCases { #expect(try renderer.data(chart, format: format).count > 100) }
    }

    @Test func noRequests() throws {
        let result = try Fixtures.recordsRun([], horizon: 3600)
        #expect(result.requests.arrived == 0)
        try drawsSomething(LatencyCDFChart(results: [result]))
        try drawsSomething(TimelineChart(series: TimelineSeries(result: result)))
        let summary = ReportSummary(ReportInput(scenarioName: "empty", results: [result]))
        #expect(summary.sentences.contains { $0.contains("no requests arrived") })
    }

    @Test func oneRequest() throws {
        let result = try Fixtures.recordsRun([TraceRecord(arrivalSeconds: 5, workSize: 10)])
        #expect(result.requests.served == 1)
        let curve = LatencyCurve(result: result)
        #expect(curve.count == 1 && curve.p50Seconds == curve.p99Seconds)
        try drawsSomething(LatencyCDFChart(curves: [curve], clientTimeoutSeconds: 60))
        try drawsSomething(TimelineChart(series: TimelineSeries(result: result)))
    }

    @Test func allTimedOut() throws {
        let records = (0..<5).map { TraceRecord(arrivalSeconds: Double($0), workSize: 50_000) }
        let result = try Fixtures.recordsRun(records, timeout: 1)
        #expect(result.requests.timedOut == result.requests.arrived)
        try drawsSomething(LatencyCDFChart(results: [result]))
        let summary = ReportSummary(ReportInput(scenarioName: "slow", results: [result]))
        #expect(summary.sentences.contains { $0.contains("gave up") })
    }

    @Test func zeroAndEmptyCosts() throws {
        try drawsSomething(
            CostChart(options: [
                OptionCost(optionName: "free", components: [CostComponent(kind: .gpuServing, dollars: 0)])
            ]))
        try drawsSomething(CostChart(options: []))
        try drawsSomething(
            CostChart(options: [
                OptionCost(
                    optionName: "odd",
                    components: [
                        CostComponent(kind: .other, dollars: .nan),
                        CostComponent(kind: .gpuIdle, dollars: -5),
                    ])
            ]))
        try drawsSomething(
            BreakEvenChart(
                series: BreakEvenSeries(volumes: [10, 100], curves: [.init(optionName: "a", monthlyDollars: [0, 0])])))
        try drawsSomething(BreakEvenChart(series: BreakEvenSeries(volumes: [], curves: [])))
        try drawsSomething(
            BreakEvenChart(
                series: BreakEvenSeries(volumes: [300], curves: [.init(optionName: "a", monthlyDollars: [80])])))
    }

    @Test func emptyTimelineCurvesAndSweeps() throws {
        try drawsSomething(
            TimelineChart(
                series: TimelineSeries(
                    optionName: "x", windowSeconds: 0, bucketSeconds: 0, arrivals: [], queueDepth: [],
                    readyPods: [], gpuNodes: [], coldStarts: [])))
        try drawsSomething(LatencyCDFChart(curves: [], clientTimeoutSeconds: nil))
        try drawsSomething(
            LatencyCDFChart(
                curves: [
                    LatencyCurve(
                        name: "zero", points: [.init(seconds: 0, fraction: 1)], p50Seconds: 0,
                        p95Seconds: 0, p99Seconds: 0, count: 3)
                ], clientTimeoutSeconds: 60))
        try drawsSomething(ParetoChart(points: []))
        try drawsSomething(ParetoChart(points: [ParetoPoint(label: "only", monthlyDollars: 0, metric: 0)]))
        try drawsSomething(ParetoChart(points: [ParetoPoint(label: "inf", monthlyDollars: .infinity, metric: .nan)]))
    }

    @Test func nonFiniteAndNegativeValuesAreIgnored() throws {
        let nan = Double.nan, inf = Double.infinity
        try drawsSomething(
            LatencyCDFChart(
                curves: [
                    LatencyCurve(
                        name: "bad",
                        points: [
                            .init(seconds: nan, fraction: 0.5), .init(seconds: inf, fraction: 1),
                            .init(seconds: 2, fraction: 1),
                        ],
                        p50Seconds: nan, p95Seconds: inf, p99Seconds: -1, count: -3, timedOut: -1)
                ],
                clientTimeoutSeconds: nan))
        try drawsSomething(
            TimelineChart(
                series: TimelineSeries(
                    optionName: "bad", dayIndex: -2, dayCount: 0, windowSeconds: nan, bucketSeconds: -60,
                    arrivals: [nan, -4, inf, 3], queueDepth: [1, nan], readyPods: [-1],
                    gpuNodes: [inf], coldStarts: [TimeSpan(start: nan, end: 5), TimeSpan(start: -inf, end: inf)])))
        try drawsSomething(
            BreakEvenChart(
                series: BreakEvenSeries(
                    volumes: [nan, -10, 0, 100], curves: [.init(optionName: "a", monthlyDollars: [1, inf, -5])],
                    currentVolume: nan)))
        try drawsSomething(
            ParetoChart(
                points: [
                    ParetoPoint(label: "neg", monthlyDollars: -10, metric: -1),
                    ParetoPoint(label: "ok", monthlyDollars: 5, metric: 3),
                ],
                latencyTargetSeconds: -5))
    }

    @Test func reportWithNothingInIt() throws {
        let pdf = try ReportRenderer(input: ReportInput(scenarioName: "nothing", results: [])).pdfData()
        #expect(DocumentChecks.pdfPageCount(pdf) == 1)
    }

    /// A 40 × 30 canvas leaves no room for a plot: each chart still renders a 40 × 30 PNG and
    /// a raster of that size with something drawn on it (title or note), and never traps.
    @Test func tinyCanvasRendersAtItsSize() throws {
        let tiny = ChartRenderer(size: ChartSize(width: 40, height: 30), pixelScale: 1)
        let charts: [any Chart] = [
            CostChart(options: Fixtures.costs), TimelineChart(series: Fixtures.scaleToZeroDay()),
            LatencyCDFChart(curves: [Fixtures.scaleToZeroCurve()], clientTimeoutSeconds: 60),
        ]
        for chart in charts {
            let png = try tiny.data(chart, format: .png)
            #expect(Array(png.prefix(8)) == PixelProbe.pngSignature)
            #expect(PixelProbe.pngSize(png) == (40, 30))
            let image = try tiny.image(chart)
            #expect(image.width == 40 && image.height == 30)
            let inked = PixelProbe.inkedPixels(image, in: ChartRect(x: 0, y: 0, width: 40, height: 30), scale: 1)
            #expect(inked > 0, "\(chart.fileStem)")
        }
    }
}
