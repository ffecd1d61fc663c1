/// The parts around a plot: title, subtitle, a legend that wraps onto several rows, and a
/// footnote. Drawing them returns the region left for the plot itself.
struct ChartChrome {
    var title: String
    var subtitle: String?
    var legend: [LegendEntry] = []
    var footnote: String?

    static let margin = 16.0

    func draw(on canvas: Canvas, in frame: ChartRect) -> ChartRect {
        canvas.fill(frame, Palette.background)
        let inner = frame.insetBy(ChartChrome.margin)
        var y = inner.minY
        if !title.isEmpty {
            for line in canvas.wrap(title, width: inner.width, .title) {
                canvas.text(line, at: ChartPoint(x: inner.minX, y: y), .title, vertical: .top)
                y += canvas.lineHeight(.title)
            }
        }
        if let subtitle, !subtitle.isEmpty {
            y += 2
            y += canvas.paragraph(subtitle, origin: ChartPoint(x: inner.minX, y: y), width: inner.width, .subtitle)
        }
        if !legend.isEmpty {
            y += 6
            y += drawLegend(on: canvas, origin: ChartPoint(x: inner.minX, y: y), width: inner.width)
        }
        var bottom = inner.maxY
        if let footnote, !footnote.isEmpty {
            let lines = canvas.wrap(footnote, width: inner.width, .note)
            let height = Double(lines.count) * canvas.lineHeight(.note)
            bottom -= height
            var lineY = bottom
            for line in lines {
                canvas.text(line, at: ChartPoint(x: inner.minX, y: lineY), .note, vertical: .top)
                lineY += canvas.lineHeight(.note)
            }
            bottom -= 6
        }
        y += 8
        return ChartRect(x: inner.minX, y: y, width: inner.width, height: Swift.max(0, bottom - y))
    }

    /// Entries left to right, wrapping; returns the height used.
    private func drawLegend(on canvas: Canvas, origin: ChartPoint, width: Double) -> Double {
        let style = TextStyle.legend
        let rowHeight = canvas.lineHeight(style) + 3
        let swatchWidth = 22.0
        var x = origin.x
        var y = origin.y
        for entry in legend {
            let textWidth = canvas.measure(entry.label, style).width
            let entryWidth = swatchWidth + 5 + textWidth
            if x > origin.x && x + entryWidth > origin.x + width {
                x = origin.x
                y += rowHeight
            }
            let midY = y + rowHeight / 2
            drawSwatch(entry, on: canvas, x: x, midY: midY, width: swatchWidth)
            canvas.text(entry.label, at: ChartPoint(x: x + swatchWidth + 5, y: midY), style, vertical: .middle)
            x += entryWidth + 18
        }
        return y + rowHeight - origin.y
    }

    private func drawSwatch(_ entry: LegendEntry, on canvas: Canvas, x: Double, midY: Double, width: Double) {
        switch entry.swatch {
        case .line:
            canvas.line(from: ChartPoint(x: x, y: midY), to: ChartPoint(x: x + width, y: midY), entry.color, width: 2.5)
        case .dashedLine:
            canvas.line(
                from: ChartPoint(x: x, y: midY), to: ChartPoint(x: x + width, y: midY), entry.color, width: 1.5,
                dash: [5, 3])
        case .box, .hatchedBox:
            let box = ChartRect(x: x + 4, y: midY - 6, width: width - 8, height: 12)
            canvas.fill(box, entry.color)
            if entry.swatch == .hatchedBox {
                canvas.hatch(box, Palette.text(on: entry.color).withAlpha(0.4), spacing: 4)
            }
            canvas.stroke(box, Palette.axis.withAlpha(0.6), width: 0.5)
        case .shade:
            canvas.fill(ChartRect(x: x, y: midY - 6, width: width, height: 12), entry.color)
        case .dot:
            canvas.circle(at: ChartPoint(x: x + width / 2, y: midY), radius: 4, fill: entry.color)
        case .hollowDot:
            canvas.circle(
                at: ChartPoint(x: x + width / 2, y: midY), radius: 4, fill: Palette.background, stroke: entry.color)
        }
    }

    /// A centred message box in an empty or degenerate plot.
    static func drawMessage(_ message: String, on canvas: Canvas, in plot: ChartRect) {
        let style = TextStyle(size: 12, color: Palette.mutedText)
        let width = Swift.min(plot.width - 20, 420)
        let lines = canvas.wrap(message, width: width, style)
        let height = Double(lines.count) * canvas.lineHeight(style)
        let maxWidth = lines.map { canvas.measure($0, style).width }.max() ?? 0
        let box = ChartRect(
            x: plot.midX - maxWidth / 2 - 10, y: plot.midY - height / 2 - 8, width: maxWidth + 20, height: height + 16)
        canvas.fill(box, Palette.background.withAlpha(0.92))
        canvas.stroke(box, Palette.lightNeutral, width: 0.8)
        var y = box.minY + 8
        for line in lines {
            canvas.text(line, at: ChartPoint(x: plot.midX, y: y), style, align: .center, vertical: .top)
            y += canvas.lineHeight(style)
        }
    }
}
