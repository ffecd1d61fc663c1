import Testing
import Simulator
@testable import CostModel

@Suite("The article's cost table, to the cent")
struct ArticleEstimateTests {
    @Test("article prices: $422.36 vs $48.24 + $9.59 = $57.83, ratio 7.3×")
    func articleTable() throws {
        let estimate = try ArticleEstimate.compute(catalog: PriceCatalog.bundled(), snapshot: .article)
        #expect(estimate.dedicatedHourly.dollarsPerHourText == "0.586606")
        #expect(estimate.dedicated.monthlyTotal.formatted == "$422.36")
        #expect(estimate.dedicated.monthlyTotal == TestSupport.dollars("422.35632"))
        #expect(estimate.systemNodeHourly.dollarsPerHourText == "0.033503")
        #expect(estimate.systemPoolMonthly.formatted == "$48.24")
        #expect(estimate.spotGPUHourly.dollarsPerHourText == "0.159812")
        #expect(estimate.spotGPUMonthly.formatted == "$9.59")
        #expect(estimate.scaleToZero.monthlyTotal.formatted == "$57.83")
        #expect(estimate.scaleToZero.monthlyTotal == TestSupport.dollars("57.83304"))
        let ratio = try #require(estimate.comparison.savingsRatio)
        #expect(ArticleEstimate.oneDecimal(ratio) == "7.3")
        #expect(abs(ratio - 7.30303) < 0.00001)
        #expect(estimate.days == 30)
        #expect(estimate.clusterFeeMonthly == nil)  // the article snapshot has no fee row
        // The dedicated VM serves 60 of its 720 hours: $387.16 of $422.36 pays for idle time.
        #expect(estimate.dedicated.perMonth.gpuByState[.idle].formatted == "$387.16")
    }

    @Test("the printed lines carry the article's arithmetic")
    func printedLines() throws {
        let lines = try ArticleEstimate.compute(catalog: PriceCatalog.bundled(), snapshot: .article).lines
        #expect(lines.contains("Option 1, dedicated: n1-highmem-4 + T4 on-demand = $0.586606/h × 720 h = $422.36"))
        #expect(lines.contains("  2 × e2-medium = 2 × $0.033503/h × 720 h = $48.24"))
        #expect(lines.contains("  spot n1-highmem-4 + T4 = $0.159812/h × 2 h/day × 30 days = $9.59"))
        #expect(lines.contains("  total = $57.83"))
        #expect(lines.contains("Ratio: $422.36 / $57.83 = 7.3×"))
    }

    @Test("current prices: the same dedicated VM, dearer spot, plus the GKE fee")
    func currentPrices() throws {
        let estimate = try ArticleEstimate.compute(catalog: PriceCatalog.bundled(), snapshot: .latest)
        #expect(estimate.dedicated.monthlyTotal.formatted == "$422.36")
        #expect(estimate.spotGPUHourly.dollarsPerHourText == "0.258444")
        #expect(estimate.spotGPUMonthly.formatted == "$15.51")  // 0.258444 × 60 = 15.50664
        #expect(estimate.systemPoolMonthly.formatted == "$48.25")  // 2 × 0.03350571 × 720 = 48.2482224
        #expect(estimate.scaleToZero.monthlyTotal.formatted == "$63.75")
        #expect(estimate.clusterFeeMonthly?.formatted == "$72.00")
    }
}
