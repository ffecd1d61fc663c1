import Foundation
import Testing

@testable import CostModel

@Suite("pricing import: format detection, exact amounts, combining files")
struct PriceFileFormatTests {
    typealias Support = ProviderImportSupport

    @Test(
        "each fixture's format is recognised from its content",
        arguments: [
            ("aws-ec2-us-east-1.json", PriceFileFormat.awsOfferJSON), ("aws-eks-us-east-1.json", .awsOfferJSON),
            ("aws-ec2-us-east-1.csv", .awsOfferCSV), ("aws-spot-price-history.json", .awsSpotHistory),
            ("gcp-compute-skus-page1.json", .gcpSKUs), ("gcp-gke-skus.json", .gcpSKUs),
            ("azure-retail-prices-page1.json", .azureRetailPrices),
            ("azure-retail-prices-page2.json", .azureRetailPrices),
        ])
    func detection(name: String, format: PriceFileFormat) {
        #expect(PriceFileFormat.detect(path: Support.fixture(name)) == format)
    }

    @Test("costsim's CSV is still costsim's CSV; a JSON object of another kind is refused with --format's names")
    func otherFiles() throws {
        #expect(PriceFileFormat.detect(path: TestSupport.fixture("pricing-facts.csv").path) == .catalogCSV)
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("other.json")
        try TestSupport.write("{\"kind\": \"something\"}\n", to: url)
        #expect(PriceFileFormat.detect(path: url.path) == nil)
        let (_, issues) = try #require(Support.issues([url.path]))
        #expect(issues.first?.message.contains("give --format (one of: costsim-csv, aws-offer-json") == true)
    }

    @Test("prices convert exactly, JSON exponents included, and are bounded before conversion")
    func amounts() {
        func rate(_ text: String) -> HourlyRate? { try? ImportedAmount.rate(text).get() }
        #expect(rate("0.5260000000") == TestSupport.rate("0.526"))
        #expect(rate("4.44433E-1") == TestSupport.rate("0.444433"))
        #expect(rate("1.2E-05") == TestSupport.rate("0.000012"))
        #expect(rate("1e3") == TestSupport.rate("1000"))
        #expect(rate("1e4") == nil)
        #expect(rate("1e400") == nil)
        #expect(rate("0.0000000000000001") == nil)  // 16 decimals
        #expect(rate("99999999999999999999") == nil)
        #expect(rate("-1") == nil)
    }

    @Test("timestamps: RFC 3339 UTC forms sort in time order and give their day")
    func timestamps() {
        #expect(ImportedAmount.timestamp("2026-11-20T07:32:21.847Z")?.day == "2026-11-20")
        #expect(
            ImportedAmount.timestamp("2026-11-20T08:15:00+00:00")!.key
                > ImportedAmount.timestamp("2026-11-20T07:32:21.847Z")!.key)
        #expect(ImportedAmount.timestamp("2026-11-20T07:32:21+02:00") == nil)
        #expect(ImportedAmount.timestamp("2026-02-30T00:00:00Z") == nil)
    }

    @Test("files of several providers and costsim's CSV import together; the latest file date names the snapshot")
    func together() throws {
        let dated = try Support.read(["aws-eks-us-east-1.json", "gcp-gke-skus.json"])  // 2026-11-18 and 2026-11-20
        #expect(dated.effectiveDate == "2026-11-20" && dated.snapshot == "2026-11-20")
        #expect(dated.rows.allSatisfy { $0.snapshot == "2026-11-20" })
        #expect(dated.rows.first { $0.provider == .aws }?.sourceDate == "2026-11-18")
        // A costsim CSV keeps its own snapshot; the providers' rows take --snapshot/--effective-date.
        let csv = try TestSupport.temporaryDirectory().appendingPathComponent("mine.csv")
        try TestSupport.write(
            CatalogImportTests.header + "\n" + CatalogImportTests.good.replacingOccurrences(of: "s1,", with: "mine,")
                + "\n",
            to: csv)
        let paths =
            [
                "aws-ec2-us-east-1.json", "gcp-gke-skus.json", "azure-retail-prices-page1.json",
                "azure-retail-prices-page2.json",
            ].map(Support.fixture) + [csv.path]
        let imported = try PriceImport.read(
            paths: paths, defaults: CatalogCSV.Defaults(snapshot: "cloud", effectiveDate: "2026-11-29"))
        #expect(imported.effectiveDate == "2026-11-29" && imported.snapshot == "cloud")
        #expect(imported.files.map(\.format) == [.awsOfferJSON, .gcpSKUs, .azureRetailPrices, .catalogCSV])
        #expect(Set(imported.rows.map(\.provider)) == [.aws, .gcp, .azure])
        #expect(imported.rows.filter { $0.snapshot == "mine" }.map(\.sku) == ["e2-medium", "e2-medium"])
        #expect(imported.rows.filter { $0.snapshot != "mine" }.allSatisfy { $0.snapshot == "cloud" })
    }

    @Test("the same row from two files is an error naming both")
    func duplicateAcrossFiles() throws {
        let path = Support.fixture("aws-ec2-us-east-1.json")
        let copy = try TestSupport.temporaryDirectory().appendingPathComponent("copy.json")
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        let (errorPath, issues) = try #require(Support.issues([path, copy.path]))
        #expect(errorPath == copy.path && issues.first?.message.contains("is also imported from \(path)") == true)
    }
}
