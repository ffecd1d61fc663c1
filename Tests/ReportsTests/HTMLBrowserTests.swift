import Foundation
import Testing

@testable import Reports

/// The HTML report in a real browser (headless Chromium): it loads without a console message,
/// its DOM holds page 1's sentences and table, screenshots at laptop and phone width show a
/// drawn page, and at phone width only the tables scroll sideways, not the page. Without
/// Chromium these tests fail and say how to install it.
@Suite(.serialized) struct HTMLBrowserTests {
    /// The console check sees what it must refuse: a script error and a load the page's policy blocks.
    @Test func consoleMessagesAreCaptured() throws {
        try #require(Chromium.isInstalled, Comment(rawValue: Chromium.missingMessage))
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = directory + "/bad.html"
        try """
        <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" \
        content="\(HTMLReport.contentSecurityPolicy)"></head>
        <body><p>x</p><img src="https://example.com/a.png"><p style="background:url(b.png)">y</p></body></html>
        """.write(toFile: page, atomically: true, encoding: .utf8)
        let outcome = try Chromium.run(["--dump-dom"], page: page, directory: directory)
        #expect(outcome.status == 0, "\(outcome.standardError.suffix(2000))")
        #expect(outcome.consoleMessages.count >= 1, "\(outcome.standardError.suffix(2000))")
        #expect(outcome.consoleMessages.contains { $0.contains("Content Security Policy") })
    }

    @Test func domHoldsPageOneAndNoScriptAndTheConsoleIsSilent() throws {
        try #require(Chromium.isInstalled, Comment(rawValue: Chromium.missingMessage))
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try HTMLFixtures.input()
        let page = directory + "/report.html"
        try HTMLReport(input: input).write(to: page)
        let outcome = try Chromium.run(["--dump-dom", "--window-size=1280,2000"], page: page, directory: directory)
        #expect(outcome.status == 0, "\(outcome.standardError.suffix(2000))")
        #expect(outcome.consoleMessages.isEmpty, "\(outcome.consoleMessages)")
        let dom = outcome.standardOutput
        let summary = ReportSummary(input)
        for sentence in summary.sentences { #expect(dom.contains("<li>" + Chromium.serialized(sentence) + "</li>")) }
        let verdict = "<p class=\"verdict\">" + Chromium.serialized(summary.verdict.sentence) + "</p>"
        #expect(dom.contains(verdict), "\(dom.prefix(3000))")
        let rows = summary.tableRows
        #expect(rows.count == 2)
        for row in rows {
            #expect(dom.contains("<tr>" + row.map { "<td>" + Chromium.serialized($0) + "</td>" }.joined() + "</tr>"))
        }
        #expect(dom.contains("<td>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'co'</td>"))
        #expect(!dom.contains("<script"))
        #expect(dom.components(separatedBy: "<svg ").count - 1 == input.charts.count)
    }

    @Test(arguments: [1280, 390])
    func screenshotShowsTheDrawnPage(width: Int) throws {
        try #require(Chromium.isInstalled, Comment(rawValue: Chromium.missingMessage))
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = directory + "/report.html"
        try HTMLReport(input: try HTMLFixtures.input()).write(to: page)
        let png = directory + "/shot.png"
        let outcome = try Chromium.run(
            ["--screenshot=\(png)", "--window-size=\(width),2000"], page: page, directory: directory)
        #expect(outcome.status == 0, "\(outcome.standardError.suffix(2000))")
        #expect(outcome.consoleMessages.isEmpty, "\(outcome.consoleMessages)")
        let shot = try #require(Screenshot(path: png), "no screenshot at \(png)")
        #expect(shot.width == width && shot.height == 2000)
        // Text in several colours, tinted tiles and a chart: a blank or unstyled page has a handful.
        #expect(shot.distinctColours >= 100, "\(shot.distinctColours) colours")
        #expect(shot.inkedShare > 0.05 && shot.inkedShare < 0.9, "inked share \(shot.inkedShare)")
    }

    /// Measured in the browser, the unchanged page in a frame of the given width (a window is at
    /// least 500 px wide) and a script in the frame's parent: the page is no wider than the
    /// frame, the figures table scrolls inside its box at phone width and fits on a laptop, and
    /// the charts fill the column and keep their proportions.
    @Test(arguments: [(390, true), (1280, false)])
    func layoutFitsTheScreen(width: Int, tableScrolls: Bool) throws {
        try #require(Chromium.isInstalled, Comment(rawValue: Chromium.missingMessage))
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try HTMLReport(input: try HTMLFixtures.input()).write(to: directory + "/report.html")
        let page = directory + "/frame.html"
        try """
        <!DOCTYPE html><html><body style="margin:0">
        <iframe id="f" src="report.html" style="border:0;width:\(width)px;height:900px"></iframe>
        <script>
        document.getElementById('f').onload = () => {
          const d = document.getElementById('f').contentDocument;
          const table = d.querySelector('#answer .scroll');
          const charts = [...d.querySelectorAll('figure.chart svg')].map(c => c.getBoundingClientRect());
          const data = document.body.dataset;
          data.frameWidth = d.documentElement.clientWidth;
          data.pageWidth = d.documentElement.scrollWidth;
          data.tableScrolls = table.scrollWidth > table.clientWidth;
          data.chartWidths = charts.map(r => Math.round(r.width)).join(' ');
          data.chartRatios = charts.map(r => (r.width / r.height).toFixed(2)).join(' ');
        };
        </script></body></html>
        """.write(toFile: page, atomically: true, encoding: .utf8)
        let outcome = try Chromium.run(
            ["--allow-file-access-from-files", "--dump-dom", "--window-size=1400,1000"], page: page,
            directory: directory)
        #expect(outcome.consoleMessages.isEmpty, "\(outcome.consoleMessages)")
        func value(_ name: String) -> String? {
            guard let start = outcome.standardOutput.range(of: " data-\(name)=\"") else { return nil }
            let rest = outcome.standardOutput[start.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        #expect(value("frame-width") == "\(width)", "\(outcome.standardOutput.prefix(800))")
        let pageWidth = try #require(value("page-width").flatMap { Int($0) }, "\(outcome.standardOutput.prefix(800))")
        #expect(pageWidth <= width)
        #expect(value("table-scrolls") == "\(tableScrolls)")
        let chartWidths = (value("chart-widths") ?? "").split(separator: " ").compactMap { Int($0) }
        #expect(chartWidths.count == 6)
        #expect(chartWidths.allSatisfy { $0 > width / 2 && $0 <= width }, "\(chartWidths)")
        #expect((value("chart-ratios") ?? "").split(separator: " ").allSatisfy { $0 == "1.60" })  // 960 × 600
    }

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costsim-html-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
