import Analysis
import Simulator

/// Chart 1: cumulative distribution of response time per option on a log time axis, with
/// p50/p95/p99 marked on each curve and the client timeout as a vertical line.
public struct LatencyCDFChart: Chart {
    public var curves: [LatencyCurve]
    /// Client timeout in seconds (drawn as a dashed line), or `nil`.
    public var clientTimeoutSeconds: Double?
    public var title: String
    public var subtitle: String
    public var fileStem: String { "latency-cdf" }

    public init(curves: [LatencyCurve], clientTimeoutSeconds: Double?,
                title: String = "How long users wait: response time per option",
                subtitle: String = "Share of requests answered within a given time (log scale). Timed-out requests count at the client timeout.") {
        self.curves = curves
        self.clientTimeoutSeconds = clientTimeoutSeconds.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        self.title = title
        self.subtitle = subtitle
    }

    /// One curve per result (client-observed response time).
    public init(results: [SimulationResult]) {
        self.init(curves: results.map(LatencyCurve.init(result:)), clientTimeoutSeconds: results.first?.clientTimeoutSeconds)
    }

    public func draw(on canvas: Canvas, in frame: ChartRect) { _ = render(on: canvas, in: frame) }

    /// A percentile of `curve`; "≥ timeout" when requests timed out and it sits at the cap.
    private func text(_ seconds: Double, _ curve: LatencyCurve) -> String {
        ResponseText.format(seconds, timeoutSeconds: clientTimeoutSeconds, anyTimedOut: curve.timedOut > 0)
    }

    /// The x range in seconds: from the fastest request to the slowest or the timeout.
    var secondsRange: (lower: Double, upper: Double) {
        let positives = curves.flatMap { $0.points.map(\.seconds) }.filter { $0 > 0 }
        var lo = positives.min() ?? 0.1
        var hi = Swift.max(positives.max() ?? 1, clientTimeoutSeconds ?? 0)
        if hi < lo * 10 { lo = Swift.min(lo, hi / 10) }
        if lo <= 0 { lo = 0.1 }
        hi = Swift.max(hi, lo * 10)
        return TickGenerator.logBounds(lower: lo, upper: hi, unit: .seconds)
    }

    func render(on canvas: Canvas, in frame: ChartRect) -> PlotGeometry {
        let legend = curves.enumerated().map { index, curve in
            LegendEntry(label: curve.count == 0 ? "\(curve.name) — no requests"
                        : "\(curve.name) — p50 \(text(curve.p50Seconds, curve)) · p95 \(text(curve.p95Seconds, curve)) · p99 \(text(curve.p99Seconds, curve))",
                        color: Palette.series(index))
        } + (clientTimeoutSeconds.map { [LegendEntry(label: "client timeout \(NumberFormat.duration($0))", color: Palette.black, swatch: .dashedLine)] } ?? [])
        let timedOut = curves.filter { $0.timedOut > 0 }
        let footnote: String? = timedOut.isEmpty ? nil
            : "Timed out (counted at the timeout): " + timedOut.map { "\($0.name) \(NumberFormat.count($0.timedOut)) of \(NumberFormat.count($0.count))" }.joined(separator: "; ") + "."
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend, footnote: footnote).draw(on: canvas, in: frame)
        let range = secondsRange
        let axes = PlotAxes(
            x: AxisSpec(title: "response time (log scale)", unit: .seconds, lower: range.lower, upper: range.upper, isLog: true),
            y: AxisSpec(title: "requests answered within", unit: .share, lower: 0, upper: 1))
        let geometry = axes.draw(on: canvas, in: body)
        let plot = geometry.plot
        let placer = LabelPlacer(bounds: plot)

