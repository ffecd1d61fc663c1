import Testing

@testable import Reports

@Suite struct ChartRenderingTests {
    let renderer = ChartRenderer()
    var scale: Double { renderer.pixelScale }

    /// Renders `chart` as PNG bytes and pixels; checks signature and size.
    func render(_ chart: some Chart) throws -> RasterImage {
        let png = try renderer.data(chart, format: .png)
        #expect(Array(png.prefix(8)) == PixelProbe.pngSignature)
        let (width, height) = PixelProbe.pngSize(png)
        #expect(width == 1440 && height == 900)
        return try renderer.image(chart)
    }

    func cdfChart() throws -> LatencyCDFChart {
        LatencyCDFChart(
            curves: [LatencyCurve(result: try Fixtures.dedicatedRun(days: 1)), Fixtures.scaleToZeroCurve()],
            clientTimeoutSeconds: 600)
    }

    @Test func latencyCDFMarksP95WhereTheAxisMapsIt() throws {
        let chart = try cdfChart()
        let image = try render(chart)
        let geometry = ChartRenderer.withMeasuringCanvas {
            chart.render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
        }.geometry
        #expect(PixelProbe.inkedPixels(image, in: geometry.plot, scale: scale) > 5000)
        for (index, curve) in chart.curves.enumerated() {
            let marker = geometry.point(curve.p95Seconds, 0.95)
            #expect(geometry.plot.contains(ChartRect(x: marker.x, y: marker.y, width: 0, height: 0)))
            #expect(
                PixelProbe.close(PixelProbe.color(image, at: marker, scale: scale), Palette.series(index)),
                "p95 marker of \(curve.name) at \(marker)")
        }
        // The x axis is logarithmic: one decade is the same width everywhere.
        let decade1 = geometry.x.position(10) - geometry.x.position(1)
        let decade2 = geometry.x.position(100) - geometry.x.position(10)
        #expect(abs(decade1 - decade2) < 1e-6)
        // The timeout line is black and dashed at 600 s.
        let timeoutX = geometry.x.position(600)
        let dark = (0..<40).filter { step in
            let c = PixelProbe.color(
                image, at: ChartPoint(x: timeoutX, y: geometry.plot.midY + Double(step)), scale: scale)
            return c.red < 60 && c.green < 60 && c.blue < 60
        }
        #expect(dark.count > 10 && dark.count < 40)
    }

    @Test func timelineShadesColdStartsAndPlotsEveryPanel() throws {
        let series = Fixtures.scaleToZeroDay()
        let chart = TimelineChart(series: series)
        let image = try render(chart)
        let panels = ChartRenderer.withMeasuringCanvas {
            chart.render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
        }
        #expect(panels.count == 4)
        for panel in panels { #expect(PixelProbe.inkedPixels(image, in: panel.plot, scale: scale) > 500) }
        // Panels share the x axis: same left and right edges.
        #expect(Set(panels.map(\.plot.minX)).count == 1 && Set(panels.map(\.plot.maxX)).count == 1)
        // The middle of the last cold start, high in the GPU-node panel, is tinted vermillion.
        let span = try #require(series.coldStarts.last)
        let nodes = panels[3]
        let probe = ChartPoint(
            x: nodes.x.position((span.start + span.end) / 2), y: nodes.plot.minY + nodes.plot.height * 0.3)
        let c = PixelProbe.color(image, at: probe, scale: scale)
        #expect(Int(c.red) - Int(c.blue) > 25, "cold-start shading at \(probe): \(c)")
    }

    @Test func timelineSeriesFromAResultPicksTheBusiestDay() throws {
        let result = try Fixtures.dedicatedRun(days: 3)
        let series = TimelineSeries(result: result)
        let perDay = (0..<3).map { day in
            result.timeline.arrivals.enumerated().filter {
                Int(result.timeline.startSeconds(ofBucket: $0.offset) / 86_400) == day
            }
            .reduce(0) { $0 + Int($1.element) }
        }
        #expect(series.dayIndex == perDay.firstIndex(of: perDay.max()!))
        #expect(series.isBusiestDay && series.dayCount == 3)
        #expect(Int(series.totalArrivals) == perDay.max())
        #expect(series.gpuNodes.allSatisfy { $0 == 1 })
        #expect(series.coldStarts.isEmpty)
        let chosen = TimelineSeries(result: result, day: 0)
        #expect(chosen.dayIndex == 0 && !chosen.isBusiestDay && Int(chosen.totalArrivals) == perDay[0])
    }

    @Test func costBarsStackToTheTotal() throws {
        let chart = CostChart(options: Fixtures.costs)
        let image = try render(chart)
        let geometry = ChartRenderer.withMeasuringCanvas {
            chart.render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
        }
        #expect(PixelProbe.inkedPixels(image, in: geometry.plot, scale: scale) > 5000)
        let slot = geometry.plot.width / 2
        // Scale-to-zero's bottom segment is the pale grey system-node pool ($48.91).
        let systemNodes = ChartPoint(x: geometry.plot.minX + slot * 1.5 - 20, y: geometry.y.position(10))
        #expect(
            PixelProbe.close(
                PixelProbe.color(image, at: systemNodes, scale: scale), CostComponent.Kind.systemNodes.color))
        // Dedicated's idle segment (pale cyan, hatched) reaches up to its total, and not beyond.
        let total = Fixtures.costs[0].totalDollars
        let idle = CostComponent.Kind.gpuIdle.color
        let below = ChartRect(
            x: geometry.plot.minX + slot * 0.5 - 30, y: geometry.y.position(total) + 2, width: 20, height: 12)
        let above = ChartRect(
            x: geometry.plot.minX + slot * 0.5 - 30, y: geometry.y.position(total) - 40, width: 20, height: 12)
        #expect(PixelProbe.share(image, in: below, scale: scale, close: idle) > 0.5)
        #expect(PixelProbe.share(image, in: above, scale: scale, close: idle) == 0)
        #expect(chart.savingsSentence?.contains("3.2× cheaper") == true)
    }

    @Test func breakEvenFindsAndMarksTheCrossover() throws {
        let chart = BreakEvenChart(series: Fixtures.breakEven)
        let crossovers = Fixtures.breakEven.crossovers
        #expect(crossovers.count == 1)
        let crossing = try #require(crossovers.first)
        #expect(crossing.volume > 1000 && crossing.volume < 3000)
        #expect(crossing.cheaperBelow == "scale-to-zero" && crossing.cheaperAbove == "dedicated")
        let image = try render(chart)
        let geometry = ChartRenderer.withMeasuringCanvas {
            chart.render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
        }.geometry
        #expect(geometry.x.isLog)
        #expect(PixelProbe.inkedPixels(image, in: geometry.plot, scale: scale) > 3000)
        // Hollow marker: white centre, black ring 6 points out.
        let center = geometry.point(crossing.volume, crossing.monthlyDollars)
        #expect(PixelProbe.close(PixelProbe.color(image, at: center, scale: scale), Palette.background))
        let ring = PixelProbe.color(image, at: ChartPoint(x: center.x + 6, y: center.y), scale: scale)
        #expect(ring.red < 90 && ring.green < 90 && ring.blue < 90)
    }

    @Test func paretoFrontierKeepsOnlyUndominatedPoints() throws {
        let frontier = ParetoPoint.frontier(Fixtures.pareto).map(\.label)
        #expect(frontier == ["dedicated", "min 1 node, spot", "cooldown 900 s", "cooldown 300 s", "cooldown 60 s"])
        let chart = ParetoChart(points: Fixtures.pareto, latencyTargetSeconds: 60)
        let image = try render(chart)
        let geometry = ChartRenderer.withMeasuringCanvas {
            chart.render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
        }.geometry
        let dedicated = geometry.point(6.1, 257)
        #expect(PixelProbe.close(PixelProbe.color(image, at: dedicated, scale: scale), Palette.blue))
    }

    @Test func paretoAgainstTimeoutsUsesALinearShareAxis() throws {
        let points = [
            ParetoPoint(label: "cheap", monthlyDollars: 80, metric: 0.12),
            ParetoPoint(label: "middle", monthlyDollars: 150, metric: 0.04),
            ParetoPoint(label: "dominated", monthlyDollars: 200, metric: 0.09),
            ParetoPoint(label: "safe", monthlyDollars: 420, metric: 0.0),
        ]
        #expect(ParetoPoint.frontier(points).map(\.label) == ["safe", "middle", "cheap"])
        let chart = ParetoChart(points: points, metric: .share("timeout share"), latencyTargetSeconds: 60)
        #expect(chart.latencyTargetSeconds == nil, "a seconds target means nothing on a share axis")
        let image = try render(chart)
        let geometry = ChartRenderer.withMeasuringCanvas {
            chart.render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
        }.geometry
        #expect(!geometry.x.isLog)
        let zero = geometry.point(0, 420)
        let cheap = geometry.point(0.12, 80)
        #expect(abs(zero.x - geometry.plot.minX) < 0.5, "0 % sits on the left edge")
        #expect(cheap.x < geometry.plot.maxX && cheap.x > geometry.x.position(0.1))
        #expect(PixelProbe.close(PixelProbe.color(image, at: geometry.point(0.04, 150), scale: scale), Palette.blue))
    }

    @Test func paretoCostAxisStartsAtZeroUnlessTheCostsAreClose() {
        func yRange(_ costs: [Double]) -> (lower: Double, upper: Double) {
            let points = costs.enumerated().map {
                ParetoPoint(label: "#\($0)", monthlyDollars: $1, metric: 10 + Double($0))
            }
            let geometry = ChartRenderer.withMeasuringCanvas {
                ParetoChart(points: points).render(on: $0, in: ChartRect(x: 0, y: 0, width: 960, height: 600))
            }.geometry
            return (geometry.y.lower, geometry.y.upper)
        }
        // A KEDA grid: $253–$296 a month. Zoomed, with every point inside.
        let close = yRange([253, 262, 274, 285, 296])
        #expect(close.lower > 200 && close.lower < 253)
        #expect(close.upper > 296 && close.upper < 340)
        // Spread from $40 to $420: from zero.
        #expect(yRange([40, 150, 420]).lower == 0)
    }

    @Test func svgIsWellFormedAndPdfHasOnePage() throws {
        let chart = try cdfChart()
        let svg = String(decoding: try renderer.data(chart, format: .svg), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(DocumentChecks.svgIsBalanced(svg))
        let pdf = try renderer.data(chart, format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        #expect(DocumentChecks.pdfPageCount(pdf) == 1)
    }

    @Test(arguments: ChartFormat.allCases)
    func sameInputDrawsIdenticalBytes(format: ChartFormat) throws {
        let charts: [any Chart] = [
            try cdfChart(), TimelineChart(series: Fixtures.scaleToZeroDay()), CostChart(options: Fixtures.costs),
            BreakEvenChart(series: Fixtures.breakEven), ParetoChart(points: Fixtures.pareto),
        ]
        for chart in charts {
            let first = try renderer.data(chart, format: format)
            let second = try renderer.data(chart, format: format)
            #expect(first == second, "\(chart.fileStem).\(format.fileExtension) differs between renders")
            #expect(first.count > 1000)
        }
    }
}
