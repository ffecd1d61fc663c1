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
        if case .latency = metric {
            self.latencyTargetSeconds = latencyTargetSeconds.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        }
        self.title = title
    }

    public func draw(on canvas: Canvas, in frame: ChartRect) { _ = render(on: canvas, in: frame) }

    /// What was drawn where, for the tests.
    struct Layout {
        var geometry: PlotGeometry
        /// Placed labels: the point they name and their box.
        var labels: [(point: ParetoPoint, text: String, box: ChartRect)]
        /// Frontier points (indices into the frontier) tagged with their short label and described in the footnote.
        var keyed: [Int]
    }

    /// What a frontier point's label says: its short label and the settings that differ between
    /// the points ("#3 cooldownPeriod 300s, minReplicaCount 1"); all its settings when none differ.
    func description(_ point: ParetoPoint, among points: [ParetoPoint]) -> String {
        let names = Set(points.flatMap { $0.settings.map(\.name) })
        let varying = names.filter { name in Set(points.map { $0.settings.first { $0.name == name }?.value }).count > 1
        }
        let shown = point.settings.filter { varying.isEmpty || varying.contains($0.name) }
        return ([point.label] + (shown.isEmpty ? [] : [shown.map(\.shortText).joined(separator: ", ")])).joined(
            separator: " ")
    }

    /// `text` in lines no wider than `width`, broken after the commas between settings.
    private func lines(_ text: String, width: Double, _ style: TextStyle, _ canvas: Canvas) -> [String] {
        var lines: [String] = []
        for piece in text.split(separator: ", ").map(String.init) {
            if let last = lines.last, canvas.measure(last + ", " + piece, style).width <= width {
                lines[lines.count - 1] = last + ", " + piece
            } else {
                if !lines.isEmpty { lines[lines.count - 1] += "," }
                lines.append(piece)
            }
        }
        return lines
    }

    /// Draws the chart. A frontier point whose description finds no free spot is tagged with its
    /// short label and described in the footnote; which ones is settled on a measuring canvas first.
    func render(on canvas: Canvas, in frame: ChartRect) -> Layout {
        let valid = points.filter { $0.monthlyDollars.isFinite && $0.metric.isFinite }
        let keyed = LabelPlacer.settle(count: ParetoPoint.frontier(valid).count) { keyed in
            ChartRenderer.withMeasuringCanvas { render(on: $0, in: frame, keyed: keyed).unplaced }
        }
        return render(on: canvas, in: frame, keyed: keyed).layout
    }

    private func render(on canvas: Canvas, in frame: ChartRect, keyed: [Int]) -> (layout: Layout, unplaced: [Int]) {
        let valid = points.filter { $0.monthlyDollars.isFinite && $0.metric.isFinite }
        let frontier = ParetoPoint.frontier(valid)
        var legend = [
            LegendEntry(label: "Pareto frontier (best cost for its \(metric.name))", color: Palette.blue, swatch: .dot),
            LegendEntry(label: "dominated setting", color: Palette.neutral, swatch: .hollowDot),
        ]
        if let target = latencyTargetSeconds {
            legend.append(
                LegendEntry(
                    label: "target \(NumberFormat.duration(target))", color: Palette.vermillion, swatch: .dashedLine))
        }
        let subtitle =
            valid.isEmpty
            ? "No sweep results were given."
            : "\(valid.count) setting\(valid.count == 1 ? "" : "s"); \(frontier.count) on the frontier. "
                + "Lower left is better."
        let footnote =
            keyed.isEmpty
            ? nil
            : "On the frontier: " + keyed.map { description(frontier[$0], among: valid) }.joined(separator: "; ") + "."
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend, footnote: footnote).draw(
            on: canvas, in: frame)
        let axes = PlotAxes(x: horizontalAxis(valid), y: costAxis(valid))
        let geometry = axes.draw(on: canvas, in: body)
        let plot = geometry.plot
        let placer = LabelPlacer(bounds: plot)
        var layout = Layout(geometry: geometry, labels: [], keyed: keyed)
        if let target = latencyTargetSeconds {
            let x = geometry.x.position(target)
            canvas.line(
                from: ChartPoint(x: x, y: plot.minY), to: ChartPoint(x: x, y: plot.maxY), Palette.vermillion,
                width: 1.2, dash: [6, 4])
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
            canvas.circle(
                at: geometry.point(point.metric, point.monthlyDollars), radius: 4, fill: Palette.background,
                stroke: Palette.neutral)
        }
        for point in frontier {
            canvas.circle(
                at: geometry.point(point.metric, point.monthlyDollars), radius: 5, fill: Palette.blue,
                stroke: Palette.background, width: 1)
        }
        // Frontier descriptions first (cheapest first), then the keyed frontier tags, then the
        // dominated points' short labels where room remains.
        let frontierStyle = TextStyle(size: 9.5, bold: true)
        let otherStyle = TextStyle(size: 9, color: Palette.mutedText)
        var requests: [(point: ParetoPoint, lines: [String], style: TextStyle, frontier: Int?)] = []
        requests += keyed.map { (frontier[$0], [frontier[$0].label], frontierStyle, $0) }
        for (index, point) in frontier.enumerated().reversed() where !keyed.contains(index) {
            requests.append(
                (
                    point, lines(description(point, among: valid), width: 230, frontierStyle, canvas), frontierStyle,
                    index
                ))
        }
        requests += valid.filter { !onFrontier.contains($0) }.map { ($0, [$0.label], otherStyle, nil) }
        var unplaced: [Int] = []
        for request in requests {
            let p = geometry.point(request.point.metric, request.point.monthlyDollars)
            let style = request.style
            let candidates = LabelPlacer.around(
                p, size: canvas.measureLines(request.lines, style),
                distances: request.frontier == nil ? [7] : [7, 18, 32, 50, 72, 100, 130],
                directions: [(1, -1), (1, 1), (-1, -1), (-1, 1), (0, -1), (0, 1)], lift: -5)
            guard let box = placer.place(candidates) else {
                if let index = request.frontier, !keyed.contains(index) { unplaced.append(index) }
                continue
            }
            if let (start, end) = LabelPlacer.leader(from: p, to: box, gap: 6, reach: 10) {
                canvas.line(from: start, to: end, Palette.neutral, width: 0.7)
            }
            canvas.textLines(request.lines, at: ChartPoint(x: box.minX, y: box.minY), style)
            layout.labels.append((request.point, request.lines.joined(separator: " "), box))
        }
        if valid.isEmpty { ChartChrome.drawMessage("No sweep results to compare yet.", on: canvas, in: plot) }
        return (layout, unplaced)
    }

    /// Dollars from 0, unless the costs all lie in the upper part of that range: then from a
    /// little below the cheapest, so that differences between settings stay readable.
    private func costAxis(_ valid: [ParetoPoint]) -> AxisSpec {
        let costs = valid.map(\.monthlyDollars)
        let cheapest = costs.min() ?? 0
        let dearest = costs.max() ?? 0
        let spread = dearest - cheapest
        let lower =
            cheapest > 2 * spread && cheapest > 0.4 * dearest
            ? Swift.max(0, cheapest - Swift.max(spread * 0.15, cheapest * 0.02)) : 0
        return AxisSpec(
            title: "dollars per month", unit: .dollars, lower: lower,
            upper: Swift.max(1, dearest + Swift.max(spread * 0.12, dearest * 0.02)))
    }

    /// Latency: a log axis in seconds covering the points and the target. Share: 0 to the largest share.
    private func horizontalAxis(_ valid: [ParetoPoint]) -> AxisSpec {
        switch metric {
        case .latency(let name):
            let seconds = valid.map(\.metric).filter { $0 > 0 } + (latencyTargetSeconds.map { [$0] } ?? [])
            // At least a factor of 4, so that the axis has a few ticks.
            var lo = seconds.min() ?? 1
            var hi = seconds.max() ?? 10
            if hi < lo * 4 { lo = Swift.min(lo, hi / 4) }
            let bounds = TickGenerator.logBounds(lower: lo, upper: hi, unit: .seconds)
            return AxisSpec(
                title: "\(name) response time (log scale)", unit: .seconds, lower: bounds.0, upper: bounds.1,
                isLog: true)
        case .share(let name):
            let largest = valid.map(\.metric).max() ?? 0
            return AxisSpec(title: name, unit: .share, lower: 0, upper: Swift.min(1, Swift.max(0.01, largest * 1.12)))
        }
    }
}
