/// Lays out and draws a plot's frame: background, gridlines, axes, thinned tick labels and
/// axis titles, leaving the data area for the chart to fill.
struct PlotAxes {
    var x: AxisSpec
    var y: AxisSpec
    /// Draw x tick labels and title (false for upper panels that share the x axis below).
    var showXLabels = true
    /// Smaller tick density for short panels.
    var yTickSpacing = 55.0
    var xTickSpacing = 90.0
    /// Fixed space left of the plot for y labels (panels that must line up); `nil`: measured.
    var leftMargin: Double?
    /// Fixed space right of the plot; `nil`: half the last x label.
    var rightMargin: Double?
    /// Draw vertical gridlines at the x ticks.
    var showXGrid = true

    func draw(on canvas: Canvas, in region: ChartRect) -> PlotGeometry {
        let yTicks = y.ticks(target: Swift.max(2, Int(region.height / yTickSpacing)))
        let xTicks = x.ticks(target: Swift.max(2, Int(region.width / xTickSpacing)))
        let tick = TextStyle.tick
        let yLabels = yTicks.ticks.map { y.unit.label($0, step: yTicks.step) }
        let xLabels = xTicks.ticks.map { x.unit.label($0, step: xTicks.step) }
        let yLabelWidth = yLabels.map { canvas.measure($0, tick).width }.max() ?? 0
        let yTitleWidth = y.title.isEmpty ? 0 : canvas.lineHeight(.axisTitle) + 4
        let left = leftMargin ?? (yLabelWidth + 8 + yTitleWidth)
        let lastXLabelHalf = showXLabels ? (xLabels.last.map { canvas.measure($0, tick).width / 2 } ?? 0) : 0
        let right = rightMargin ?? Swift.max(10, lastXLabelHalf + 2)
        var bottom = 0.0
        if showXLabels {
            bottom = canvas.lineHeight(tick) + 6
            if !x.title.isEmpty { bottom += canvas.lineHeight(.axisTitle) + 4 }
        }
        let top = 6.0
        let plot = ChartRect(
            x: region.minX + left, y: region.minY + top,
            width: Swift.max(10, region.width - left - right), height: Swift.max(10, region.height - top - bottom))
        let geometry = PlotGeometry(
            plot: plot,
            x: AxisScale(lower: xTicks.lower, upper: xTicks.upper, start: plot.minX, end: plot.maxX, isLog: x.isLog),
            y: AxisScale(lower: yTicks.lower, upper: yTicks.upper, start: plot.maxY, end: plot.minY, isLog: y.isLog))

        canvas.fill(plot, Palette.panel)
        // Gridlines.
        for value in xTicks.ticks where showXGrid {
            let px = geometry.x.position(value)
            guard px >= plot.minX - 0.5, px <= plot.maxX + 0.5 else { continue }
            canvas.line(
                from: ChartPoint(x: px, y: plot.minY), to: ChartPoint(x: px, y: plot.maxY), Palette.grid, width: 0.7)
        }
        for value in yTicks.ticks {
            let py = geometry.y.position(value)
            guard py >= plot.minY - 0.5, py <= plot.maxY + 0.5 else { continue }
            canvas.line(
                from: ChartPoint(x: plot.minX, y: py), to: ChartPoint(x: plot.maxX, y: py), Palette.grid, width: 0.7)
        }
        // Axes.
        canvas.line(
            from: ChartPoint(x: plot.minX, y: plot.maxY), to: ChartPoint(x: plot.maxX, y: plot.maxY), Palette.axis,
            width: 1)
        canvas.line(
            from: ChartPoint(x: plot.minX, y: plot.minY), to: ChartPoint(x: plot.minX, y: plot.maxY), Palette.axis,
            width: 1)

        // Y tick labels, thinned so none touch.
        let yBoxes = zip(yTicks.ticks, yLabels).map { value, label in
            canvas.textBox(
                label, at: ChartPoint(x: plot.minX - 6, y: geometry.y.position(value)), tick, align: .right,
                vertical: .middle)
        }
        let yBounds = ChartRect(
            x: region.minX, y: region.minY - tick.size * 0.7, width: region.width,
            height: region.height + tick.size * 1.4)
        for index in PlotAxes.thinned(yBoxes, vertical: true, within: yBounds) {
            canvas.text(
                yLabels[index], at: ChartPoint(x: plot.minX - 6, y: geometry.y.position(yTicks.ticks[index])), tick,
                align: .right, vertical: .middle)
        }
        if !y.title.isEmpty {
            canvas.verticalText(
                y.title, center: ChartPoint(x: region.minX + canvas.lineHeight(.axisTitle) / 2, y: plot.midY),
                .axisTitle)
        }
        guard showXLabels else { return geometry }
        let xBoxes = zip(xTicks.ticks, xLabels).map { value, label in
            canvas.textBox(
                label, at: ChartPoint(x: geometry.x.position(value), y: plot.maxY + 5), tick, align: .center,
                vertical: .top)
        }
        for index in PlotAxes.thinned(xBoxes, vertical: false, within: region.expanded(by: ChartChrome.margin - 2)) {
            canvas.line(
                from: ChartPoint(x: xBoxes[index].midX, y: plot.maxY),
                to: ChartPoint(x: xBoxes[index].midX, y: plot.maxY + 3),
                Palette.axis, width: 1)
            canvas.text(
                xLabels[index], at: ChartPoint(x: geometry.x.position(xTicks.ticks[index]), y: plot.maxY + 5), tick,
                align: .center, vertical: .top)
        }
        if !x.title.isEmpty {
            canvas.text(
                x.title, at: ChartPoint(x: plot.midX, y: region.maxY), .axisTitle, align: .center, vertical: .bottom)
        }
        return geometry
    }

    /// Indices of the labels to draw: every k-th label for the smallest k at which no two kept
    /// labels touch, and only labels inside `bounds`.
    static func thinned(_ boxes: [ChartRect], vertical: Bool, within bounds: ChartRect) -> [Int] {
        let inside = boxes.indices.filter { bounds.contains(boxes[$0]) }
        guard inside.count > 1 else { return inside }
        for stride in 1...inside.count {
            let kept = Swift.stride(from: 0, to: inside.count, by: stride).map { inside[$0] }
            var clear = true
            for (a, b) in zip(kept, kept.dropFirst()) {
                let gap =
                    vertical
                    ? Swift.abs(boxes[a].midY - boxes[b].midY) - (boxes[a].height + boxes[b].height) / 2
                    : Swift.abs(boxes[a].midX - boxes[b].midX) - (boxes[a].width + boxes[b].width) / 2
                if gap < (vertical ? 2 : 8) {
                    clear = false
                    break
                }
            }
            if clear { return kept }
        }
        return [inside[0]]
    }
}
