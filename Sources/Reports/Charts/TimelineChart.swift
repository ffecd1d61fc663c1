import Analysis

/// Chart 2: one day of one option as four stacked panels sharing a time-of-day axis —
/// arrivals, queue depth, ready pods, GPU nodes — with GPU cold starts shaded across all of
/// them: the picture that shows why nodes stay up.
public struct TimelineChart: Chart {
    public var series: TimelineSeries
    public var title: String
    public var fileStem: String { Self.fileStem(optionName: series.optionName) }

    /// The file stem of the timeline of option `optionName`.
    public static func fileStem(optionName: String) -> String { "timeline-" + FileName.safe(optionName) }

    public init(series: TimelineSeries, title: String? = nil) {
        self.series = series
        self.title = title ?? "A day of \(series.optionName): load, queue, pods and GPU nodes"
    }

    public func draw(on canvas: Canvas, in frame: ChartRect) { _ = render(on: canvas, in: frame) }

    /// Arrivals summed into at most about 200 bars per window, so a day reads as a shape.
    var aggregatedArrivals: (values: [Double], width: Double) {
        let s = series
        guard s.arrivals.count > 200 else { return (s.arrivals, s.bucketSeconds) }
        let factors = [2, 3, 5, 6, 10, 12, 15, 20, 30, 60, 120, 240, 360, 720, 1440]
        let factor = factors.first { (s.arrivals.count + $0 - 1) / $0 <= 200 } ?? (s.arrivals.count + 199) / 200
        var values: [Double] = []
        values.reserveCapacity(s.arrivals.count / factor + 1)
        var index = 0
        while index < s.arrivals.count {
            values.append(s.arrivals[index..<Swift.min(s.arrivals.count, index + factor)].reduce(0, +))
            index += factor
        }
        return (values, s.bucketSeconds * Double(factor))
    }

    /// Geometry of each panel, top to bottom.
    func render(on canvas: Canvas, in frame: ChartRect) -> [PlotGeometry] {
        let s = series
        var subtitle = "Day \(s.dayIndex + 1) of \(s.dayCount)"
        subtitle += s.isBusiestDay ? ", the busiest: " : ": "
        subtitle += "\(NumberFormat.count(s.totalArrivals)) request\(s.totalArrivals == 1 ? "" : "s"). "
        let coldSeconds = s.coldStarts.reduce(0) { $0 + $1.seconds }
        subtitle += s.coldStarts.isEmpty ? "No GPU node started this day."
            : "\(s.coldStarts.count) GPU node cold start\(s.coldStarts.count == 1 ? "" : "s"), \(NumberFormat.duration(coldSeconds)) in total."
        let legend = s.coldStarts.isEmpty ? [] : [LegendEntry(label: "GPU node cold start (VM created → worker pod ready)", color: Palette.vermillion.withAlpha(0.25), swatch: .shade)]
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend).draw(on: canvas, in: frame)

        let arrivals = aggregatedArrivals
        let panels: [(title: String, values: [Double], width: Double, color: Color, area: Bool)] = [
            ("Requests arriving per \(NumberFormat.bucketPhrase(arrivals.width))", arrivals.values, arrivals.width, Palette.blue, true),
            ("Queue depth (deepest per \(NumberFormat.bucketPhrase(s.bucketSeconds)))", s.queueDepth, s.bucketSeconds, Palette.orange, true),
            ("Ready worker pods", s.readyPods, s.bucketSeconds, Palette.bluishGreen, false),
            ("GPU nodes running (billed)", s.gpuNodes, s.bucketSeconds, Palette.reddishPurple, false),
        ]
        let xTitleHeight = canvas.lineHeight(.tick) + 6 + canvas.lineHeight(.axisTitle) + 4
        let gap = 14.0
        let panelHeight = Swift.max(20, (body.height - xTitleHeight - gap * Double(panels.count - 1)) / Double(panels.count))
        let left = canvas.measure("0,000", .tick).width + 10
        let right = canvas.measure("00:00", .tick).width / 2 + 4
        var geometries: [PlotGeometry] = []
        var y = body.minY
        for (index, panel) in panels.enumerated() {
            let isLast = index == panels.count - 1
            let height = panelHeight + (isLast ? xTitleHeight : 0)
            let region = ChartRect(x: body.minX, y: y, width: body.width, height: height)
            let maxValue = panel.values.max() ?? 0
            let axes = PlotAxes(
                x: AxisSpec(title: "time of day (run clock)", unit: .clock, lower: 0, upper: s.windowSeconds, niceBounds: false),
                y: AxisSpec(title: "", unit: .count, lower: 0, upper: Swift.max(1, maxValue * 1.15)),
                showXLabels: isLast, yTickSpacing: 28, xTickSpacing: 70, leftMargin: left, rightMargin: right)
            let geometry = axes.draw(on: canvas, in: region)
            let plot = geometry.plot
            for span in s.coldStarts {
                var x0 = geometry.x.clampedPosition(span.start), x1 = geometry.x.clampedPosition(span.end)
                if x1 - x0 < 1.5 { x0 -= 0.75; x1 += 0.75 }
                canvas.fill(ChartRect(x: x0, y: plot.minY, width: x1 - x0, height: plot.height), Palette.vermillion.withAlpha(0.22))
            }
            if !panel.values.isEmpty {
                var path: [ChartPoint] = []
                path.reserveCapacity(panel.values.count * 2 + 2)
                for (bucket, value) in panel.values.enumerated() {
                    let t0 = Double(bucket) * panel.width
                    let t1 = Swift.min(s.windowSeconds, t0 + panel.width)
                    path.append(geometry.point(t0, value))
                    path.append(geometry.point(t1, value))
                }
                canvas.clipped(to: plot) {
                    if panel.area {
                        let base = [geometry.point(path.last.map { geometry.x.value(at: $0.x) } ?? 0, 0), geometry.point(0, 0)]
                        canvas.fillPolygon(path + base, panel.color.withAlpha(0.3))
                    }
                    canvas.polyline(path, panel.color, width: panel.area ? 1 : 1.6)
                }
            }
            let label = panel.title + "  (max \(NumberFormat.count(Swift.max(0, maxValue))))"
            let box = canvas.textBox(label, at: ChartPoint(x: plot.minX + 6, y: plot.minY + 3), .panelTitle, vertical: .top)
            canvas.fill(box.expanded(by: 2), Palette.background.withAlpha(0.8))
            canvas.text(label, at: ChartPoint(x: box.minX, y: box.minY), .panelTitle, vertical: .top)
            geometries.append(geometry)
            y += height + gap
        }
        if s.totalArrivals == 0, !s.arrivals.isEmpty, let top = geometries.first?.plot {
            ChartChrome.drawMessage("No requests arrived in this window.", on: canvas, in: top)
        }
        if s.arrivals.isEmpty && s.readyPods.isEmpty {
            let top = geometries.first?.plot ?? body
            ChartChrome.drawMessage("This run recorded no timeline for this day.", on: canvas, in: top)
        }
        return geometries
    }
}