        if let timeout = clientTimeoutSeconds {
            let x = geometry.x.position(timeout)
            canvas.line(from: ChartPoint(x: x, y: plot.minY), to: ChartPoint(x: x, y: plot.maxY), Palette.black, width: 1.2, dash: [6, 4])
        }
        canvas.clipped(to: plot.expanded(by: 1)) {
            for (index, curve) in curves.enumerated() where !curve.points.isEmpty {
                var path = [geometry.point(range.lower, 0)]
                var previous = 0.0
                for point in curve.points {
                    let x = Swift.max(point.seconds, range.lower)
                    path.append(geometry.point(x, previous))
                    path.append(geometry.point(x, point.fraction))
                    previous = point.fraction
                }
                path.append(geometry.point(range.upper, previous))
                canvas.polyline(path, Palette.series(index), width: 2)
            }
        }
        // Markers first (reserved), then their labels where there is room.
        var labels: [(text: String, at: ChartPoint, color: Color)] = []
        // p95 first (the headline), then p50, then p99, so the important labels win the space.
        for order in [1, 0, 2] {
        for (index, curve) in curves.enumerated() where curve.count > 0 {
            for marker in [curve.markers[order]] {
                let center = geometry.point(Swift.max(marker.seconds, range.lower), marker.fraction)
                placer.reserve(ChartRect(x: center.x - 5, y: center.y - 5, width: 10, height: 10))
                labels.append(("\(marker.label) \(text(marker.seconds, curve))", center, Palette.series(index)))
            }
        }
        }
        for (index, curve) in curves.enumerated() where curve.count > 0 {
            for marker in curve.markers {
                let center = geometry.point(Swift.max(marker.seconds, range.lower), marker.fraction)
                canvas.circle(at: center, radius: 4.5, fill: Palette.series(index), stroke: Palette.background, width: 1.2)
            }
        }
        if let timeout = clientTimeoutSeconds {
            let x = geometry.x.position(timeout)
            let text = "timeout \(NumberFormat.duration(timeout))"
            let style = TextStyle.annotation
            let candidates = [
                canvas.textBox(text, at: ChartPoint(x: x - 4, y: plot.maxY - 40), style, align: .right, vertical: .bottom),
                canvas.textBox(text, at: ChartPoint(x: x + 4, y: plot.maxY - 40), style, align: .left, vertical: .bottom),
                canvas.textBox(text, at: ChartPoint(x: x - 4, y: plot.midY), style, align: .right, vertical: .bottom),
            ]
            if let box = placer.place(candidates) {
                canvas.fill(box.expanded(by: 1), Palette.background.withAlpha(0.85))
                canvas.text(text, at: ChartPoint(x: box.minX, y: box.minY), style, vertical: .top)
            }
        }
        let style = TextStyle(size: 9.5, bold: true)
        for label in labels {
            let p = label.at
            // Beside the marker first, then further below or above it.
            var candidates: [ChartRect] = []
            for offset in [2.0, 16] {
                candidates.append(canvas.textBox(label.text, at: ChartPoint(x: p.x + 8, y: p.y + offset), style, align: .left, vertical: .top))
                candidates.append(canvas.textBox(label.text, at: ChartPoint(x: p.x + 8, y: p.y - offset), style, align: .left, vertical: .bottom))
                candidates.append(canvas.textBox(label.text, at: ChartPoint(x: p.x - 8, y: p.y + offset), style, align: .right, vertical: .top))
                candidates.append(canvas.textBox(label.text, at: ChartPoint(x: p.x - 8, y: p.y - offset), style, align: .right, vertical: .bottom))
            }
            if let box = placer.place(candidates) {
                if box.minY > p.y + 4 || box.maxY < p.y - 4 {
                    // Moved away from its marker: a thin leader line keeps them together.
                    let edgeX = box.minX > p.x ? box.minX : box.maxX
                    let edgeY = box.minY > p.y ? box.minY : box.maxY
                    canvas.line(from: p, to: ChartPoint(x: edgeX, y: edgeY), label.color, width: 0.8)
                }
                canvas.fill(box.expanded(by: 1), Palette.background.withAlpha(0.85))
                canvas.text(label.text, at: ChartPoint(x: box.minX, y: box.minY), TextStyle(size: 9.5, bold: true, color: label.color), vertical: .top)
            }
        }
        if curves.allSatisfy({ $0.count == 0 }) {
            ChartChrome.drawMessage("No requests finished in this run, so there is no response time to show.", on: canvas, in: plot)
        }
        return geometry
    }
}
