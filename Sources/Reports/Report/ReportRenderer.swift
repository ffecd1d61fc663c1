import Analysis
import CCairo
import Storage

/// Writes the stakeholder report: a multi-page landscape PDF whose first page answers the
/// question in plain words, then the assumptions table, then one chart per page; and the same
/// charts as one PNG each.
///
///     let report = ReportRenderer(input: ReportInput(scenarioName: "article", results: results, costs: costs))
///     try report.writePDF(to: "report.pdf")
///     let files = try report.writePNGs(directory: "report-png")
public struct ReportRenderer: Sendable {
    public var input: ReportInput
    /// Page size in points (A4 landscape by default).
    public var pageSize: ChartSize

    public init(input: ReportInput, pageSize: ChartSize = .a4Landscape) {
        self.input = input
        self.pageSize = pageSize
    }

    static let margin = 36.0
    static let footerHeight = 20.0

    /// The whole report as PDF bytes (identical for identical input).
    public func pdfData() throws(ReportError) -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) { () throws(ReportError) -> [UInt8] in
            guard
                let surface = cairo_pdf_surface_create_for_stream(
                    ByteSink.write, sink.closure, pageSize.width, pageSize.height)
            else { throw .cairo("cannot create PDF surface") }
            defer { cairo_surface_destroy(surface) }
            try ChartRenderer.check(cairo_surface_status(surface))
            PDFMetadata.apply(to: surface, title: input.title)
            guard let cr = cairo_create(surface) else { throw .cairo("cannot create context") }
            let canvas = Canvas(context: cr)
            let pages = plan(canvas: canvas)
            let summary = ReportSummary(input)
            for (index, page) in pages.enumerated() {
                draw(page, on: canvas, summary: summary)
                drawFooter(on: canvas, page: index + 1, of: pages.count)
                cairo_show_page(cr)
            }
            let status = cairo_status(cr)
            cairo_destroy(cr)
            cairo_surface_finish(surface)
            try ChartRenderer.check(status)
            try ChartRenderer.check(cairo_surface_status(surface))
            return sink.bytes
        }
    }

    /// Writes the PDF to `path` atomically (a temporary file renamed into place).
    public func writePDF(to path: String) throws(ReportError) {
        let bytes = try pdfData()
        try ReportError.writing(path) { try AtomicFile.write(bytes, to: path) }
    }

    /// Writes every chart of the report as `<directory>/<name>` (names: ``ReportInput/pngFileNames``),
    /// creating the directory if needed (its parent must exist), and returns the paths written,
    /// in report order. All files are written or none.
    @discardableResult
    public func writePNGs(directory: String, renderer: ChartRenderer = ChartRenderer()) throws(ReportError) -> [String]
    {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var files: [(path: String, bytes: [UInt8])] = []
        for (chart, name) in zip(input.charts, input.pngFileNames) {
            files.append((prefix + name, try renderer.data(chart, format: .png)))
        }
        try ReportError.writing(directory) {
            let target = try OutputDirectory(checking: directory, option: "the PNG directory", createParents: false)
            try OutputBatch.write { batch in
                try batch.createDirectory(target)
                for file in files { try batch.add(file.bytes, to: OutputFile(checking: file.path)) }
            }
        }
        return files.map(\.path)
    }

    /// The pages in order.
    func plan(canvas: Canvas) -> [ReportPage] {
        var pages: [ReportPage] = [.summary]
        let more = moreSentences()
        if !more.isEmpty { pages.append(.findings(more)) }
        if !input.assumptions.isEmpty {
            let table = assumptionsTable
            let width = pageSize.width - 2 * ReportRenderer.margin
            let bodyHeight = pageSize.height - 2 * ReportRenderer.margin - ReportRenderer.footerHeight
            let slices = table.pages(
                width: width, firstPageHeight: bodyHeight - 60, pageHeight: bodyHeight - 30, canvas: canvas)
            for (index, slice) in slices.enumerated() { pages.append(.assumptions(rows: slice, first: index == 0)) }
        }
        for chart in input.charts { pages.append(.chart(chart)) }
        return pages
    }

    /// The summary's sentences that page 1 had no room for, then the findings.
    func moreSentences() -> [String] {
        let summary = ReportSummary(input)
        let shown = ChartRenderer.withMeasuringCanvas {
            SummaryPage(input: input, summary: summary).draw(on: $0, in: body).sentencesShown
        }
        return Array(summary.sentences.dropFirst(shown)) + input.findings
    }

    /// The sentence under the assumptions heading (after "Scenario <name>.").
    static let assumptionsIntro =
        "Every number in this report follows from these inputs; prices carry the date they were read and their source."

    var assumptionsTable: TableLayout {
        TableLayout(
            header: ["Assumption", "Value", "Source", "Date"],
            rows: input.assumptions.map { [$0.item, $0.value, $0.source, $0.date] }, weights: [2.4, 3, 3.4, 1.1])
    }

    var body: ChartRect {
        ChartRect(
            x: ReportRenderer.margin, y: ReportRenderer.margin, width: pageSize.width - 2 * ReportRenderer.margin,
            height: pageSize.height - 2 * ReportRenderer.margin - ReportRenderer.footerHeight)
    }

    private func draw(_ page: ReportPage, on canvas: Canvas, summary: ReportSummary) {
        canvas.fill(ChartRect(x: 0, y: 0, width: pageSize.width, height: pageSize.height), Palette.background)
        switch page {
        case .summary:
            SummaryPage(input: input, summary: summary).draw(on: canvas, in: body)
        case .findings(let sentences):
            var y = body.minY
            canvas.text(
                "What this means", at: ChartPoint(x: body.minX, y: y), TextStyle(size: 16, bold: true), vertical: .top)
            y += 30
            let style = TextStyle(size: 11)
            for finding in sentences {
                canvas.circle(
                    at: ChartPoint(x: body.minX + 5, y: y + style.size * 0.55), radius: 2.5, fill: Palette.blue)
                y +=
                    canvas.paragraph(
                        NumberFormat.capitalizedFirst(finding), origin: ChartPoint(x: body.minX + 16, y: y),
                        width: body.width - 16, style) + 7
            }
        case .assumptions(let rows, let first):
            var y = body.minY
            let heading = first ? "Assumptions" : "Assumptions (continued)"
            canvas.text(heading, at: ChartPoint(x: body.minX, y: y), TextStyle(size: 16, bold: true), vertical: .top)
            y += 26
            if first {
                y +=
                    canvas.paragraph(
                        "Scenario \(input.scenarioName). " + ReportRenderer.assumptionsIntro,
                        origin: ChartPoint(x: body.minX, y: y), width: body.width, .subtitle) + 8
            }
            assumptionsTable.draw(on: canvas, origin: ChartPoint(x: body.minX, y: y), width: body.width, rows: rows)
        case .chart(let chart):
            chart.draw(
                on: canvas,
                in: ChartRect(
                    x: 12, y: 12, width: pageSize.width - 24, height: pageSize.height - 24 - ReportRenderer.footerHeight
                ))
        }
    }

    private func drawFooter(on canvas: Canvas, page: Int, of count: Int) {
        let y = pageSize.height - ReportRenderer.margin / 2 - 4
        let style = TextStyle(size: 8.5, color: Palette.mutedText)
        canvas.line(
            from: ChartPoint(x: ReportRenderer.margin, y: y - 12),
            to: ChartPoint(x: pageSize.width - ReportRenderer.margin, y: y - 12),
            Palette.grid, width: 0.6)
        canvas.text("costsim · scenario \(input.scenarioName)", at: ChartPoint(x: ReportRenderer.margin, y: y), style)
        canvas.text(
            "page \(page) of \(count)", at: ChartPoint(x: pageSize.width - ReportRenderer.margin, y: y), style,
            align: .right)
    }
}
