import Analysis

/// Chart 4: monthly cost of each option against traffic volume, with the volumes where the
/// cheapest option changes (break-even) marked.
public struct BreakEvenChart: Chart {
    public var series: BreakEvenSeries
    public var title: String
    public var fileStem: String { "break-even" }

    public init(series: BreakEvenSeries, title: String = "Break-even: monthly cost as traffic grows") {
        self.series = series
        self.title = title
    }

    public func draw(on canvas: Canvas, in frame: ChartRect) { _ = render(on: canvas, in: frame) }

    /// What was drawn where, for the tests.
    struct Layout {
        var geometry: PlotGeometry
        /// Each curve's polyline.
        var curves: [[ChartPoint]]
        /// Crossover labels placed beside their markers (text lines joined by a space).
        var labels: [(text: String, box: ChartRect)]
        /// Crossovers (indices into `labelledCrossovers`) numbered on the chart and described in the footnote.
        var keyed: [Int]
    }

    /// The crossovers that get a label: the ones where the cheapest option changes first, then
    /// the others, each once (crossovers whose label reads the same once rounded share it).
    var labelledCrossovers: [BreakEvenSeries.Crossover] {
        let envelope = series.envelopeCrossovers
        var seen = Set<String>()
        return (envelope + series.crossovers.filter { !envelope.contains($0) }).filter {
            seen.insert(labelLines($0).joined()).inserted
        }
    }

    /// "scale-to-zero = warm-pool" / "at ≈ 930 min/day, $317/mo": which two options cost the same, where.
    func labelLines(_ crossover: BreakEvenSeries.Crossover) -> [String] {
        [
            "\(crossover.cheaperBelow) = \(crossover.cheaperAbove)",
            "at ≈ \(NumberFormat.roughly(crossover.volume)) \(series.volumeUnitShort), "
                + "\(NumberFormat.dollars(crossover.monthlyDollars))/mo",
        ]
    }

    /// Draws the chart. A crossover whose label finds no spot clear of the curves, the other
    /// labels and the plot's edges is numbered on its marker and described in the footnote
    /// instead; which ones is settled on a measuring canvas first.
    func render(on canvas: Canvas, in frame: ChartRect) -> Layout {
        let keyed = LabelPlacer.settle(count: labelledCrossovers.count) { keyed in
            ChartRenderer.withMeasuringCanvas { render(on: $0, in: frame, keyed: keyed).unplaced }
        }
        return render(on: canvas, in: frame, keyed: keyed).layout
    }

