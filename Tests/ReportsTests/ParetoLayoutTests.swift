import Testing

@testable import Reports

/// Pareto labels: every frontier point is named by its settings (or tagged and described in
/// the footnote), and no two labels overlap or leave the plot.
@Suite struct ParetoLayoutTests {
    static let frames = [
        ChartRect(x: 0, y: 0, width: 960, height: 600), ChartRect(x: 0, y: 0, width: 640, height: 400),
    ]

    @Test(arguments: frames)
    func everyFrontierPointIsLabelledWithoutCollisions(frame: ChartRect) {
        let chart = ParetoChart(points: Fixtures.kedaGrid, latencyTargetSeconds: 60)
        let layout = ChartRenderer.withMeasuringCanvas { chart.render(on: $0, in: frame) }
        let frontier = ParetoPoint.frontier(Fixtures.kedaGrid)
        #expect(frontier.count >= 4)
        for (index, point) in frontier.enumerated() {
            let label = layout.labels.first { $0.point == point }
            #expect(label != nil, "\(point.label) has no label")
            if layout.keyed.contains(index) {
                #expect(label?.text == point.label)
            } else {
                // Named by the settings that vary across the grid, short names first.
                let cooldown = point.settings[1].value
                let polling = point.settings[0].value
                #expect(
                    label?.text.contains("cooldownPeriod \(cooldown)") == true
                        && label?.text.contains("pollingInterval \(polling)") == true,
                    "\(label?.text ?? "-")")
            }
        }
        let plot = layout.geometry.plot
        for (i, a) in layout.labels.enumerated() {
            #expect(plot.contains(a.box), "\(a.text) leaves the plot")
            for b in layout.labels[(i + 1)...] { #expect(!a.box.intersects(b.box), "\(a.text) overlaps \(b.text)") }
        }
    }

    @Test func descriptionsLeaveOutSettingsEveryPointShares() {
        let chart = ParetoChart(points: [])
        let a = ParetoPoint(
            label: "#1", monthlyDollars: 1, metric: 1,
            settings: [
                .init(name: "keda.cooldownPeriod", value: "60s"),
                .init(name: "node.spot", value: "true"),
            ])
        let b = ParetoPoint(
            label: "#2", monthlyDollars: 2, metric: 2,
            settings: [
                .init(name: "keda.cooldownPeriod", value: "300s"),
                .init(name: "node.spot", value: "true"),
            ])
        #expect(chart.description(b, among: [a, b]) == "#2 cooldownPeriod 300s")
        #expect(chart.description(b, among: [b]) == "#2 cooldownPeriod 300s, spot true")
        #expect(
            chart.description(ParetoPoint(label: "dedicated", monthlyDollars: 1, metric: 1), among: [a]) == "dedicated")
    }
}
