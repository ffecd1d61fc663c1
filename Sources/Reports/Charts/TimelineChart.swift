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

    /// How buckets combine into one bar of the day-scale panels.
    enum Combine { case sum, mean, max }

    /// Buckets per bar: 1, or the smallest factor that leaves at most about 200 bars per window.
    var factor: Int {
        let count = series.arrivals.count
        guard count > 200 else { return 1 }
        let factors = [2, 3, 5, 6, 10, 12, 15, 20, 30, 60, 120, 240, 360, 720, 1440]
        return factors.first { (count + $0 - 1) / $0 <= 200 } ?? (count + 199) / 200
    }

    /// `values` combined `factor` buckets at a time, so a day reads as a shape, and the bar width.
    func aggregated(_ values: [Double], _ combine: Combine) -> (values: [Double], width: Double) {
        let factor = self.factor
        guard factor > 1 else { return (values, series.bucketSeconds) }
        var result: [Double] = []
        result.reserveCapacity(values.count / factor + 1)
        var index = 0
        while index < values.count {
            let slice = values[index..<Swift.min(values.count, index + factor)]
            switch combine {
            case .sum: result.append(slice.reduce(0, +))
            case .mean: result.append(slice.reduce(0, +) / Double(slice.count))
            case .max: result.append(slice.max() ?? 0)
            }
            index += factor
        }
        return (result, series.bucketSeconds * Double(factor))
    }

    /// Arrivals summed into at most about 200 bars per window.
    var aggregatedArrivals: (values: [Double], width: Double) { aggregated(series.arrivals, .sum) }

    /// The cold starts as spans of constant overlap: how many GPU nodes were starting at once.
    var coldStartCoverage: [(span: TimeSpan, starting: Int)] {
        var edges: [(time: Double, change: Int)] = series.coldStarts.flatMap { [($0.start, 1), ($0.end, -1)] }
        edges.sort { $0.time != $1.time ? $0.time < $1.time : $0.change < $1.change }
        var result: [(span: TimeSpan, starting: Int)] = []
        var starting = 0
        for (index, edge) in edges.enumerated() {
            starting += edge.change
            if starting > 0, index + 1 < edges.count, edges[index + 1].time > edge.time {
                if let last = result.last, last.starting == starting, last.span.end == edge.time {
                    result[result.count - 1].span = TimeSpan(start: last.span.start, end: edges[index + 1].time)
                } else {
                    result.append((TimeSpan(start: edge.time, end: edges[index + 1].time), starting))
                }
            }
        }
        return result
    }

    /// Shade of the cold-start bands: one node starting, or several at once (darker).
    static func coldStartShade(starting: Int) -> Color { Palette.vermillion.withAlpha(starting > 1 ? 0.42 : 0.2) }

    /// Colour of the queue panel: dark enough against the panel and the cold-start shading.
    static let queueColor = Palette.wine

    /// Geometry of each panel, top to bottom.
    func render(on canvas: Canvas, in frame: ChartRect) -> [PlotGeometry] {
        let s = series
        var subtitle = "Day \(s.dayIndex + 1) of \(s.dayCount)"
        subtitle += s.isBusiestDay ? ", the busiest: " : ": "
        subtitle += "\(NumberFormat.count(s.totalArrivals)) request\(s.totalArrivals == 1 ? "" : "s"). "
        let coldSeconds = s.coldStarts.reduce(0) { $0 + $1.seconds }
        subtitle +=
            s.coldStarts.isEmpty
            ? "No GPU node started this day."
            : "\(s.coldStarts.count) GPU node cold start\(s.coldStarts.count == 1 ? "" : "s"), "
                + "\(NumberFormat.duration(coldSeconds)) in total."
        let coverage = coldStartCoverage
        var legend: [LegendEntry] = []
        if !s.coldStarts.isEmpty {
            legend.append(
                LegendEntry(
                    label: "GPU node cold start (VM created → worker pod ready)",
                    color: Self.coldStartShade(starting: 1), swatch: .shade))
        }
        if coverage.contains(where: { $0.starting > 1 }) {
            legend.append(
                LegendEntry(
                    label: "several GPU nodes starting at once", color: Self.coldStartShade(starting: 2), swatch: .shade
                ))
        }
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend).draw(on: canvas, in: frame)

        let arrivals = aggregatedArrivals
        let queue = aggregated(s.queueDepth, .max)
        let pods = aggregated(s.readyPods, .mean)
        let podsMost = aggregated(s.readyPods, .max)
        let bar = NumberFormat.bucketPhrase(arrivals.width)
        let panels: [(title: String, values: [Double], width: Double, color: Color, area: Bool, most: [Double]?)] = [
            ("Requests arriving per \(bar)", arrivals.values, arrivals.width, Palette.blue, true, nil),
            ("Queue depth (deepest per \(bar))", queue.values, queue.width, Self.queueColor, true, nil),
            (
                factor > 1 ? "Ready worker pods (area: average per \(bar), line: most)" : "Ready worker pods",
                pods.values, pods.width, Palette.bluishGreen, true, factor > 1 ? podsMost.values : nil
            ),
            ("GPU nodes running (billed)", s.gpuNodes, s.bucketSeconds, Palette.reddishPurple, false, nil),
        ]
        let xTitleHeight = canvas.lineHeight(.tick) + 6 + canvas.lineHeight(.axisTitle) + 4
        let gap = 14.0
        let panelHeight = Swift.max(
            20, (body.height - xTitleHeight - gap * Double(panels.count - 1)) / Double(panels.count))
        let left = canvas.measure("0,000", .tick).width + 10
        let right = canvas.measure("00:00", .tick).width / 2 + 4
        var geometries: [PlotGeometry] = []
        var y = body.minY
        for (index, panel) in panels.enumerated() {
            let isLast = index == panels.count - 1
            let height = panelHeight + (isLast ? xTitleHeight : 0)
            let region = ChartRect(x: body.minX, y: y, width: body.width, height: height)
            let maxValue = Swift.max(panel.values.max() ?? 0, panel.most?.max() ?? 0)
            let axes = PlotAxes(
                x: AxisSpec(
                    title: "time of day (run clock)", unit: .clock, lower: 0, upper: s.windowSeconds,
                    niceBounds: false),
                y: AxisSpec(title: "", unit: .count, lower: 0, upper: Swift.max(1, maxValue * 1.15)),
                showXLabels: isLast, yTickSpacing: 28, xTickSpacing: 70, leftMargin: left, rightMargin: right)
            let geometry = axes.draw(on: canvas, in: region)
            let plot = geometry.plot
            for part in coverage {
                var x0 = geometry.x.clampedPosition(part.span.start)
                var x1 = geometry.x.clampedPosition(part.span.end)
                if x1 - x0 < 1.5 {
                    x0 -= 0.75
                    x1 += 0.75
                }
                canvas.fill(
                    ChartRect(x: x0, y: plot.minY, width: x1 - x0, height: plot.height),
                    Self.coldStartShade(starting: part.starting))
            }
            if !panel.values.isEmpty {
                func steps(_ values: [Double]) -> [ChartPoint] {
                    var path: [ChartPoint] = []
                    path.reserveCapacity(values.count * 2 + 2)
                    for (bucket, value) in values.enumerated() {
                        let t0 = Double(bucket) * panel.width
                        let t1 = Swift.min(s.windowSeconds, t0 + panel.width)
                        path.append(geometry.point(t0, value))
                        path.append(geometry.point(t1, value))
                    }
                    return path
                }
                let path = steps(panel.values)
                canvas.clipped(to: plot) {
                    if panel.area {
                        let base = [
                            geometry.point(path.last.map { geometry.x.value(at: $0.x) } ?? 0, 0), geometry.point(0, 0),
                        ]
                        canvas.fillPolygon(path + base, panel.color.withAlpha(0.35))
                    }
                    if let most = panel.most {
                        canvas.polyline(path, panel.color, width: 0.8)
                        canvas.polyline(steps(most), panel.color, width: 1.3)
                    } else {
                        canvas.polyline(path, panel.color, width: panel.area ? 1.1 : 1.6)
                    }
                }
            }
            let label = panel.title + "  (max \(NumberFormat.count(Swift.max(0, maxValue))))"
            let box = canvas.textBox(
                label, at: ChartPoint(x: plot.minX + 6, y: plot.minY + 3), .panelTitle, vertical: .top)
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
