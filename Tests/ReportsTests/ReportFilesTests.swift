import Testing

@testable import Reports

/// Rendering a report's files concurrently gives the bytes a single task gives, in the right slots.
@Suite struct ReportFilesTests {
    @Test func concurrentRenderingMatchesOneTaskByteForByte() async throws {
        let input = try Fixtures.reportInput(days: 1)
        let single = try await ReportFiles.render(input, pdf: true, html: true, pngs: true, jobs: 1)
        let concurrent = try await ReportFiles.render(input, pdf: true, html: true, pngs: true, jobs: 4)
        #expect(single.pdf == concurrent.pdf)
        #expect(single.html == concurrent.html)
        #expect(single.pngs.map(\.name) == input.pngFileNames)
        #expect(concurrent.pngs.map(\.name) == input.pngFileNames)
        #expect(single.pngs.map(\.bytes) == concurrent.pngs.map(\.bytes))
        // Each slot holds its own file: the PDF, the page, and each chart's PNG.
        #expect(Array(try #require(concurrent.pdf).prefix(5)) == Array("%PDF-".utf8))
        #expect(String(decoding: try #require(concurrent.html).prefix(15), as: UTF8.self) == "<!DOCTYPE html>")
        let charts = input.charts
        for (chart, png) in zip(charts, concurrent.pngs) {
            #expect(png.bytes == (try ChartRenderer().data(chart, format: .png)), "\(png.name)")
        }
    }

    @Test func onlyTheFilesAskedForAreRendered() async throws {
        let input = try Fixtures.reportInput(days: 1)
        let files = try await ReportFiles.render(input, pdf: false, html: true, pngs: false)
        #expect(files.pdf == nil)
        #expect(files.html != nil)
        #expect(files.pngs.isEmpty)
    }
}
