import Analysis
import CostModel
import Testing
@testable import Reports

/// `OptionCost(report:)` maps CostModel's exact money into the chart's dollar components.
@Suite struct CostReportMappingTests {
    @Test func articleTableMapsComponentByComponent() throws {
        let estimate = try ArticleEstimate.compute(catalog: PriceCatalog.bundled(), snapshot: .article)
        let dedicated = OptionCost(report: estimate.dedicated)
        let scaleToZero = OptionCost(report: estimate.scaleToZero)
        #expect(dedicated.optionName == estimate.dedicated.optionName)
        #expect(abs(dedicated.totalDollars - estimate.dedicated.monthlyTotal.approximateDollars) < 1e-6)
        #expect(abs(scaleToZero.totalDollars - estimate.scaleToZero.monthlyTotal.approximateDollars) < 1e-6)
        let idle = try #require(dedicated.components.first { $0.kind == .gpuIdle })
        #expect(abs(idle.dollars - 387.16) < 0.01)
        let system = try #require(scaleToZero.components.first { $0.kind == .systemNodes })
        #expect(abs(system.dollars - 48.24) < 0.01)

        let input = ReportInput(
            scenarioName: "article", results: [], costReports: [estimate.dedicated, estimate.scaleToZero],
            baselineOptionName: estimate.dedicated.optionName)
        #expect(NumberFormat.dollars(scaleToZero.totalDollars) == "$57.83")
        #expect(
            CostPhrase.compare(option: scaleToZero.totalDollars, baseline: dedicated.totalDollars) == "7.3× cheaper")
        let chart = CostChart(options: input.costs, baselineName: input.baselineOptionName)
        #expect(try ChartRenderer().data(chart, format: .png).count > 1000)
        if let directory = Environment.value("COSTSIM_PREVIEW_DIR") {
            try ChartRenderer().write(chart, format: .png, to: directory + "/article-cost.png")
        }
    }

    @Test func catalogPricesBecomeAssumptionRows() throws {
        let rows = try PriceCatalog.bundled().rows().prefix(3)
        #expect(!rows.isEmpty)
        for row in rows {
            let assumption = AssumptionRow(price: row)
            #expect(assumption.item.contains(row.sku))
            #expect(assumption.value.hasPrefix("$"))
            #expect(!assumption.source.isEmpty && !assumption.date.isEmpty)
        }
    }
}
