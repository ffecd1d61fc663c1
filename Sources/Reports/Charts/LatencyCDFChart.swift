import Analysis
import Simulator

/// Chart 1: cumulative distribution of response time per option on a log time axis, with
/// p50/p95/p99 marked on each curve and the client timeout as a vertical line. A curve shows
/// answered requests only: it ends at the timeout, and a bar above its end marks the share that
/// timed out. A curve that coincides with an earlier one (``LatencyCurve/coincides(with:timeoutSeconds:)``)
/// is dashed and its legend says so.
public struct LatencyCDFChart: Chart {
    public var curves: [LatencyCurve]
    /// Client timeout in seconds (drawn as a dashed line), or `nil`.
    public var clientTimeoutSeconds: Double?
    public var title: String
    public var subtitle: String
    public var fileStem: String { "latency-cdf" }

    /// Size of the percentile and timed-out labels, points (legible on an A4 print of the report).
    static let labelStyle = TextStyle(size: 9.5, bold: true)

    public init(
        curves: [LatencyCurve], clientTimeoutSeconds: Double?,
        title: String = "How long users wait: response time per option",
        subtitle: String = "Share of requests answered within a given time (log scale). Each curve ends at the "
            + "client timeout; the bar above its end is the share of requests that timed out (no answer)."
    ) {
        self.curves = curves
        self.clientTimeoutSeconds = clientTimeoutSeconds.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        self.title = title
        self.subtitle = subtitle
    }

    /// One curve per result (client-observed response time).
    public init(results: [SimulationResult]) {
        self.init(
            curves: results.map(LatencyCurve.init(result:)), clientTimeoutSeconds: results.first?.clientTimeoutSeconds)
    }

    public func draw(on canvas: Canvas, in frame: ChartRect) { _ = render(on: canvas, in: frame) }

    /// What was drawn where, for the tests.
    struct Layout {
        var geometry: PlotGeometry
        /// Each curve's drawn polyline (empty when it has no requests).
        var paths: [[ChartPoint]]
        /// Placed labels: text, box, and the index of the curve they belong to (nil: the timeout).
        var labels: [(text: String, box: ChartRect, curve: Int?)]
        /// For each curve, the earlier curve it coincides with.
        var twins: [Int?]
    }

    /// A label to place: its lines, the point it belongs to, its curve, and whether it names a
    /// timed-out bar (placed right of the bar, or left of the timeout line above the curve's end).
    private struct LabelRequest {
        var lines: [String]
        var at: ChartPoint
        var curve: Int
        var besideBar = false
    }

    /// Boxes to try for `request`, right of the point before left: `near` ones level with it or
    /// one line off, `far` ones further above and below (a leader line joins them). A near spot
    /// wins even if it covers a curve; a far one is taken only when no near one is free.
    private func candidates(
        _ request: LabelRequest, timeoutX: Double?, canvas: Canvas
    ) -> (near: [ChartRect], far: [ChartRect]) {
        let style = Self.labelStyle
        let size = canvas.measureLines(request.lines, style)
        func box(x: Double, midY: Double, rightAligned: Bool) -> ChartRect {
            ChartRect(
                x: rightAligned ? x - size.width : x, y: midY - size.height / 2, width: size.width, height: size.height)
        }
        let p = request.at
        var near: [ChartRect] = []
        var far: [ChartRect] = []
        for dy in [0.0, 14, -14, 28, -28, 44, -44, 60, -60, 78, -78] {
            let right = box(x: p.x + 9, midY: p.y + dy, rightAligned: false)
            let left = box(x: p.x - 9, midY: p.y + dy, rightAligned: true)
            let sides = request.besideBar ? [right] : [right, left]
            if Swift.abs(dy) <= 14 { near += sides } else { far += sides }
        }
        if request.besideBar, let timeoutX {
            far += [-14.0, -28, -44, -60].map { box(x: timeoutX - 6, midY: p.y + $0, rightAligned: true) }
        }
        return (near, far)
    }

    /// A percentile of `curve`; "≥ timeout" when requests timed out and it sits at the cap.
    private func text(_ seconds: Double, _ curve: LatencyCurve) -> String {
        ResponseText.format(seconds, timeoutSeconds: clientTimeoutSeconds, anyTimedOut: curve.timedOut > 0)
    }

    private var anyTimedOut: Bool { clientTimeoutSeconds != nil && curves.contains { $0.timedOut > 0 } }

    /// The x range in seconds: from where the first curve reaches 0.5 % (the axis starts near
    /// the data) to the slowest answer or the timeout; with timeouts, on to 2.5 × the timeout,
    /// leaving room for the timed-out bars and their labels.
    var secondsRange: (lower: Double, upper: Double) {
        let answered = curves.flatMap { $0.answeredPoints(timeoutSeconds: clientTimeoutSeconds).map(\.seconds) }
            .filter { $0 > 0 }
        let starts = curves.compactMap { $0.seconds(reaching: 0.005) }.filter { $0 > 0 }
        var lo = starts.min() ?? answered.min() ?? 0.1
        var hi = Swift.max(answered.max() ?? 1, clientTimeoutSeconds ?? 0)
        if anyTimedOut, let timeout = clientTimeoutSeconds { hi = Swift.max(hi, timeout * 2.5) }
        if hi < lo * 10 { lo = Swift.min(lo, hi / 10) }
        if lo <= 0 { lo = 0.1 }
        hi = Swift.max(hi, lo * 10)
        return TickGenerator.logBounds(lower: lo, upper: hi, unit: .seconds)
    }

