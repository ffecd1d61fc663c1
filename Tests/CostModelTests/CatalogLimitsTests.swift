import Foundation
import Testing
import Simulator
@testable import CostModel

@Suite("Catalog limits, snapshot checks and overflow-free means")
struct CatalogLimitsTests {
    /// Rows at the price bound, 1 000 USD/h, for a 31-day month (744 h = 2 678 400 s).
    /// - A 5 000-node cluster (Kubernetes' documented limit) of machine + one GPU, both at the
    ///   bound: 2 × 5 000 × 744 000 USD = 7 440 000 000 USD, priced exactly.
    /// - Money holds 9 223 372 036.85 USD: ⌊9 223 372 036.85 / 744 000⌋ = 12 397 machine-months fit
    ///   (9 223 368 000 USD); one more is an overflow error naming what overflowed, not a trap.
    /// - A price one unit above the bound is refused, naming the row, the column and the bound.
    @Test(
        "at the price bound: a 5 000-node month prices exactly, Money's range ends in an error, a dearer row is refused"
    )
    func priceBound() throws {
        let month = 744.0 * 3600
        let calculator = CostCalculator(catalog: try BadCatalogInputTests.dearCatalog(), snapshot: .latest,
                                        rules: BillingRules(clusterFee: .none))
        func usage(nodes: Int, gpus: Int) -> BilledUsage {
            BilledUsage(optionName: "dear", managedCluster: false, horizonSeconds: month, nodeRuns: (0..<nodes).map {
                TestSupport.run(BadCatalogInputTests.dearNode(gpus: gpus), id: $0, seconds: month)
            })
        }
        #expect(try calculator.price(usage(nodes: 5_000, gpus: 1)).simulated.total == TestSupport.dollars("7440000000"))
        #expect(try calculator.price(usage(nodes: 12_397, gpus: 0)).simulated.total
                == TestSupport.dollars("9223368000"))
        do {
            _ = try calculator.price(usage(nodes: 12_398, gpus: 0))
            Issue.record("12 398 machine-months at the bound did not overflow")
        } catch {
            #expect(error.description.hasPrefix("amount out of range:"), "\(error)")
        }

        let dearer = HourlyRate(femtoDollarsPerHour: CatalogLimits.maximumPricePerHour.femtoDollarsPerHour + 1)
        let row = PriceRow(snapshot: "s", effectiveDate: "2026-01-01", provider: .gcp, region: "r", kind: .machine,
                           sku: "m", capacity: .onDemand, pricePerHour: dearer)
        do {
            _ = try PriceCatalog(rows: [row])
            Issue.record("a price above the bound was accepted")
        } catch {
            #expect(error.description.contains("price_per_hour"), "\(error)")
            #expect(error.description.contains("above the maximum 1000 USD/h"), "\(error)")
        }
    }

    @Test("the billing bounds keep billed-time arithmetic far from overflow")
    func billingBounds() throws {
        // The longest run BillingRules accepts (100 years), at the largest increment and minimum.
        let billed = try BillingRules.billedSeconds(
            forDuration: 3_155_759_000.5, incrementSeconds: CatalogLimits.billingIncrementSeconds.upperBound,
            minimumSeconds: CatalogLimits.billingMinimumSeconds.upperBound)
        #expect(billed == 3_155_760_000)  // 36 525 whole days
        #expect(CatalogLimits.maximumPricePerHour.charge(forSeconds: billed) != nil)
    }

    @Test("in-memory catalogs and written files get the same row checks")
    func rowsBuiltInCode() throws {
        var row = PriceRow(
            snapshot: "s", effectiveDate: "2026-01-01", provider: .gcp, region: "r", kind: .machine, sku: "m",
            capacity: .onDemand, pricePerHour: TestSupport.rate("0.1"), billingIncrementSeconds: .max)
        #expect(
            throws: CostModelError.invalidCatalogRow(
                path: "memory", table: "price", row: 1, key: "s/gcp/r/machine/m/on-demand",
                column: "billing_increment_s", value: "9223372036854775807",
                reason: "9223372036854775807 is outside 1…86400 s (at most one day)")
        ) {
            try PriceCatalog(rows: [row])
        }
        row.billingIncrementSeconds = 1
        row.effectiveDate = "2026-02-29"
        do {
            try PriceCatalog.writeDatabase([row], to: "/nonexistent-dir/never.sqlite")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description.contains(
                    "column 'effective_date': '2026-02-29' is not valid: not a calendar date: February 2026 has 28 days"
                ))
        }
        row.effectiveDate = "2026-01-01"
        #expect(throws: CostModelError.self) { try PriceCatalog(rows: [row, row]) }
        #expect(try PriceCatalog(rows: [row]).rows() == [row])
    }

    @Test("a snapshot or date that selects nothing fails before pricing, with one clear message")
    func snapshotSelection() throws {
        let catalog = try PriceCatalog.bundled()
        try catalog.validate(.latest)
        try catalog.validate(.article)
        try catalog.validate(.asOf("2023-01-01"))
        #expect(throws: CostModelError.noPricesAsOf(date: "2022-12-31", earliest: "2023-01-01")) {
            try catalog.validate(.asOf("2022-12-31"))
        }
        #expect(throws: CostModelError.invalidDate("2026-02-30")) { try catalog.validate(.asOf("2026-02-30")) }
        #expect(throws: CostModelError.unknownSnapshot("2019", known: ["article-2023", "2026-11-29", "2026-12-06"])) {
            try catalog.validate(.named("2019"))
        }
        let usage = BilledUsage(
            optionName: "x", managedCluster: false, horizonSeconds: 60,
            nodeRuns: [TestSupport.run(.articleGPU, seconds: 60)])
        #expect(throws: CostModelError.noPricesAsOf(date: "2020-01-01", earliest: "2023-01-01")) {
            try CostCalculator(catalog: catalog, snapshot: .asOf("2020-01-01")).price(usage)
        }
    }

    @Test("means are exact, rounded down, and never overflow")
    func means() {
        #expect(Money.mean([]) == .zero)
        #expect(Money.mean([Money(nanoDollars: 1), Money(nanoDollars: 2)]) == Money(nanoDollars: 1))
        #expect(Money.mean([Money(nanoDollars: -1), Money(nanoDollars: -2)]) == Money(nanoDollars: -2))
        let top = Money(nanoDollars: .max)
        #expect(Money.mean([top, top, top]) == top)
        #expect(Money.mean([top, Money(nanoDollars: .max - 1)]) == Money(nanoDollars: .max - 1))
        #expect(Money.mean([Money(nanoDollars: .min), top]) == Money(nanoDollars: -1))
    }
}
