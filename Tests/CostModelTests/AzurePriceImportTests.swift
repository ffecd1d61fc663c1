import Foundation
import Testing

@testable import CostModel

@Suite("pricing import: Azure Retail Prices pages, paged with NextPageLink")
struct AzurePriceImportTests {
    typealias Support = ProviderImportSupport
    static let pages = ["azure-retail-prices-page1.json", "azure-retail-prices-page2.json"]

    @Test("Linux consumption meters become on-demand and spot rows; AKS meters the tier fees")
    func rows() throws {
        let imported = try Support.read(Self.pages)
        let rows = imported.rows
        let t4 = try #require(Support.row(rows, "eastus", "Standard_NC4as_T4_v3"))
        #expect(t4.pricePerHour == TestSupport.rate("0.526") && t4.billingMinimumSeconds == 300)
        #expect(t4.vcpus == 4 && t4.memoryGiB == "28" && t4.gpuModel == "T4" && t4.gpuCount == 1)
        #expect(
            t4.sourceURL
                == "https://prices.azure.com/api/retail/prices?$filter=meterId eq "
                + "'1a2b3c4d-0001-4a5b-8c9d-000000000001'"
        )
        #expect(t4.sourceDate == "2020-08-01")  // the meter's effectiveStartDate
        #expect(
            Support.row(rows, "eastus", "Standard_NC4as_T4_v3", .spot)?.pricePerHour == TestSupport.rate("0.062699"))
        #expect(Support.row(rows, "eastus", "Standard_NC24ads_A100_v4")?.pricePerHour == TestSupport.rate("3.673"))
        #expect(
            Support.row(rows, "eastus", "Standard_NC24ads_A100_v4", .spot)?.pricePerHour == TestSupport.rate("0.444433")
        )
        #expect(Support.row(rows, "westeurope", "Standard_NC4as_T4_v3")?.pricePerHour == TestSupport.rate("0.61"))
        #expect(Support.row(rows, "global", "aks-standard-tier")?.pricePerHour == TestSupport.rate("0.1"))
        #expect(Support.row(rows, "global", "aks-premium-tier")?.pricePerHour == TestSupport.rate("0.6"))
        // The Free tier has no meter: the documented constant is added.
        #expect(Support.row(rows, "global", "aks-free-tier")?.pricePerHour == .zero)
        #expect(rows.count == 8)
        // The snapshot is dated by the latest effectiveStartDate of the pages.
        #expect(imported.effectiveDate == "2026-11-20" && imported.snapshot == "2026-11-20")
        let file = try #require(imported.files.first)
        #expect(file.paths.count == 2)
        #expect(file.skipped.count("Windows") == 1 && file.skipped.count("Low Priority meter") == 1)
        #expect(file.skipped.count("type is not Consumption") == 2)
        #expect(file.skipped.count("fee listed again for another region at the same price") == 1)
    }

    @Test("--effective-date and --snapshot name the snapshot instead of the files' dates")
    func namedSnapshot() throws {
        let imported = try Support.read(
            Self.pages, defaults: CatalogCSV.Defaults(snapshot: "azure-dec", effectiveDate: "2026-12-01"))
        #expect(imported.rows.allSatisfy { $0.snapshot == "azure-dec" && $0.effectiveDate == "2026-12-01" })
    }

    @Test("a missing, reordered or truncated page is an error naming the page")
    func pagination() throws {
        let first = Support.fixture(Self.pages[0])
        let second = Support.fixture(Self.pages[1])
        let (path, issues) = try #require(Support.issues([first]))
        #expect(path == first && issues.first?.field == "NextPageLink", "\(issues)")
        #expect(issues.first?.message.contains("download and import every page") == true)
        let (reordered, _) = try #require(Support.issues([second, first]))
        #expect(reordered == first)
        let (short, _) = try Support.mutated(
            Self.pages[0], replacing: "$skip=6", with: "$skip=100")
        let (gap, gapIssues) = try #require(Support.issues([short, second]))
        #expect(gap == short && gapIssues.first?.message.contains("starts at item 6") == true, "\(gapIssues)")
        let (truncated, _) = try Support.mutated(Self.pages[1], replacing: "\"Count\": 6", with: "\"Count\": 7")
        let (_, countIssues) = try #require(Support.issues([first, truncated]))
        #expect(countIssues.first?.field == "Count" && countIssues.first?.message.contains("has 6") == true)
    }

    @Test("pages of two lists (two queries) import together, each list's paging checked on its own")
    func twoLists() throws {
        let other = try TestSupport.temporaryDirectory().appendingPathComponent("westus2.json")
        try TestSupport.write(
            "{\"BillingCurrency\":\"USD\",\"Items\":[{\"currencyCode\":\"USD\",\"retailPrice\":0.55,"
                + "\"armRegionName\":\"westus2\",\"effectiveStartDate\":\"2021-01-01T00:00:00Z\","
                + "\"meterName\":\"NC4as T4 v3\","
                + "\"productName\":\"Virtual Machines NCasT4_v3 Series\",\"serviceName\":\"Virtual Machines\","
                + "\"unitOfMeasure\":\"1 Hour\",\"type\":\"Consumption\",\"armSkuName\":\"Standard_NC4as_T4_v3\"}],"
                + "\"NextPageLink\":null,\"Count\":1}\n", to: other)
        let imported = try PriceImport.read(paths: [other.path] + Self.pages.map(Support.fixture))
        #expect(Support.row(imported.rows, "westus2", "Standard_NC4as_T4_v3")?.pricePerHour == TestSupport.rate("0.55"))
        #expect(imported.rows.count == 9)
    }

    @Test("Microsoft Learn's sample items: a Windows dev/test meter, a reservation and a EUR price, all counted")
    func learnSample() throws {
        let sample = Support.fixture("azure-retail-prices-learn-sample.json")
        let (_, issues) = try #require(Support.issues([sample]))
        #expect(
            issues.first?.message
                == "no price row: every record was left out (2 type is not Consumption; 1 currencyCode is not USD)")
        // Imported with the hand-written pages (a list of its own), its items are counted too.
        let imported = try PriceImport.read(paths: [sample] + Self.pages.map(Support.fixture))
        #expect(imported.rows.count == 8)
        #expect(imported.files[0].skipped.count("type is not Consumption") == 4)
        #expect(imported.files[0].skipped.count("currencyCode is not USD") == 1)
    }

    @Test("a malformed item is an error naming the item's field")
    func malformedItem() throws {
        let (path, line) = try Support.mutated(
            Self.pages[1], replacing: "\"retailPrice\": 3.673", with: "\"retailPrice\": \"3.673\"")
        let (_, issues) = try #require(Support.issues([Support.fixture(Self.pages[0]), path]))
        let issue = try #require(issues.first)
        #expect(issue.field == "Items[0].retailPrice" && issue.message == "expected a number, found a string")
        #expect(issue.sku == "Standard_NC24ads_A100_v4" && issue.line < line)
    }
}
