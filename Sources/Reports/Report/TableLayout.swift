/// A simple text table: a bold header row, wrapped cells, zebra stripes, and pagination by
/// whole rows.
struct TableLayout {
    var header: [String]
    var rows: [[String]]
    /// Relative column widths (any positive numbers).
    var weights: [Double]
    var style = TextStyle(size: 9.5)
    var headerStyle = TextStyle(size: 9.5, bold: true)
    var padding = 5.0

    private func columnWidths(total: Double) -> [Double] {
        let sum = weights.reduce(0, +)
        return weights.map { total * $0 / (sum > 0 ? sum : 1) }
    }

    private func height(of cells: [String], widths: [Double], style: TextStyle, canvas: Canvas) -> Double {
        var lines = 1
        for (index, width) in widths.enumerated() where index < cells.count {
            lines = Swift.max(lines, canvas.wrap(cells[index], width: width - 2 * padding, style).count)
        }
        return Double(lines) * canvas.lineHeight(style) + 2 * padding
    }

    /// Row ranges that fit on successive pages of height `pageHeight` (the header repeats).
    func pages(width: Double, firstPageHeight: Double, pageHeight: Double, canvas: Canvas) -> [Range<Int>] {
        let widths = columnWidths(total: width)
        let headerHeight = height(of: header, widths: widths, style: headerStyle, canvas: canvas)
        var pages: [Range<Int>] = []
        var start = 0
        var used = headerHeight
        var available = firstPageHeight
        for (index, row) in rows.enumerated() {
            let h = height(of: row, widths: widths, style: style, canvas: canvas)
            if used + h > available && index > start {
                pages.append(start..<index)
                start = index
                used = headerHeight
                available = pageHeight
            }
            used += h
        }
        pages.append(start..<rows.count)
        return pages
    }

    /// The height of the whole table drawn at `width`.
    func height(width: Double, canvas: Canvas) -> Double {
        let widths = columnWidths(total: width)
        return ([header] + rows).reduce(0) { sum, cells in
            sum + height(of: cells, widths: widths, style: cells == header ? headerStyle : style, canvas: canvas)
        }
    }

    /// Draws the header and `range` of rows from `origin`; returns the height used.
    @discardableResult
    func draw(on canvas: Canvas, origin: ChartPoint, width: Double, rows range: Range<Int>) -> Double {
        let widths = columnWidths(total: width)
        var y = origin.y
        func drawRow(_ cells: [String], style: TextStyle, background: Color?) {
            let h = height(of: cells, widths: widths, style: style, canvas: canvas)
            if let background { canvas.fill(ChartRect(x: origin.x, y: y, width: width, height: h), background) }
            var x = origin.x
            for (index, columnWidth) in widths.enumerated() {
                let text = index < cells.count ? cells[index] : ""
                var lineY = y + padding
                for line in canvas.wrap(text, width: columnWidth - 2 * padding, style) {
                    canvas.text(line, at: ChartPoint(x: x + padding, y: lineY), style, vertical: .top)
                    lineY += canvas.lineHeight(style)
                }
                x += columnWidth
            }
            y += h
        }
        drawRow(header, style: headerStyle, background: Color(hex: 0xE8EEF4))
        for index in range {
            drawRow(
                rows[index], style: style, background: (index - range.lowerBound) % 2 == 1 ? Color(hex: 0xF5F5F5) : nil)
        }
        canvas.line(
            from: ChartPoint(x: origin.x, y: y), to: ChartPoint(x: origin.x + width, y: y), Palette.lightNeutral,
            width: 0.8)
        return y - origin.y
    }
}
