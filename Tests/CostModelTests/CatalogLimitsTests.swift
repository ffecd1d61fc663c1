import Foundation
import Testing
import Simulator
@testable import CostModel

@Suite("Catalog limits, snapshot checks and overflow-free means")
struct CatalogLimitsTests {
    @Test("the price bound leaves room for a 5 000-node cluster of machine + GPU at the bound for a 31-day month")
    func priceBoundArithmetic() throws {
        // Kubernetes' documented scalability limit is 5 000 nodes; the longest month is 744 h.
        let rowMonth = try #require(CatalogLimits.maximumPricePerHour.charge(forHours: 744))
        #expect(rowMonth == TestSupport.dollars("744000"))
        let cluster = rowMonth.nanoDollars.multipliedReportingOverflow(by: 2 * 5_000)
        #expect(!cluster.overflow)
        #expect(cluster.partialValue == 7_440_000_000 * Money.nanoDollarsPerDollar)
        // Money holds 12 397 row-months at the bound.
        #expect(Int64.max / rowMonth.nanoDollars == 12_397)
        // The bound itself is far inside HourlyRate's range, so prices parse without overflow.
        #expect(CatalogLimits.maximumPricePerHour.femtoDollarsPerHour < Int64.max / 9)
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
        var row = PriceRow(snapshot: "s", effectiveDate: "2026-01-01", provider: .gcp, region: "r", kind: .machine, sku: "m",
                           capacity: .onDemand, pricePerHour: TestSupport.rate("0.1"), billingIncrementSeconds: .max)
        #expect(throws: CostModelError.invalidCatalogRow(path: "memory", table: "price", row: 1, key: "s/gcp/r/machine/m/on-demand",
                                                         column: "billing_increment_s", value: "9223372036854775807",
                                                         reason: "9223372036854775807 is outside 1…86400 s (at most one day)")) {
            try PriceCatalog(rows: [row])
        }
        row.billingIncrementSeconds = 1
        row.effectiveDate = "2026-02-29"
        do {
            try PriceCatalog.writeDatabase([row], to: "/nonexistent-dir/never.sqlite")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("column 'effective_date': '2026-02-29' is not valid: not a calendar date: February 2026 has 28 days"))
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
        #expect(throws: CostModelError.noPricesAsOf(date: "2022-12-31", earliest: "2023-01-01")) { try catalog.validate(.asOf("2022-12-31")) }
        #expect(throws: CostModelError.invalidDate("2026-02-30")) { try catalog.validate(.asOf("2026-02-30")) }
        #expect(throws: CostModelError.unknownSnapshot("2019", known: ["article-2023", "2026-11-29"])) { try catalog.validate(.named("2019")) }
        let usage = BilledUsage(optionName: "x", managedCluster: false, horizonSeconds: 60, nodeRuns: [TestSupport.run(.articleGPU, seconds: 60)])
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