    /// For each curve, the first earlier curve it coincides with (that is not itself a twin).
    var twins: [Int?] {
        var result: [Int?] = []
        for (index, curve) in curves.enumerated() {
            result.append(
                (0..<index).first {
                    result[$0] == nil && curve.coincides(with: curves[$0], timeoutSeconds: clientTimeoutSeconds)
                })
        }
        return result
    }

    /// One entry per curve (a twin dashed and named after the curve it coincides with), then the timeout.
    func legendEntries(twins: [Int?]) -> [LegendEntry] {
        let entries = curves.indices.map { index in
            LegendEntry(
                label: legendLabel(index, twin: twins[index]), color: Palette.series(index),
                swatch: twins[index] == nil ? .line : .dashedLine)
        }
        guard let timeout = clientTimeoutSeconds else { return entries }
        return entries + [
            LegendEntry(
                label: "client timeout \(NumberFormat.duration(timeout))", color: Palette.black, swatch: .dashedLine)
        ]
    }

    private func legendLabel(_ index: Int, twin: Int?) -> String {
        let curve = curves[index]
        if curve.count == 0 { return "\(curve.name) — no requests" }
        let values =
            "p50 \(text(curve.p50Seconds, curve)) · p95 \(text(curve.p95Seconds, curve)) · "
            + "p99 \(text(curve.p99Seconds, curve))"
        guard let twin else { return "\(curve.name) — " + values }
        return "\(curve.name) (dashed) — identical to \(curves[twin].name) at this scale: " + values
    }

