import Analysis

/// Page 1: title, scenario, the verdict with what each cheaper option breaks (in the same weight),
/// tiles about the recommended option, the side-by-side table of every option, then as many
/// of the summary's sentences as fit (the rest go to the next page).
struct SummaryPage {
    var input: ReportInput
    var summary: ReportSummary

    /// Type sizes tried in turn until the verdict, its breaches and the whole table fit: the
    /// verdict and the breaches always share one size (a breach weighs as much as the saving).
    static let sizes: [(verdict: Double, table: Double)] = [(14, 10), (13, 9.5), (12, 9), (11, 8.5), (10, 8), (10, 7)]
    static let tileHeight = 72.0
    static let breachColor = Color(hex: 0xB03A00)

    /// Where the page put its parts.
    struct Layout {
        /// The side-by-side table, header included.
        var table: ChartRect
        /// How many of ``ReportSummary/sentences`` fitted below the table.
        var sentencesShown: Int
    }

    /// Draws the page and says where its parts went.
    @discardableResult
    func draw(on canvas: Canvas, in body: ChartRect) -> Layout {
        var y = body.minY
        let titleStyle = TextStyle(size: 20, bold: true)
        for line in canvas.wrap(input.title, width: body.width, titleStyle) {
            canvas.text(line, at: ChartPoint(x: body.minX, y: y), titleStyle, vertical: .top)
            y += canvas.lineHeight(titleStyle)
        }
        y += 2
        y +=
            canvas.paragraph(
                ScenarioLine.text(input), origin: ChartPoint(x: body.minX, y: y), width: body.width, .subtitle) + 12

        let top = y
        let size =
            Self.sizes.first { size in
                top + verdictHeight(size.verdict, canvas: canvas, width: body.width)
                    + self.table(size.table).height(width: body.width, canvas: canvas) <= body.maxY
            } ?? Self.sizes[Self.sizes.count - 1]
        y += drawVerdict(size.verdict, on: canvas, x: body.minX, y: y, width: body.width)

        let table = self.table(size.table)
        let tableHeight = table.height(width: body.width, canvas: canvas)
        // The table is never dropped; the tiles only when they would push it off the page.
        if !summary.keyFigures.isEmpty, y + Self.tileHeight + 14 + tableHeight <= body.maxY {
            drawTiles(on: canvas, x: body.minX, y: y, width: body.width)
            y += Self.tileHeight + 14
        }
        table.draw(on: canvas, origin: ChartPoint(x: body.minX, y: y), width: body.width, rows: 0..<table.rows.count)
        let tableFrame = ChartRect(x: body.minX, y: y, width: body.width, height: tableHeight)
        y += tableHeight + 14

        let sentenceStyle = TextStyle(size: 11)
        var shown = 0
        for sentence in summary.sentences {
            let height = canvas.paragraphHeight(sentence, width: body.width - 16, sentenceStyle)
            guard y + height <= body.maxY else { break }
            canvas.circle(
                at: ChartPoint(x: body.minX + 5, y: y + sentenceStyle.size * 0.55), radius: 2.5, fill: Palette.blue)
            y +=
                canvas.paragraph(
                    sentence, origin: ChartPoint(x: body.minX + 16, y: y), width: body.width - 16,
                    sentenceStyle) + 5
            shown += 1
        }
        return Layout(table: tableFrame, sentencesShown: shown)
    }

    /// The verdict, a ✗ line per breach in the same size and weight, and the objectives note;
    /// returns the height used (``verdictHeight(_:canvas:width:)``).
    private func drawVerdict(_ size: Double, on canvas: Canvas, x: Double, y top: Double, width: Double) -> Double {
        var y = top
        y +=
            canvas.paragraph(
                summary.verdict.sentence, origin: ChartPoint(x: x, y: y), width: width,
                TextStyle(size: size, bold: true)) + 4
        let breachStyle = TextStyle(size: size, bold: true, color: Self.breachColor)
        for breach in summary.verdict.breachSentences {
            canvas.text("✗", at: ChartPoint(x: x, y: y), breachStyle, vertical: .top)
            y +=
                canvas.paragraph(
                    breach, origin: ChartPoint(x: x + size * 1.3, y: y), width: width - size * 1.3,
                    breachStyle) + 4
        }
        y +=
            canvas.paragraph(
                summary.verdict.objectivesNote, origin: ChartPoint(x: x, y: y), width: width,
                TextStyle(size: 10, color: Palette.mutedText)) + 12
        return y - top
    }

    private func verdictHeight(_ size: Double, canvas: Canvas, width: Double) -> Double {
        let breachStyle = TextStyle(size: size, bold: true)
        return canvas.paragraphHeight(summary.verdict.sentence, width: width, TextStyle(size: size, bold: true)) + 4
            + summary.verdict.breachSentences.reduce(0) {
                $0 + canvas.paragraphHeight($1, width: width - size * 1.3, breachStyle) + 4
            }
            + canvas.paragraphHeight(summary.verdict.objectivesNote, width: width, TextStyle(size: 10)) + 12
    }

    func table(_ size: Double) -> TableLayout {
        TableLayout(
            header: summary.tableHeader, rows: summary.tableRows, weights: [2.2, 1.3, 1.4, 1.2, 1, 1, 1.4, 1.5, 1.6],
            style: TextStyle(size: size), headerStyle: TextStyle(size: size, bold: true))
    }

    private func drawTiles(on canvas: Canvas, x: Double, y: Double, width totalWidth: Double) {
        let gap = 14.0
        let count = Double(summary.keyFigures.count)
        let width = (totalWidth - gap * (count - 1)) / count
        let valueStyle = TextStyle(size: 22, bold: true, color: Palette.blue)
        let captionStyle = TextStyle(size: 10, color: Palette.mutedText)
        for (index, figure) in summary.keyFigures.enumerated() {
            let tile = ChartRect(x: x + Double(index) * (width + gap), y: y, width: width, height: Self.tileHeight)
            canvas.fill(tile, Color(hex: 0xF1F5F9))
            canvas.fill(ChartRect(x: tile.minX, y: tile.minY, width: 4, height: tile.height), Palette.blue)
            var style = valueStyle
            while canvas.measure(figure.value, style).width > width - 28, style.size > 12 { style.size -= 1 }
            canvas.text(figure.value, at: ChartPoint(x: tile.minX + 16, y: tile.minY + 9), style, vertical: .top)
            var captionY = tile.minY + 12 + canvas.lineHeight(style)
            for line in canvas.wrap(figure.caption, width: width - 28, captionStyle).prefix(2) {
                canvas.text(line, at: ChartPoint(x: tile.minX + 16, y: captionY), captionStyle, vertical: .top)
                captionY += canvas.lineHeight(captionStyle)
            }
        }
    }
}
