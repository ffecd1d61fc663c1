import Testing
import Simulator
@testable import CostModel

@Suite("Billing rules: increments and minimum charges")
struct BillingRulesTests {
    @Test("GCP/AWS: per second after a 60 s minimum", arguments: [
        (20.0, Int64(60)), (0.0, 60), (59.999, 60), (60.0, 60), (60.2, 61), (61.0, 61), (7200.0, 7200),
        (7200.000000001, 7200),  // float noise is absorbed by the microsecond rounding
    ])
    func perSecondWithMinimum(seconds: Double, billed: Int64) throws {
        #expect(try BillingRules.billedSeconds(forDuration: seconds, incrementSeconds: 1, minimumSeconds: 60) == billed)
    }

    @Test("Azure as recorded: per second after 300 s; coarser increments round up")
    func otherGranularities() throws {
        #expect(try BillingRules.billedSeconds(forDuration: 100, incrementSeconds: 1, minimumSeconds: 300) == 300)
        #expect(try BillingRules.billedSeconds(forDuration: 301.5, incrementSeconds: 1, minimumSeconds: 300) == 302)
        #expect(try BillingRules.billedSeconds(forDuration: 61, incrementSeconds: 60, minimumSeconds: 0) == 120)
        #expect(try BillingRules.billedSeconds(forDuration: 3600, incrementSeconds: 3600, minimumSeconds: 0) == 3600)
    }

    @Test("invalid durations are errors, not traps", arguments: [-1.0, .nan, .infinity, 1e12])
    func invalidDurations(seconds: Double) {
        #expect(throws: CostModelError.self) {
            try BillingRules.billedSeconds(forDuration: seconds, incrementSeconds: 1, minimumSeconds: 60)
        }
    }

    @Test("a 20 s VM run costs a full minute")
    func twentySecondRun() throws {
        let calculator = CostCalculator(catalog: try PriceCatalog.bundled(), snapshot: .article)
        let charge = try calculator.charge(TestSupport.run(.articleGPU, seconds: 20))
        #expect(charge.billedSeconds == 60)
        // (0.236606 + 0.35) $/h × 60 s = 0.00977676666… → 0.003943433 + 0.005833333 nano-rounded per SKU
        #expect(charge.machineCost.nanoDollars == 3_943_433)
        #expect(charge.gpuCost.nanoDollars == 5_833_333)
        let minute = try calculator.charge(TestSupport.run(.articleGPU, seconds: 60))
        #expect(charge.total == minute.total)
    }

    @Test("two runs of 30 s cost two minutes; one run of 60 s costs one")
    func twoShortRuns() throws {
        let calculator = CostCalculator(catalog: try PriceCatalog.bundled(), snapshot: .article, rules: .article)
        let node = NodeSpec.articleSystemNode
        let two = try calculator.price(
            BilledUsage(
                optionName: "two", managedCluster: false, horizonSeconds: 3600,
                nodeRuns: [
                    TestSupport.run(node, id: 0, seconds: 30), TestSupport.run(node, id: 1, start: 100, seconds: 30),
                ]))
        let one = try calculator.price(
            BilledUsage(
                optionName: "one", managedCluster: false, horizonSeconds: 3600,
                nodeRuns: [
                    TestSupport.run(node, seconds: 60)
                ]))
        #expect(two.simulated.total == one.simulated.total * 2)
        #expect(two.bySKU.first?.billedUnitSeconds == 120)
        #expect(two.bySKU.first?.usedUnitSeconds == 60)
        // 0.033503 $/h × 60 s = 0.00055838333… → 558 383 nano per run.
        #expect(one.simulated.total.nanoDollars == 558_383)
    }
}