    func render(on canvas: Canvas, in frame: ChartRect) -> Layout {
        let timeout = clientTimeoutSeconds
        let twins = self.twins
        let legend = legendEntries(twins: twins)
        let timedOut = curves.filter { $0.timedOut > 0 }
        let rejected = curves.filter { $0.rejected > 0 }
        let notes = [
            timedOut.isEmpty
                ? nil
                : "Timed out (no answer within the client timeout): "
                    + timedOut.map {
                        "\($0.name) \(NumberFormat.count($0.timedOut)) of \(NumberFormat.count($0.count)) "
                            + "(\(NumberFormat.percent($0.timedOutShare)))"
                    }.joined(separator: "; ") + ".",
            rejected.isEmpty
                ? nil
                : "Rejected by the platform with an error (not in the curves): "
                    + rejected.map { "\($0.name) \(NumberFormat.count($0.rejected))" }.joined(separator: "; ") + ".",
        ].compactMap { $0 }
        let footnote: String? = notes.isEmpty ? nil : notes.joined(separator: " ")
        let body = ChartChrome(title: title, subtitle: subtitle, legend: legend, footnote: footnote).draw(
            on: canvas, in: frame)
        let range = secondsRange
        let axes = PlotAxes(
            x: AxisSpec(
                title: "response time (log scale)", unit: .seconds, lower: range.lower, upper: range.upper,
                isLog: true),
            y: AxisSpec(title: "requests answered within", unit: .share, lower: 0, upper: 1))
        let geometry = axes.draw(on: canvas, in: body)
        let plot = geometry.plot
        let placer = LabelPlacer(bounds: plot)
        var layout = Layout(geometry: geometry, paths: [], labels: [], twins: twins)

        let timeoutX = timeout.map { geometry.x.position($0) }
        if let timeoutX, anyTimedOut {
            // Beyond the timeout nothing is answered: a light zone holds the timed-out bars.
            canvas.fill(
                ChartRect(x: timeoutX, y: plot.minY, width: plot.maxX - timeoutX, height: plot.height),
                Palette.grid.withAlpha(0.45))
        }
        if let timeoutX {
            canvas.line(
                from: ChartPoint(x: timeoutX, y: plot.minY), to: ChartPoint(x: timeoutX, y: plot.maxY), Palette.black,
                width: 1.2, dash: [6, 4])
        }
        canvas.clipped(to: plot.expanded(by: 1)) {
            for (index, curve) in curves.enumerated() {
                let points = curve.answeredPoints(timeoutSeconds: timeout)
                guard !points.isEmpty else {
                    layout.paths.append([])
                    continue
                }
                var path = [geometry.point(range.lower, 0)]
                var previous = 0.0
                for point in points {
                    let x = Swift.max(point.seconds, range.lower)
                    path.append(geometry.point(x, previous))
                    path.append(geometry.point(x, point.fraction))
                    previous = point.fraction
                }
                // Without timeouts the last share holds to the right edge; with them the curve ends at the timeout.
                if curve.timedOut == 0 || timeout == nil { path.append(geometry.point(range.upper, previous)) }
                if twins[index] == nil {
                    canvas.polyline(path, Palette.series(index), width: 2)
                } else {
                    canvas.polyline(path, Palette.series(index), width: 2.2, dash: [6, 6])
                }
                placer.avoid(path)
                layout.paths.append(path)
            }
        }

        // Timed-out bars side by side right of the timeout line, from each curve's end to 100 %.
        var barX: [Int: Double] = [:]
        if let timeoutX, let timeout {
            for (index, curve) in curves.enumerated() where curve.timedOut > 0 && twins[index] == nil {
                let x = timeoutX + 5 + 7 * Double(barX.count)
                barX[index] = x
                let bottom = geometry.y.position(1 - curve.timedOutShare)
                let top = geometry.y.position(1)
                canvas.line(
                    from: geometry.point(timeout, 1 - curve.timedOutShare), to: ChartPoint(x: x, y: bottom),
                    Palette.series(index), width: 1, dash: [2, 2])
                canvas.line(
                    from: ChartPoint(x: x, y: bottom), to: ChartPoint(x: x, y: top), Palette.series(index), width: 4)
                placer.reserve(ChartRect(x: x - 2, y: top, width: 4, height: bottom - top))
            }
        }

        // Markers (reserved first), then labels in order of importance: timed-out shares, p95, p99, p50.
        // A percentile inside the timed-out share has no point on the curve: its label joins the bar's.
        var requests: [LabelRequest] = []
        var markerRequests: [[LabelRequest]] = [[], [], []]
        for (index, curve) in curves.enumerated() where curve.count > 0 && twins[index] == nil {
            var inGap: [String] = []
            for (order, marker) in curve.markers.enumerated() {
                if timeout != nil, curve.timedOut > 0, marker.fraction > 1 - curve.timedOutShare + 1e-9 {
                    inGap.append(marker.label)
                    continue
                }
                let center = geometry.point(Swift.max(marker.seconds, range.lower), marker.fraction)
                placer.reserve(ChartRect(x: center.x - 5, y: center.y - 5, width: 10, height: 10))
                canvas.circle(
                    at: center, radius: 4.5, fill: Palette.series(index), stroke: Palette.background, width: 1.2)
                markerRequests[order].append(
                    LabelRequest(lines: ["\(marker.label) \(text(marker.seconds, curve))"], at: center, curve: index))
            }
            if let x = barX[index], let timeout {
                var lines = ["\(NumberFormat.percent(curve.timedOutShare)) timed out"]
                if !inGap.isEmpty {
                    lines.append(inGap.joined(separator: ", ") + " ≥ " + NumberFormat.duration(timeout))
                }
                requests.append(
                    LabelRequest(
                        lines: lines, at: ChartPoint(x: x, y: geometry.y.position(1 - curve.timedOutShare / 2)),
                        curve: index, besideBar: true))
            }
        }
        requests += markerRequests[1] + markerRequests[2] + markerRequests[0]
        for request in requests {
            let spots = candidates(request, timeoutX: timeoutX, canvas: canvas)
            guard let box = placer.place(spots.near) ?? placer.place(spots.far) else { continue }
            let p = request.at
            let color = Palette.series(request.curve)
            if box.minY > p.y + 6 || box.maxY < p.y - 6,
                let (start, end) = LabelPlacer.leader(from: p, to: box, gap: 5, reach: 9)
            {
                // Moved away from its marker: a thin leader line keeps them together.
                canvas.line(from: start, to: end, color, width: 0.8)
            }
            canvas.fill(box.expanded(by: 1), Palette.background.withAlpha(0.85))
            let style = TextStyle(size: Self.labelStyle.size, bold: true, color: color)
            canvas.textLines(request.lines, at: ChartPoint(x: box.minX, y: box.minY), style)
            layout.labels.append((request.lines.joined(separator: " "), box, request.curve))
        }
        if let timeoutX, let timeout {
            let text = "timeout \(NumberFormat.duration(timeout))"
            let candidates = [
                canvas.textBox(
                    text, at: ChartPoint(x: timeoutX - 4, y: plot.maxY - 40), .annotation, align: .right,
                    vertical: .bottom),
                canvas.textBox(
                    text, at: ChartPoint(x: timeoutX + 4, y: plot.maxY - 40), .annotation, align: .left,
                    vertical: .bottom),
                canvas.textBox(
                    text, at: ChartPoint(x: timeoutX - 4, y: plot.midY), .annotation, align: .right, vertical: .bottom),
            ]
            if let box = placer.place(candidates) {
                canvas.fill(box.expanded(by: 1), Palette.background.withAlpha(0.85))
                canvas.text(text, at: ChartPoint(x: box.minX, y: box.minY), .annotation, vertical: .top)
                layout.labels.append((text, box, nil))
            }
        }
        if curves.allSatisfy({ $0.count == 0 }) {
            ChartChrome.drawMessage(
                "No requests finished in this run, so there is no response time to show.", on: canvas, in: plot)
        }
        return layout
    }
}
