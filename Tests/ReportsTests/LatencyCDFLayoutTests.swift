import Analysis
import Testing

@testable import Reports

/// The CDF's geometry at the report's A4 chart size and the default PNG size: timed-out
/// requests end the curve at the timeout and get a labelled bar, coinciding curves are told
/// apart, the x axis starts near the data, and every p95/p99 label is placed without collisions.
@Suite struct LatencyCDFLayoutTests {
    /// The frame a chart page of the A4 report gives a chart, and the default chart size.
    static let frames = [
        ChartRect(x: 12, y: 12, width: ChartSize.a4Landscape.width - 24, height: ChartSize.a4Landscape.height - 44),
        ChartRect(x: 0, y: 0, width: 960, height: 600),
    ]

    let chart = LatencyCDFChart(curves: Fixtures.fourOptionCurves(), clientTimeoutSeconds: 60)

    func layout(_ frame: ChartRect) -> LatencyCDFChart.Layout {
        ChartRenderer.withMeasuringCanvas { chart.render(on: $0, in: frame) }
    }

    @Test(arguments: frames)
    func curvesEndAtTheTimeoutWithTheTimedOutShareLabelled(frame: ChartRect) throws {
        let layout = layout(frame)
        let g = layout.geometry
        let timeoutX = g.x.position(60)
        for (index, curve) in chart.curves.enumerated() where curve.timedOut > 0 {
            let path = layout.paths[index]
            let end = try #require(path.last)
            let expected = g.point(60, 1 - Double(curve.timedOut) / Double(curve.count))
            #expect(abs(end.x - expected.x) < 0.01 && abs(end.y - expected.y) < 0.01, "\(curve.name) ends at \(end)")
            #expect(path.allSatisfy { $0.x <= timeoutX + 0.01 }, "\(curve.name) goes past the timeout")
            if layout.twins[index] == nil {
                let text = NumberFormat.percent(Double(curve.timedOut) / Double(curve.count)) + " timed out"
                #expect(
                    layout.labels.contains { $0.text.hasPrefix(text) && $0.curve == index }, "\(curve.name): \(text)")
            }
        }
        // scale-to-zero: about 12 % time out, so its curve tops out near 88 %.
        let share = Double(chart.curves[1].timedOut) / Double(chart.curves[1].count)
        #expect(share > 0.09 && share < 0.15)
    }

    @Test(arguments: frames)
    func everyP95AndP99LabelSurvivesWithoutCollisions(frame: ChartRect) {
        let layout = layout(frame)
        let plot = layout.geometry.plot
        for (index, curve) in chart.curves.enumerated() where layout.twins[index] == nil {
            for marker in ["p95", "p99"] {
                // On the curve ("p95 30.2 s"), or with the timed-out bar ("12.7% timed out p95, p99 ≥ 60 s").
                let labelled = layout.labels.contains {
                    $0.curve == index && ($0.text.hasPrefix(marker + " ") || $0.text.contains(marker))
                }
                #expect(labelled, "\(curve.name) \(marker)")
            }
        }
        for (i, a) in layout.labels.enumerated() {
            #expect(plot.contains(a.box), "\(a.text) leaves the plot")
            for b in layout.labels[(i + 1)...] { #expect(!a.box.intersects(b.box), "\(a.text) overlaps \(b.text)") }
        }
        #expect(LatencyCDFChart.labelStyle.size >= 8, "labels stay legible on an A4 print (drawn 1:1 in points)")
    }

    @Test func coincidingCurvesAreDashedAndNamed() {
        let layout = layout(Self.frames[0])
        #expect(layout.twins == [nil, nil, 0, nil])
        let legend = chart.legendEntries(twins: layout.twins)
        #expect(legend[2].label.hasPrefix("warm-pool (dashed) — identical to dedicated"))
        #expect(legend[2].swatch == .dashedLine && legend[0].swatch == .line)
        // 3 % slower is a separate curve: at the median about 1.2 % fewer requests are answered.
        let slower = Fixtures.logNormalCurve(
            name: "slower", median: 5.5, spread: 1.0, timeout: 60, seed: 11, stretch: 1.03)
        #expect(!slower.coincides(with: chart.curves[0], timeoutSeconds: 60))
    }

    @Test func xAxisStartsNearTheData() throws {
        let layout = layout(Self.frames[0])
        // The fastest option reaches 0.5 % of its requests here; the axis starts at most one nice step below it.
        let start = try #require(chart.curves.compactMap { $0.seconds(reaching: 0.005) }.min())
        #expect(
            layout.geometry.x.lower <= start && layout.geometry.x.lower > start / 3,
            "axis from \(layout.geometry.x.lower) s, data from \(start) s")
    }
}
