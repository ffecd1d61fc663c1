import Testing

@testable import Reports

/// Break-even labels: each names the two options that cost the same, lies inside the plot,
/// touches no curve and no other label, and appears once.
@Suite struct BreakEvenLayoutTests {
    static let frames = [
        ChartRect(x: 12, y: 12, width: ChartSize.a4Landscape.width - 24, height: ChartSize.a4Landscape.height - 44),
        ChartRect(x: 0, y: 0, width: 960, height: 600), ChartRect(x: 0, y: 0, width: 480, height: 320),
    ]

    static let series = [Fixtures.fourOptionBreakEven, Fixtures.breakEven, Fixtures.tangledBreakEven]

    @Test(arguments: frames, series)
    func labelsNameBothOptionsAndStayClear(frame: ChartRect, series: BreakEvenSeries) {
        let chart = BreakEvenChart(series: series)
        let layout = ChartRenderer.withMeasuringCanvas { chart.render(on: $0, in: frame) }
        let crossovers = chart.labelledCrossovers
        #expect(layout.labels.count + layout.keyed.count == crossovers.count, "every crossover is labelled or numbered")
        #expect(Set(layout.labels.map(\.text)).count == layout.labels.count, "no duplicate labels")
        let plot = layout.geometry.plot
        for (i, label) in layout.labels.enumerated() {
            #expect(plot.contains(label.box), "\(label.text) leaves the plot")
            for curve in layout.curves {
                for (a, b) in zip(curve, curve.dropFirst()) {
                    #expect(!LabelPlacer.segment(from: a, to: b, crosses: label.box), "\(label.text) sits on a curve")
                }
            }
            for other in layout.labels[(i + 1)...] {
                #expect(!label.box.intersects(other.box), "\(label.text) / \(other.text)")
            }
        }
        // Each label (or footnote entry) says which two options cross.
        for crossover in crossovers {
            let text = chart.labelLines(crossover).joined(separator: " ")
            #expect(text.hasPrefix("\(crossover.cheaperBelow) = \(crossover.cheaperAbove) at ≈ "))
        }
        for label in layout.labels {
            #expect(crossovers.contains { chart.labelLines($0).joined(separator: " ") == label.text })
        }
    }

    @Test func theBundledCurvesGetADirectLabelForEveryCrossing() {
        let chart = BreakEvenChart(series: Fixtures.fourOptionBreakEven)
        // knative/warm-pool, knative/dedicated, scale-to-zero/warm-pool, scale-to-zero/dedicated, warm-pool/dedicated.
        #expect(chart.series.crossovers.count == 5 && chart.labelledCrossovers.count == 5)
        let layout = ChartRenderer.withMeasuringCanvas { chart.render(on: $0, in: Self.frames[0]) }
        #expect(layout.keyed.isEmpty && layout.labels.count == 5)
    }
}
