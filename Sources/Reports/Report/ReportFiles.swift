import Analysis
import Foundation

/// The bytes of a report's files — the PDF, the self-contained HTML page and one PNG per chart
/// (named by ``ReportInput/pngFileNames``) — rendered concurrently, one file per task. Each file
/// is drawn on its own Cairo surface, so the bytes are the same whatever the number of jobs.
public struct ReportFiles: Sendable {
    public var pdf: [UInt8]?
    public var html: [UInt8]?
    public var pngs: [(name: String, bytes: [UInt8])]

    /// Renders the files asked for from `input`, on up to `jobs` concurrent tasks.
    public static func render(
        _ input: ReportInput, pdf: Bool, html: Bool, pngs: Bool,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async throws -> ReportFiles {
        let charts = pngs ? input.charts : []
        let names = ReportInput.pngFileNames(stems: charts.map(\.fileStem))
        // The PDF and the page take longest: they start first.
        var tasks: [@Sendable () throws -> [UInt8]] = []
        if pdf { tasks.append { try ReportRenderer(input: input).pdfData() } }
        if html { tasks.append { try HTMLReport(input: input).data() } }
        let renderer = ChartRenderer()
        for chart in charts { tasks.append { try renderer.data(chart, format: .png) } }
        let work = tasks
        let rendered = try await concurrentMap(count: work.count, jobs: jobs) { try work[$0]() }
        var next = rendered.makeIterator()
        return ReportFiles(
            pdf: pdf ? next.next() : nil, html: html ? next.next() : nil,
            pngs: names.map { ($0, next.next()!) })
    }
}
