/// Page 1: title, scenario, the answer as short plain sentences, and a table of the headline
/// figures per option.
struct SummaryPage {
    var input: ReportInput
    var summary: ReportSummary

    func draw(on canvas: Canvas, in body: ChartRect) {
        var y = body.minY
        let titleStyle = TextStyle(size: 20, bold: true)
        for line in canvas.wrap(input.title, width: body.width, titleStyle) {
            canvas.text(line, at: ChartPoint(x: body.minX, y: y), titleStyle, vertical: .top)
            y += canvas.lineHeight(titleStyle)
        }
        y += 2
        y += canvas.paragraph(scenarioLine, origin: ChartPoint(x: body.minX, y: y), width: body.width, .subtitle) + 14

        if !summary.keyFigures.isEmpty {
            let gap = 14.0
            let count = Double(summary.keyFigures.count)
            let width = (body.width - gap * (count - 1)) / count
            let valueStyle = TextStyle(size: 24, bold: true, color: Palette.blue)
            let captionStyle = TextStyle(size: 10, color: Palette.mutedText)
            let height = 78.0
            for (index, figure) in summary.keyFigures.enumerated() {
                let tile = ChartRect(x: body.minX + Double(index) * (width + gap), y: y, width: width, height: height)
                canvas.fill(tile, Color(hex: 0xF1F5F9))
                canvas.fill(ChartRect(x: tile.minX, y: tile.minY, width: 4, height: tile.height), Palette.blue)
                var style = valueStyle
                while canvas.measure(figure.value, style).width > width - 28, style.size > 12 { style.size -= 1 }
                canvas.text(figure.value, at: ChartPoint(x: tile.minX + 16, y: tile.minY + 10), style, vertical: .top)
                var captionY = tile.minY + 14 + canvas.lineHeight(style)
                for line in canvas.wrap(figure.caption, width: width - 28, captionStyle).prefix(2) {
                    canvas.text(line, at: ChartPoint(x: tile.minX + 16, y: captionY), captionStyle, vertical: .top)
                    captionY += canvas.lineHeight(captionStyle)
                }
            }
            y += height + 18
        }
        canvas.text("The answer", at: ChartPoint(x: body.minX, y: y), TextStyle(size: 13, bold: true, color: Palette.blue), vertical: .top)
        y += 22
        let sentenceStyle = TextStyle(size: 12)
        for sentence in summary.sentences {
            canvas.circle(at: ChartPoint(x: body.minX + 5, y: y + sentenceStyle.size * 0.55), radius: 2.5, fill: Palette.blue)
            y += canvas.paragraph(sentence, origin: ChartPoint(x: body.minX + 16, y: y), width: body.width - 16, sentenceStyle) + 6
            if y > body.maxY - 60 { break }
        }
        guard !summary.figures.isEmpty, y < body.maxY - 60 else { return }
        y += 10
        let table = TableLayout(
            header: ["Option", "Cost per month", "Response p50", "p95", "p99", "Waited for a cold start", "Timed out"],
            rows: summary.figures.map { f in
                [f.name,
                 f.monthlyDollars.map(NumberFormat.dollars) ?? "–",
                 f.arrived == 0 ? "–" : f.responseText(f.response.p50Seconds),
                 f.arrived == 0 ? "–" : f.responseText(f.response.p95Seconds),
                 f.arrived == 0 ? "–" : f.responseText(f.response.p99Seconds),
                 f.arrived == 0 ? "–" : "\(NumberFormat.count(f.waitedForColdStart)) (\(NumberFormat.percent(Double(f.waitedForColdStart) / Double(f.arrived))))",
                 f.arrived == 0 ? "–" : "\(NumberFormat.count(f.timedOut)) (\(NumberFormat.percent(Double(f.timedOut) / Double(f.arrived))))"]
            },
            weights: [2.4, 1.5, 1.3, 1.1, 1.1, 2, 1.6], style: TextStyle(size: 10), headerStyle: TextStyle(size: 10, bold: true))
        let pages = table.pages(width: body.width, firstPageHeight: body.maxY - y, pageHeight: body.maxY - y, canvas: canvas)
        table.draw(on: canvas, origin: ChartPoint(x: body.minX, y: y), width: body.width, rows: pages.first ?? 0..<0)
    }

    private var scenarioLine: String {
        var parts = ["Scenario \(input.scenarioName)"]
        if let first = input.results.first {
            let days = first.horizonSeconds / 86_400
            parts.append(days >= 1 ? "\(NumberFormat.compact(days, maxDecimals: 1)) simulated days" : "\(NumberFormat.duration(first.horizonSeconds)) simulated")
            parts.append("\(NumberFormat.count(first.requests.arrived)) requests per option")
        }
        parts.append("options compared: " + (input.results.isEmpty ? "none" : input.results.map(\.option.name).joined(separator: ", ")))
        return parts.joined(separator: " · ")
    }
}
