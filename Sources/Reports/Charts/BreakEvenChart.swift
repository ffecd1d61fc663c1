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

    func render(on canvas: Canvas, in frame: ChartRect) -> PlotGeometry {
        let s = series
        let crossovers = s.crossovers
        var legend = s.curves.enumerated().map { LegendEntry(label: $1.optionName, color: Palette.series($0)) }
        if !crossovers.isEmpty { legend.append(LegendEntry(label: "break-even", color: Palette.black, swatch: .hollowDot)) }
        if s.currentVolume != nil { legend.append(LegendEntry(label: "today's volume", color: Palette.neutral, swatch: .dashedLine)) }
        let subtitle: String
        if let first = s.envelopeCrossovers.first {
            subtitle = "Below about \(NumberFormat.roughly(first.volume)) \(s.volumeUnitShort) \(first.cheaperBelow) is the cheapest; above it \(first.cheaperAbove) is."
        } else if s.curves.count >= 2, let cheapest = cheapestEverywhere {
            subtitle = "\(cheapest) is the cheapest at every volume shown."
        } else {
            subtitle = "Projected monthly cost at each traffic volume."
        }
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend).draw(on: canvas, in: frame)
        let allVolumes = s.volumes.filter(\.isFinite)
        let allDollars = s.curves.flatMap(\.monthlyDollars).filter(\.isFinite)
        let log = s.logVolume
        var xLower = allVolumes.min() ?? 0, xUpper = allVolumes.max() ?? 1
        if xUpper <= xLower { (xLower, xUpper) = (xLower * 0.5, Swift.max(1, xLower * 2)) }
        let axes = PlotAxes(
            x: AxisSpec(title: s.volumeUnit + (log ? " (log scale)" : ""), unit: .count, lower: xLower, upper: xUpper, isLog: log, niceBounds: false),
            y: AxisSpec(title: "dollars per month", unit: .dollars, lower: 0, upper: Swift.max(1, (allDollars.max() ?? 0) * 1.1)))
        let geometry = axes.draw(on: canvas, in: body)
        let plot = geometry.plot
        let placer = LabelPlacer(bounds: plot)
        if let current = s.currentVolume, current > 0 || !log {
            let x = geometry.x.position(current)
            if x >= plot.minX, x <= plot.maxX {
                canvas.line(from: ChartPoint(x: x, y: plot.minY), to: ChartPoint(x: x, y: plot.maxY), Palette.neutral, width: 1.2, dash: [5, 3])
                let text = "today: \(NumberFormat.significant(current)) \(s.volumeUnitShort)"
                if let box = placer.place([
                    canvas.textBox(text, at: ChartPoint(x: x + 4, y: plot.minY + 4), .annotation, vertical: .top),
                    canvas.textBox(text, at: ChartPoint(x: x - 4, y: plot.minY + 4), .annotation, align: .right, vertical: .top),
                ]) {
                    canvas.text(text, at: ChartPoint(x: box.minX, y: box.minY), TextStyle(size: 9.5, color: Palette.mutedText), vertical: .top)
                }
            }
        }
        canvas.clipped(to: plot.expanded(by: 1)) {
            for (index, curve) in s.curves.enumerated() {
                let points = s.points(curve).map { geometry.point($0.volume, $0.dollars) }
                canvas.polyline(points, Palette.series(index), width: 2.2)
                placer.avoid(points)
                if points.count == 1 { canvas.circle(at: points[0], radius: 3.5, fill: Palette.series(index)) }
            }
        }
        for crossover in crossovers {
            let center = geometry.point(crossover.volume, crossover.monthlyDollars)
            canvas.circle(at: center, radius: 6, fill: Palette.background, stroke: Palette.black, width: 1.8)
            placer.reserve(ChartRect(x: center.x - 7, y: center.y - 7, width: 14, height: 14))
        }
        var labelled = Set<String>()
        for crossover in crossovers {
            let center = geometry.point(crossover.volume, crossover.monthlyDollars)
            let text = "break-even ≈ \(NumberFormat.roughly(crossover.volume)) \(s.volumeUnitShort), \(NumberFormat.dollars(crossover.monthlyDollars))/mo"
            guard labelled.insert(text).inserted else { continue }      // crossovers that coincide once rounded: one label
            let style = TextStyle(size: 10, bold: true)
            // Beside the marker, then further away from it (clear of the curves meeting there).
            let candidates = [6.0, 22, 38].flatMap { offset in [
                canvas.textBox(text, at: ChartPoint(x: center.x + 10, y: center.y + offset), style, vertical: .top),
                canvas.textBox(text, at: ChartPoint(x: center.x - 10, y: center.y - offset), style, align: .right, vertical: .bottom),
                canvas.textBox(text, at: ChartPoint(x: center.x + 10, y: center.y - offset), style, vertical: .bottom),
                canvas.textBox(text, at: ChartPoint(x: center.x - 10, y: center.y + offset), style, align: .right, vertical: .top),
            ] }
            if let box = placer.place(candidates) {
                canvas.fill(box.expanded(by: 2), Palette.background.withAlpha(0.85))
                canvas.text(text, at: ChartPoint(x: box.minX, y: box.minY), style, vertical: .top)
            }
        }
        if s.curves.isEmpty || allVolumes.isEmpty {
            ChartChrome.drawMessage("No cost-versus-volume figures were given.", on: canvas, in: plot)
        } else if allDollars.allSatisfy({ $0 == 0 }) {
            ChartChrome.drawMessage("Every option costs $0 at every volume — check the price catalog.", on: canvas, in: plot)
        }
        return geometry
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
