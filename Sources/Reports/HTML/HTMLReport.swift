import Analysis

import Storage

/// The report as one self-contained HTML page: the title and scenario, page 1's answer (key
/// figures, sentences, the figures table), the findings, every chart as inline SVG from the same
/// drawing code as the PDF, and the assumptions with their sources. The style sheet is inline;
/// the page loads nothing (its Content-Security-Policy forbids it) and runs no script, so it
/// reads the same offline, from a mail attachment or a file share. Identical input gives
/// identical bytes; every text from the input is HTML-escaped.
///
///     try HTMLReport(input: input).write(to: "report.html")
public struct HTMLReport: Sendable {
    public var input: ReportInput
    /// Draws the charts (its size is each chart's drawing size; the page scales it to fit).
    public var chartRenderer: ChartRenderer

    public init(input: ReportInput, chartRenderer: ChartRenderer = ChartRenderer()) {
        self.input = input
        self.chartRenderer = chartRenderer
    }

    /// The page as UTF-8 bytes.
    public func data() throws(ReportError) -> [UInt8] { Array(try html().utf8) }

    /// Writes the page to `path` atomically (a temporary file renamed into place).
    public func write(to path: String) throws(ReportError) {
        let bytes = try data()
        try ReportError.writing(path) { try AtomicFile.write(bytes, to: path) }
    }

    /// Nothing may be fetched or run: the inline style sheet and (inside charts) data: images only.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// The page as text.
    public func html() throws(ReportError) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="generator" content="costsim">
            \(HTMLText.element("title", input.title))
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <header>
            \(HTMLText.element("h1", input.title))
            \(HTMLText.element("p", ScenarioLine.text(input), className: "scenario"))
            </header>
            <main>

            """
        out += HTMLSummary.html(ReportSummary(input))
        if !input.findings.isEmpty {
            out += "<section id=\"findings\">\n<h2>What this means</h2>\n"
                + HTMLSummary.sentenceList(input.findings.map(NumberFormat.capitalizedFirst)) + "</section>\n"
        }
        let charts = input.charts
        if !charts.isEmpty {
            out += "<section id=\"charts\">\n<h2>Charts</h2>\n"
            for (index, chart) in charts.enumerated() {
                let svg = try chartRenderer.data(chart, format: .svg)
                out += "<figure class=\"chart\" id=\"chart-\(index + 1)\">"
                    + InlineSVG.element(svg, idPrefix: "c\(index + 1)-", label: chart.title) + "</figure>\n"
            }
            out += "</section>\n"
        }
        if !input.assumptions.isEmpty {
            let table = ReportRenderer(input: input).assumptionsTable
            out += "<section id=\"assumptions\">\n<h2>Assumptions</h2>\n"
                + HTMLText.element("p", "Scenario \(input.scenarioName). " + ReportRenderer.assumptionsIntro)
                + "\n" + HTMLTable(header: table.header, rows: table.rows, className: "assumptions").html
                + "</section>\n"
        }
        out += "</main>\n<footer>\n" + HTMLText.element("p", "costsim · scenario \(input.scenarioName)")
            + "\n</footer>\n</body>\n</html>\n"
        return out
    }
}