    private func render(on canvas: Canvas, in frame: ChartRect, keyed: [Int]) -> (layout: Layout, unplaced: [Int]) {
        let s = series
        let crossovers = labelledCrossovers
        var legend = s.curves.enumerated().map { LegendEntry(label: $1.optionName, color: Palette.series($0)) }
        if !crossovers.isEmpty {
            legend.append(
                LegendEntry(label: "break-even (two options cost the same)", color: Palette.black, swatch: .hollowDot))
        }
        if s.currentVolume != nil {
            legend.append(LegendEntry(label: "today's volume", color: Palette.neutral, swatch: .dashedLine))
        }
        let subtitle: String
        if let first = s.envelopeCrossovers.first {
            subtitle =
                "Below about \(NumberFormat.roughly(first.volume)) \(s.volumeUnitShort) \(first.cheaperBelow) "
                + "is the cheapest; above it \(first.cheaperAbove) is."
        } else if s.curves.count >= 2, let cheapest = cheapestEverywhere {
            subtitle = "\(cheapest) is the cheapest at every volume shown."
        } else {
            subtitle = "Projected monthly cost at each traffic volume."
        }
        let footnote =
            keyed.isEmpty
            ? nil
            : "Break-evens numbered on the chart: "
                + keyed.enumerated().map { number, index in
                    "\(number + 1): " + labelLines(crossovers[index]).joined(separator: " ")
                }.joined(separator: "; ") + "."
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend, footnote: footnote).draw(
            on: canvas, in: frame)
        let allVolumes = s.volumes.filter(\.isFinite)
        let allDollars = s.curves.flatMap(\.monthlyDollars).filter(\.isFinite)
        let log = s.logVolume
        var xLower = allVolumes.min() ?? 0
        var xUpper = allVolumes.max() ?? 1
        if xUpper <= xLower { (xLower, xUpper) = (xLower * 0.5, Swift.max(1, xLower * 2)) }
        let axes = PlotAxes(
            x: AxisSpec(
                title: s.volumeUnit + (log ? " (log scale)" : ""), unit: .count, lower: xLower, upper: xUpper,
                isLog: log, niceBounds: false),
            y: AxisSpec(
                title: "dollars per month", unit: .dollars, lower: 0, upper: Swift.max(1, (allDollars.max() ?? 0) * 1.1)
            ))
        let geometry = axes.draw(on: canvas, in: body)
        let plot = geometry.plot
        let placer = LabelPlacer(bounds: plot)
        if let current = s.currentVolume, current > 0 || !log {
            let x = geometry.x.position(current)
            if x >= plot.minX, x <= plot.maxX {
                canvas.line(
                    from: ChartPoint(x: x, y: plot.minY), to: ChartPoint(x: x, y: plot.maxY), Palette.neutral,
                    width: 1.2, dash: [5, 3])
                let text = "today: \(NumberFormat.significant(current)) \(s.volumeUnitShort)"
                if let box = placer.place([
                    canvas.textBox(text, at: ChartPoint(x: x + 4, y: plot.minY + 4), .annotation, vertical: .top),
                    canvas.textBox(
                        text, at: ChartPoint(x: x - 4, y: plot.minY + 4), .annotation, align: .right, vertical: .top),
                ]) {
                    canvas.text(
                        text, at: ChartPoint(x: box.minX, y: box.minY), TextStyle(size: 9.5, color: Palette.mutedText),
                        vertical: .top)
                }
            }
        }
        var layout = Layout(geometry: geometry, curves: [], labels: [], keyed: keyed)
        canvas.clipped(to: plot.expanded(by: 1)) {
            for (index, curve) in s.curves.enumerated() {
                let points = s.points(curve).map { geometry.point($0.volume, $0.dollars) }
                canvas.polyline(points, Palette.series(index), width: 2.2)
                placer.avoid(points)
                layout.curves.append(points)
                if points.count == 1 { canvas.circle(at: points[0], radius: 3.5, fill: Palette.series(index)) }
            }
        }
        for crossover in crossovers {
            let center = geometry.point(crossover.volume, crossover.monthlyDollars)
            placer.reserve(ChartRect(x: center.x - 9, y: center.y - 9, width: 18, height: 18))
        }
        let numberStyle = TextStyle(size: 9, bold: true)
        for (index, crossover) in crossovers.enumerated() {
            let center = geometry.point(crossover.volume, crossover.monthlyDollars)
            if let number = keyed.firstIndex(of: index) {
                canvas.circle(at: center, radius: 8, fill: Palette.background, stroke: Palette.black, width: 1.6)
                canvas.text("\(number + 1)", at: center, numberStyle, align: .center, vertical: .middle)
            } else {
                canvas.circle(at: center, radius: 6, fill: Palette.background, stroke: Palette.black, width: 1.8)
            }
        }
        var unplaced: [Int] = []
        let style = TextStyle(size: 10, bold: true)
        for (index, crossover) in crossovers.enumerated() where !keyed.contains(index) {
            let center = geometry.point(crossover.volume, crossover.monthlyDollars)
            let lines = labelLines(crossover)
            let size = canvas.measureLines(lines, style)
            // Beside the marker, then further away in every direction (a leader line joins them).
            let candidates = LabelPlacer.around(
                center, size: size,
                distances: [10, 24, 40, 60, 84, 112, 144, 180],
                directions: [(1, 1), (-1, -1), (1, -1), (-1, 1), (0, 1), (0, -1), (1, 0), (-1, 0)], rise: 0.6)
            guard let box = placer.placeClear(candidates) else {
                unplaced.append(index)
                continue
            }
            if let (start, end) = LabelPlacer.leader(from: center, to: box, gap: 7, reach: 12) {
                canvas.line(from: start, to: end, Palette.axis, width: 0.8)
            }
            canvas.fill(box.expanded(by: 2), Palette.background.withAlpha(0.85))
            canvas.textLines(lines, at: ChartPoint(x: box.minX, y: box.minY), TextStyle(size: 10), firstLine: style)
            layout.labels.append((lines.joined(separator: " "), box))
        }
        if s.curves.isEmpty || allVolumes.isEmpty {
            ChartChrome.drawMessage("No cost-versus-volume figures were given.", on: canvas, in: plot)
        } else if allDollars.allSatisfy({ $0 == 0 }) {
            ChartChrome.drawMessage(
                "Every option costs $0 at every volume — check the price catalog.", on: canvas, in: plot)
        }
        return (layout, unplaced)
    }

    private var cheapestEverywhere: String? {
        var name: String?
        for index in series.volumes.indices {
            let costs = series.curves.compactMap { curve in
                index < curve.monthlyDollars.count ? (curve.optionName, curve.monthlyDollars[index]) : nil
            }
            guard let best = costs.min(by: { $0.1 < $1.1 })?.0 else { return nil }
            if name == nil { name = best } else if name != best { return nil }
        }
        return name
    }
}
