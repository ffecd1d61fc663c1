import Analysis

/// Chart 5: cost against a latency percentile (p95 by default) or a share (timeouts) for the
/// configurations of a sweep, with the Pareto frontier (the configurations nothing else beats
/// on both) joined and labelled.
public struct ParetoChart: Chart {
    public var points: [ParetoPoint]
    public var metric: ParetoMetric
    /// Client timeout or latency target in seconds, drawn as a dashed line, if given (latency metrics).
    public var latencyTargetSeconds: Double?
    public var title: String
    public var fileStem: String { "pareto" }

    public init(
        points: [ParetoPoint], metric: ParetoMetric = .p95, latencyTargetSeconds: Double? = nil,
        title: String = "Cost against wait: which settings are worth it"
    ) {
        self.points = points
        self.metric = metric
        if case .latency = metric { self.latencyTargetSeconds = latencyTargetSeconds.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } }
        self.title = title
    }

    public func draw(on canvas: Canvas, in frame: ChartRect) { _ = render(on: canvas, in: frame) }

    func render(on canvas: Canvas, in frame: ChartRect) -> PlotGeometry {
        let valid = points.filter { $0.monthlyDollars.isFinite && $0.metric.isFinite }
        let frontier = ParetoPoint.frontier(valid)
        var legend = [LegendEntry(label: "Pareto frontier (best cost for its \(metric.name))", color: Palette.blue, swatch: .dot),
                      LegendEntry(label: "dominated setting", color: Palette.neutral, swatch: .hollowDot)]
        if let target = latencyTargetSeconds {
            legend.append(LegendEntry(label: "target \(NumberFormat.duration(target))", color: Palette.vermillion, swatch: .dashedLine))
        }
        let subtitle = valid.isEmpty ? "No sweep results were given."
            : "\(valid.count) setting\(valid.count == 1 ? "" : "s"); \(frontier.count) on the frontier. Lower left is better."
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend).draw(on: canvas, in: frame)
        let axes = PlotAxes(x: horizontalAxis(valid), y: costAxis(valid))
        let geometry = axes.draw(on: canvas, in: body)
        let plot = geometry.plot
        let placer = LabelPlacer(bounds: plot)
        if let target = latencyTargetSeconds {
            let x = geometry.x.position(target)
            canvas.line(from: ChartPoint(x: x, y: plot.minY), to: ChartPoint(x: x, y: plot.maxY), Palette.vermillion, width: 1.2, dash: [6, 4])
        }
        if frontier.count >= 2 {
            var path: [ChartPoint] = []
            for (index, point) in frontier.enumerated() {
                let p = geometry.point(point.metric, point.monthlyDollars)
                if index > 0, let last = path.last { path.append(ChartPoint(x: p.x, y: last.y)) }
                path.append(p)
            }
            canvas.polyline(path, Palette.blue.withAlpha(0.6), width: 1.5, dash: [4, 3])
            placer.avoid(path)
        }
        let onFrontier = Set(frontier)
        for point in valid {
            let p = geometry.point(point.metric, point.monthlyDollars)
            placer.reserve(ChartRect(x: p.x - 5, y: p.y - 5, width: 10, height: 10))
        }
        for point in valid where !onFrontier.contains(point) {
            canvas.circle(at: geometry.point(point.metric, point.monthlyDollars), radius: 4, fill: Palette.background, stroke: Palette.neutral)
        }
        for point in frontier {
            canvas.circle(at: geometry.point(point.metric, point.monthlyDollars), radius: 5, fill: Palette.blue, stroke: Palette.background, width: 1)
        }
        // Frontier labels first, then the others where room remains.
        for point in frontier + valid.filter({ !onFrontier.contains($0) }) {
            let p = geometry.point(point.metric, point.monthlyDollars)
            let style = onFrontier.contains(point) ? TextStyle(size: 9.5, bold: true) : TextStyle(size: 9, color: Palette.mutedText)
            let text = point.label
            if let box = placer.place([
                canvas.textBox(text, at: ChartPoint(x: p.x + 7, y: p.y - 2), style, vertical: .bottom),
                canvas.textBox(text, at: ChartPoint(x: p.x + 7, y: p.y + 2), style, vertical: .top),
                canvas.textBox(text, at: ChartPoint(x: p.x - 7, y: p.y - 2), style, align: .right, vertical: .bottom),
                canvas.textBox(text, at: ChartPoint(x: p.x - 7, y: p.y + 2), style, align: .right, vertical: .top),
            ]) {
                canvas.text(text, at: ChartPoint(x: box.minX, y: box.minY), style, vertical: .top)
            }
        }
        if valid.isEmpty { ChartChrome.drawMessage("No sweep results to compare yet.", on: canvas, in: plot) }
        return geometry
    }

    /// Dollars from 0, unless the costs all lie in the upper part of that range: then from a
    /// little below the cheapest, so that differences between settings stay readable.
    private func costAxis(_ valid: [ParetoPoint]) -> AxisSpec {
        let costs = valid.map(\.monthlyDollars)
        let cheapest = costs.min() ?? 0, dearest = costs.max() ?? 0
        let spread = dearest - cheapest
        let lower = cheapest > 2 * spread && cheapest > 0.4 * dearest ? Swift.max(0, cheapest - Swift.max(spread * 0.15, cheapest * 0.02)) : 0
        return AxisSpec(title: "dollars per month", unit: .dollars, lower: lower, upper: Swift.max(1, dearest + Swift.max(spread * 0.12, dearest * 0.02)))
    }

    /// Latency: a log axis in seconds covering the points and the target. Share: 0 to the largest share.
    private func horizontalAxis(_ valid: [ParetoPoint]) -> AxisSpec {
        switch metric {
        case .latency(let name):
            let seconds = valid.map(\.metric).filter { $0 > 0 } + (latencyTargetSeconds.map { [$0] } ?? [])
            // At least a factor of 4, so that the axis has a few ticks.
            var lo = seconds.min() ?? 1, hi = seconds.max() ?? 10
            if hi < lo * 4 { lo = Swift.min(lo, hi / 4) }
            let bounds = TickGenerator.logBounds(lower: lo, upper: hi, unit: .seconds)
            return AxisSpec(title: "\(name) response time (log scale)", unit: .seconds, lower: bounds.0, upper: bounds.1, isLog: true)
        case .share(let name):
            let largest = valid.map(\.metric).max() ?? 0
            return AxisSpec(title: name, unit: .share, lower: 0, upper: Swift.min(1, Swift.max(0.01, largest * 1.12)))
        }
    }
}
