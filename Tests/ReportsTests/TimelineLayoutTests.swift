import Testing

@testable import Reports

/// The day timeline at day scale: pods averaged per bar instead of a minute-by-minute flicker,
/// overlapping cold starts counted, and a queue line that stands out.
@Suite struct TimelineLayoutTests {
    /// A day of one-minute buckets in which a pod is ready every other minute.
    static func flickeringDay() -> TimelineSeries {
        let pods = (0..<1440).map { Double($0 % 2) }
        return TimelineSeries(
            optionName: "flicker", windowSeconds: 86_400, bucketSeconds: 60, arrivals: pods, queueDepth: pods,
            readyPods: pods, gpuNodes: [Double](repeating: 1, count: 1440),
            coldStarts: [
                TimeSpan(start: 0, end: 600), TimeSpan(start: 300, end: 900), TimeSpan(start: 3600, end: 4200),
            ])
    }

    @Test func podsAreAveragedPerBarAtDayScale() throws {
        let chart = TimelineChart(series: Self.flickeringDay())
        // 1,440 minutes → 144 bars of 10 minutes; a pod ready half of each bar.
        #expect(chart.factor == 10)
        let pods = chart.aggregated(chart.series.readyPods, .mean)
        #expect(pods.width == 600 && pods.values.count == 144 && pods.values.allSatisfy { $0 == 0.5 })
        #expect(chart.aggregated(chart.series.readyPods, .max).values.allSatisfy { $0 == 1 })
        #expect(chart.aggregatedArrivals.values.allSatisfy { $0 == 5 })
        // Drawn as an area up to 0.5: filled green at a quarter pod, not at three quarters.
        let renderer = ChartRenderer()
        let image = try renderer.image(chart)
        let panels = ChartRenderer.withMeasuringCanvas {
            chart.render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
        }
        let podPanel = panels[2]
        let x = podPanel.x.position(50_000)
        let low = PixelProbe.color(
            image, at: ChartPoint(x: x, y: podPanel.y.position(0.25)), scale: renderer.pixelScale)
        let high = PixelProbe.color(
            image, at: ChartPoint(x: x, y: podPanel.y.position(0.75)), scale: renderer.pixelScale)
        #expect(Int(low.green) - Int(low.red) > 40, "area below the average: \(low)")
        #expect(abs(Int(high.green) - Int(high.red)) < 10, "no area above it: \(high)")
    }

    @Test func overlappingColdStartsAreCountedAndShadedDarker() {
        let chart = TimelineChart(series: Self.flickeringDay())
        let coverage = chart.coldStartCoverage.map { ($0.span.start, $0.span.end, $0.starting) }
        #expect(coverage.count == 4)
        #expect(coverage.map(\.0) == [0, 300, 600, 3600] && coverage.map(\.1) == [300, 600, 900, 4200])
        #expect(coverage.map(\.2) == [1, 2, 1, 1])
        let one = TimelineChart.coldStartShade(starting: 1)
        let several = TimelineChart.coldStartShade(starting: 3)
        #expect(several.alpha > one.alpha)
    }

    @Test func queueLineStandsOutOnThePanelAndOnTheShading() {
        let queue = TimelineChart.queueColor
        #expect(queue.contrastRatio(with: Palette.panel) >= 4.5)
        for starting in [1, 2] {
            let shade = TimelineChart.coldStartShade(starting: starting)
            let a = shade.alpha
            let shaded = Color(
                red: shade.red * a + Palette.panel.red * (1 - a),
                green: shade.green * a + Palette.panel.green * (1 - a),
                blue: shade.blue * a + Palette.panel.blue * (1 - a))
            #expect(queue.contrastRatio(with: shaded) >= 3, "queue line on \(starting) cold start(s)")
        }
    }
}
