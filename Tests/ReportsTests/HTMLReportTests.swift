import Testing
@testable import Reports

/// The HTML report: page 1, findings, charts and assumptions present; escaped; self-contained;
/// byte-identical across renders; charts' ids distinct across the page.
@Suite struct HTMLReportTests {
    @Test func escapesMarkupCharacters() {
        #expect(HTMLText.escape(#"<a href="x">Tom & 'Jerry'</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("tab\tnew\nnul\u{0}bell\u{7}") == "tab\tnew\nnul\u{FFFD}bell\u{FFFD}")
        #expect(HTMLText.escape("×–é") == "×–é")
    }

    @Test func inlineSVGDropsThePrologAndFixedSizeAndPrefixesEveryIdAndReference() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="960pt" height="600pt" viewBox="0 0 960 600" \
            version="1.1">
            <defs><symbol id="glyph0-1"/><clipPath id="clip1"><path d="M 0 0"/></clipPath></defs>
            <g id="surface1" clip-path="url(#clip1)"><use xlink:href="#glyph0-1" x="1"/>\
            <use href="#glyph0-1"/></g>
            </svg>
            """
        let element = InlineSVG.element(Array(svg.utf8), idPrefix: "c2-", label: "Cost & <time>")
        #expect(element == """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 960 600" \
            role="img" aria-label="Cost &amp; &lt;time&gt;">
            <defs><symbol id="c2-glyph0-1"/><clipPath id="c2-clip1"><path d="M 0 0"/></clipPath></defs>
            <g id="c2-surface1" clip-path="url(#c2-clip1)"><use xlink:href="#c2-glyph0-1" x="1"/>\
            <use href="#c2-glyph0-1"/></g>
            </svg>
            """)
        #expect(InlineSVG.element(Array("not svg".utf8), idPrefix: "c1-", label: "x") == "")
    }

    @Test func tableCellsAreEscapedAndOnlyWebAddressesBecomeLinks() {
        #expect(HTMLTable.cell("https://example.com/p?a=1&b=2")
            == #"<a href="https://example.com/p?a=1&amp;b=2">https://example.com/p?a=1&amp;b=2</a>"#)
        #expect(HTMLTable.cell("javascript:alert(1)") == "javascript:alert(1)")
        #expect(HTMLTable.cell("https://a.example see b") == "https://a.example see b")
        #expect(HTMLTable.cell("<b>") == "&lt;b&gt;")
    }

    @Test func pageHoldsPageOneFindingsEveryChartAndTheAssumptions() throws {
        let input = try HTMLFixtures.input()
        let html = try HTMLReport(input: input).html()
        let summary = ReportSummary(input)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains(HTMLText.element("h1", input.title)))
        #expect(html.contains(HTMLText.element("p", ScenarioLine.text(input), className: "scenario")))
        for figure in summary.keyFigures {
            #expect(html.contains(HTMLText.element("span", figure.value, className: "value")))
        }
        #expect(summary.sentences.count >= 3)
        for sentence in summary.sentences { #expect(html.contains(HTMLText.element("li", sentence))) }
        // The figures table: header, and one row per option with the PDF's cells.
        #expect(html.contains(HTMLText.element("p", summary.verdict.sentence, className: "verdict")))
        #expect(html.contains(HTMLText.element("p", summary.verdict.objectivesNote, className: "objectives")))
        #expect(html.contains("<th>Option</th><th>Cost per month</th><th>vs dedicated</th><th>Response p50</th>"))
        for row in summary.tableRows {
            #expect(html.contains("<tr>" + row.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>"))
        }
        #expect(summary.tableRows.map { $0[1] } == ["$257", "$81.41"])
        for finding in input.findings { #expect(html.contains(HTMLText.element("li", finding))) }
        #expect(occurrences(of: "<figure class=\"chart\"", in: html) == input.charts.count)
        #expect(input.charts.count == 6)  // CDF, two timelines, cost, break-even, Pareto
        for chart in input.charts { #expect(html.contains("aria-label=\"\(HTMLText.escape(chart.title))\"")) }
        #expect(occurrences(of: "<tr>", in: html) == 1 + 2 + 1 + input.assumptions.count)
        #expect(html.contains(#"<td><a href="https://example.com/p?a=1&amp;b=2">"#))
    }

    /// The option and scenario names appear escaped everywhere (title of a chart, table, sentences,
    /// footer), never as markup.
    @Test func textFromTheInputIsEscaped() throws {
        let html = try HTMLReport(input: try HTMLFixtures.input()).html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("a<b>"))
        #expect(html.contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</td>"))
        #expect(html.contains("costsim · scenario a&lt;b&gt; &amp; &quot;c&quot;</p>"))
        #expect(html.contains("aria-label=\"A day of &lt;script&gt;"))
    }

    /// Nothing to fetch or run: no script, no external style sheet, font or image; only
    /// same-document references; and a policy that forbids loading anything.
    @Test func pageIsSelfContained() throws {
        let html = try HTMLReport(input: try HTMLFixtures.input()).html()
        let forbidden = ["<script", "<link", "<iframe", "<img", " src=", "@import", "@font-face", "\"refresh\""]
        for forbidden in forbidden {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(occurrences(of: "url(", in: html) == occurrences(of: "url(#", in: html))
        #expect(occurrences(of: "href=\"", in: html) == occurrences(of: "href=\"#", in: html) + 1)  // + the source link
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
    }

    /// Every id is unique on the page and every reference points to an id of its own chart.
    @Test func chartIdsAreDistinctAndReferencesStayInTheirChart() throws {
        let html = try HTMLReport(input: try HTMLFixtures.input()).html()
        let ids = values(after: " id=\"", until: "\"", in: html)
        #expect(ids.count > 50)
        #expect(Set(ids).count == ids.count)
        let figures = html.split(separator: "<figure class=\"chart\"").dropFirst()
        #expect(figures.count == 6)
        for (index, figure) in figures.enumerated() {
            let prefix = "c\(index + 1)-"
            let own = Set(values(after: " id=\"", until: "\"", in: String(figure)))
            let references = values(after: "href=\"#", until: "\"", in: String(figure))
                + values(after: "url(#", until: ")", in: String(figure))
            #expect(!references.isEmpty)
            for reference in references {
                #expect(reference.hasPrefix(prefix) && own.contains(reference), "chart \(index + 1): #\(reference)")
            }
        }
    }

    /// Identical input gives identical bytes, also when other charts were drawn in between
    /// (Cairo numbers surfaces process-wide).
    @Test func bytesAreIdenticalAcrossRenders() throws {
        let report = HTMLReport(input: try HTMLFixtures.input())
        let first = try report.data()
        _ = try ChartRenderer().data(CostChart(options: Fixtures.costs), format: .svg)
        _ = try ReportRenderer(input: try Fixtures.reportInput(days: 1)).pdfData()
        #expect(try report.data() == first)
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.split(separator: needle, omittingEmptySubsequences: false).count - 1
    }

    /// The texts between each `start` and the next `end`.
    private func values(after start: String, until end: String, in text: String) -> [String] {
        text.split(separator: start, omittingEmptySubsequences: false).dropFirst().compactMap { piece in
            piece.split(separator: end, maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        }
    }
}
