import Analysis
import Glibc
import Testing

@testable import Reports

@Suite struct ChartLayerTests {
    @Test func fontconfigResolvesDejaVuToARealFile() throws {
        let file = try #require(FontLibrary.matchedFile())
        #expect(file.contains("DejaVu"))
        #expect(access(file, R_OK) == 0)
        #expect(FontLibrary.matchedFile(pattern: "DejaVu Sans:style=Bold").map { access($0, R_OK) == 0 } == true)
    }

    @Test func numberFormats() {
        #expect(NumberFormat.dollars(1234.4) == "$1,234")
        #expect(NumberFormat.dollars(12.5) == "$12.50")
        #expect(NumberFormat.dollars(0) == "$0")
        #expect(NumberFormat.dollarsTick(15_000) == "$15k")
        #expect(NumberFormat.duration(0.35) == "350 ms")
        #expect(NumberFormat.duration(90) == "90 s")
        #expect(NumberFormat.duration(300) == "5 min")
        #expect(NumberFormat.duration(5400) == "90 min")
        #expect(NumberFormat.duration(36_000) == "10 h")
        #expect(NumberFormat.percent(0.0072) == "0.72%")
        #expect(NumberFormat.percent(0.008) == "0.8%" && NumberFormat.percent(0.0081) == "0.81%")
        #expect(NumberFormat.percent(0.116_24) == "11.6%" && NumberFormat.percent(0.5) == "50%")
        #expect(
            NumberFormat.percent(0) == "0%" && NumberFormat.percent(1) == "100%"
                && NumberFormat.percent(0.000_01) == "<0.01%")
        #expect(NumberFormat.approximate(36_012.4) == "36,012" && NumberFormat.approximate(1.25e20) == "1.3e+20")
        #expect(NumberFormat.approximate(9.96e20) == "1e+21" && NumberFormat.approximate(.infinity) == "∞")
        #expect(
            NumberFormat.parameter(0.45) == "0.45" && NumberFormat.parameter(1) == "1"
                && NumberFormat.parameter(0.025) == "0.025")
        #expect(NumberFormat.duration(-0.5) == "−500 ms" && NumberFormat.duration(5.48) == "5.48 s")
        #expect(NumberFormat.ratio(3.16) == "3.2×")
        #expect(NumberFormat.clock(3600 * 6 + 60 * 5) == "06:05")
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "–")
        #expect(NumberFormat.roughly(1918) == "1,900")
        #expect(NumberFormat.roughly(0.437) == "0.44")
        #expect(NumberFormat.roughly(55) == "55")
        #expect(NumberFormat.roughly(5e-324) == "0")  // once a trap: its step 10⁻³²⁵ is 0 in a Double
        #expect(
            NumberFormat.count(-1) == "–" && NumberFormat.count(Double.nan) == "–"
                && NumberFormat.count(1234.0) == "1,234")
    }

    @Test func linearTicksAreNiceAndCoverTheRange() {
        let t = TickGenerator.linear(lower: 0, upper: 257, unit: .dollars, target: 6, widen: true)
        #expect(t.ticks == [0, 50, 100, 150, 200, 250, 300])
        let clock = TickGenerator.linear(lower: 0, upper: 86_400, unit: .clock, target: 10, widen: false)
        #expect(clock.step == 10_800)
        #expect(clock.ticks.first == 0 && clock.ticks.last == 86_400)
        let counts = TickGenerator.linear(lower: 0, upper: 1.15, unit: .count, target: 4, widen: true)
        #expect(counts.ticks == [0, 1, 2])
    }

    @Test func logTimeTicksUseTimeFriendlyValues() {
        let t = TickGenerator.log(lower: 0.2, upper: 600, unit: .seconds, target: 4)
        #expect(t.ticks.contains(1) && t.ticks.contains(10) && t.ticks.contains(60) && t.ticks.contains(600))
        let bounds = TickGenerator.logBounds(lower: 0.3, upper: 70, unit: .seconds)
        #expect(bounds.0 == 0.2 && bounds.1 == 120)
    }

    @Test func logScaleMapsDecadesEvenly() {
        let scale = AxisScale(lower: 1, upper: 1000, start: 0, end: 300, isLog: true)
        #expect(abs(scale.position(10) - 100) < 1e-9)
        #expect(abs(scale.position(100) - 200) < 1e-9)
        #expect(abs(scale.value(at: 200) - 100) < 1e-9)
        #expect(scale.position(0) == 0)
    }

    @Test func thinnedTickLabelsNeverOverlap() {
        let boxes = (0..<20).map { ChartRect(x: Double($0) * 20, y: 0, width: 35, height: 10) }
        let kept = PlotAxes.thinned(boxes, vertical: false, within: ChartRect(x: -10, y: -10, width: 1000, height: 100))
        #expect(kept.count >= 5)
        for (a, b) in zip(kept, kept.dropFirst()) { #expect(!boxes[a].intersects(boxes[b])) }
        #expect(kept.first == 0)
    }

    @Test func labelPlacerRejectsCollisionsAndOutOfBounds() {
        let placer = LabelPlacer(bounds: ChartRect(x: 0, y: 0, width: 100, height: 100))
        placer.reserve(ChartRect(x: 10, y: 10, width: 20, height: 20))
        #expect(placer.place([ChartRect(x: 15, y: 15, width: 10, height: 10)]) == nil)
        #expect(placer.place([ChartRect(x: 95, y: 50, width: 10, height: 10)]) == nil)
        let second = ChartRect(x: 50, y: 50, width: 10, height: 10)
        #expect(placer.place([ChartRect(x: 15, y: 15, width: 10, height: 10), second]) == second)
    }

    @Test func labelPlacerKeepsLabelsOffCurvesWhenItCan() {
        let placer = LabelPlacer(bounds: ChartRect(x: 0, y: 0, width: 100, height: 100))
        placer.avoid([ChartPoint(x: 0, y: 50), ChartPoint(x: 100, y: 50)])  // a horizontal line across
        let onLine = ChartRect(x: 10, y: 45, width: 30, height: 10)
        let below = ChartRect(x: 10, y: 60, width: 30, height: 10)
        #expect(placer.place([onLine, below]) == below)
        // Only candidates on curves: the first free one still gets the label.
        placer.avoid([ChartPoint(x: 0, y: 0), ChartPoint(x: 100, y: 100)])  // a diagonal
        let onDiagonal = ChartRect(x: 70, y: 70, width: 20, height: 10)
        #expect(placer.place([onLine, onDiagonal]) == onLine)
        // Beside the diagonal, above the line.
        #expect(!placer.coversCurve(ChartRect(x: 60, y: 5, width: 30, height: 10)))
    }

    @Test func wrappedTextFitsTheWidth() {
        ChartRenderer.withMeasuringCanvas { canvas in
            let lines = canvas.wrap(
                "see https://cloud.google.com/compute/vm-instance-pricing#accelerator-optimized for the price",
                width: 120, .tick)
            #expect(lines.count > 2)
            for line in lines { #expect(canvas.measure(line, .tick).width <= 120.5) }
        }
    }

    @Test func svgIdsDoNotDependOnEarlierSurfaces() {
        let a = SVGCleaner.normalize(
            Array(##"<g id="surface17"><use xlink:href="#surface17"/><x id="surface3"/></g>"##.utf8))
        #expect(
            String(decoding: a, as: UTF8.self)
                == ##"<g id="surface1"><use xlink:href="#surface1"/><x id="surface2"/></g>"##)
    }
}
