import Foundation
import Simulator
import Testing

@testable import Reports

/// Writes every chart as PNG (and the report as PDF) through the file writers and checks each
/// file: PNGs of the renderer's pixel size, PDFs with their pages, a balanced SVG. The files go to
/// $COSTSIM_PREVIEW_DIR when it is set (kept there for a person to look at), else to a
/// temporary directory that is removed.
@Suite struct PreviewTests {
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesEveryChartAndReport() throws {
        let preview = Environment.value("COSTSIM_PREVIEW_DIR")
        let directory = try preview ?? Self.temporaryDirectory()
        defer { if preview == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let dedicated = try Fixtures.dedicatedRun()
        let charts: [any Chart] = [
            LatencyCDFChart(
                curves: [LatencyCurve(result: dedicated), Fixtures.scaleToZeroCurve()], clientTimeoutSeconds: 600),
            LatencyCDFChart(curves: Fixtures.fourOptionCurves(), clientTimeoutSeconds: 60),
            TimelineChart(series: Fixtures.scaleToZeroDay()),
            TimelineChart(series: TimelineSeries(result: dedicated)),
            CostChart(options: Fixtures.costs),
            BreakEvenChart(series: Fixtures.breakEven),
            BreakEvenChart(series: Fixtures.fourOptionBreakEven),
            BreakEvenChart(series: Fixtures.tangledBreakEven),
            ParetoChart(points: Fixtures.pareto, latencyTargetSeconds: 60),
            ParetoChart(points: Fixtures.kedaGrid, latencyTargetSeconds: 60),
        ]
        let renderer = ChartRenderer()
        func name(_ index: Int) -> String { "\(index + 1)-\(charts[index].fileStem).png" }
        for index in charts.indices {
            try renderer.write(charts[index], format: .png, to: directory + "/" + name(index))
        }
        try ReportRenderer(input: Fixtures.reportInput()).writePDF(to: directory + "/report.pdf")
        let empty = try Fixtures.recordsRun([], horizon: 3600)
        let one = try Fixtures.recordsRun([TraceRecord(arrivalSeconds: 5, workSize: 10)])
        let slow = try Fixtures.recordsRun(
            (0..<5).map { TraceRecord(arrivalSeconds: Double($0), workSize: 50_000) }, timeout: 1)
        let degenerate: [(String, any Chart)] = [
            ("empty-cdf", LatencyCDFChart(results: [empty])),
            ("empty-timeline", TimelineChart(series: TimelineSeries(result: empty))),
            ("one-cdf", LatencyCDFChart(results: [one])),
            ("one-timeline", TimelineChart(series: TimelineSeries(result: one))),
            ("slow-cdf", LatencyCDFChart(results: [slow])),
            (
                "zero-cost",
                CostChart(options: [
                    OptionCost(optionName: "free", components: [CostComponent(kind: .gpuServing, dollars: 0)])
                ])
            ),
            ("empty-breakeven", BreakEvenChart(series: BreakEvenSeries(volumes: [], curves: []))),
            ("empty-pareto", ParetoChart(points: [])),
        ]
        for (name, chart) in degenerate {
            try ChartRenderer(size: ChartSize(width: 640, height: 400), pixelScale: 1).write(
                chart, format: .png, to: directory + "/" + name + ".png")
        }
        try ChartRenderer().write(LatencyCDFChart(results: [one]), format: .svg, to: directory + "/one-cdf.svg")
        try ReportRenderer(input: ReportInput(scenarioName: "nothing", results: [])).writePDF(
            to: directory + "/empty-report.pdf")

        func bytes(_ name: String) throws -> [UInt8] {
            Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
        }
        let full = ChartRenderer().pixelSize
        for index in charts.indices {
            let png = try bytes(name(index))
            #expect(Array(png.prefix(8)) == PixelProbe.pngSignature, "\(name(index))")
            #expect(PixelProbe.pngSize(png) == full, "\(name(index))")
        }
        for (name, _) in degenerate {
            let png = try bytes(name + ".png")
            #expect(Array(png.prefix(8)) == PixelProbe.pngSignature, "\(name)")
            #expect(PixelProbe.pngSize(png) == (640, 400), "\(name)")
        }
        // 8 pages, as in ReportTests: summary, findings, assumptions, 5 charts.
        #expect(DocumentChecks.pdfPageCount(try bytes("report.pdf")) == 8)
        #expect(DocumentChecks.pdfPageCount(try bytes("empty-report.pdf")) == 1)
        #expect(DocumentChecks.svgIsBalanced(String(decoding: try bytes("one-cdf.svg"), as: UTF8.self)))
    }
}
