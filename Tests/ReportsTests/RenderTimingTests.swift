import Glibc
import Simulator
import Testing
@testable import Reports

/// Prints how long the full report for a 30-day run takes to render (no assertion on time:
/// run it in release for the real number —
/// `swift test -c release -Xswiftc -enable-testing --filter RenderTimingTests`).
@Suite struct RenderTimingTests {
    @Test func thirtyDayReportRenderTime() throws {
        guard Environment.value("COSTSIM_TIMING") != nil else { return }
        let result = try Fixtures.dedicatedRun(days: 30)
        let input = ReportInput(scenarioName: "article-30d", results: [result], costs: Fixtures.costs, assumptions: Fixtures.assumptions,
                                breakEven: Fixtures.breakEven, pareto: Fixtures.pareto)
        let renderer = ReportRenderer(input: input)
        var best = Double.infinity
        var size = 0
        for _ in 0..<5 {
            let start = Self.now()
            size = try renderer.pdfData().count
            best = Swift.min(best, Self.now() - start)
        }
        print("30-day report (\(result.requests.arrived) requests, \(result.timeline.count) timeline buckets): PDF \(size) bytes, best of 5 renders \(NumberFormat.fixed(best * 1000, decimals: 1)) ms")
        if let out = Environment.value("COSTSIM_TIMING_PDF") { try renderer.writePDF(to: out) }
        let directory = "/tmp/costsim-timing-\(getpid())"
        defer { _ = system("rm -rf '\(directory)'") }
        var bestPNG = Double.infinity
        for _ in 0..<3 {
            let start = Self.now()
            try renderer.writePNGs(directory: directory)
            bestPNG = Swift.min(bestPNG, Self.now() - start)
        }
        print("30-day report: \(input.charts.count) PNGs written, best of 3: \(NumberFormat.fixed(bestPNG * 1000, decimals: 1)) ms")
        #expect(size > 0)
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
