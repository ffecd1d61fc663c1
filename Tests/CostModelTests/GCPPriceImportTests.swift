import Foundation
import Testing

@testable import CostModel

@Suite("pricing import: GCP Cloud Billing Catalog SKU pages, combined into machine prices")
struct GCPPriceImportTests {
    typealias Support = ProviderImportSupport
    static let pages = ["gcp-compute-skus-page1.json", "gcp-compute-skus-page2.json", "gcp-gke-skus.json"]

    @Test("vCPU + RAM (+ GPU) SKUs of each family add up to the machine prices GCP bills, units + nanos exactly")
    func machinePrices() throws {
        let rows = try Support.read(Self.pages).rows
        func price(_ sku: String, _ capacity: CapacityType = .onDemand) -> HourlyRate? {
            Support.row(rows, "us-central1", sku, capacity)?.pricePerHour
        }
        // N1: 4 × 0.031611 + 26 × 0.004237 = 0.126444 + 0.110162 (the article's on-demand price).
        #expect(price("n1-highmem-4") == TestSupport.rate("0.236606"))
        // 4 × 0.031611 + 15 × 0.004237 = 0.126444 + 0.063555.
        #expect(price("n1-standard-4") == TestSupport.rate("0.189999"))
        // 0.031611 + 3.75 × 0.004237 = 0.031611 + 0.01588875.
        #expect(price("n1-standard-1") == TestSupport.rate("0.04749975"))
        // Spot: 4 × 0.006655 + 26 × 0.000892 = 0.02662 + 0.023192 (the article's spot price).
        #expect(price("n1-highmem-4", .spot) == TestSupport.rate("0.049812"))
        // E2: 0.02181159 + 4 × 0.00292353.
        #expect(price("e2-medium") == TestSupport.rate("0.03350571"))
        // G2 bundles L4s: 4 × 0.025 + 16 × 0.003 + 0.56004; g2-standard-24 has two.
        #expect(price("g2-standard-4") == TestSupport.rate("0.70804"))
        #expect(price("g2-standard-24") == TestSupport.rate("2.00808"))  // 0.6 + 0.288 + 2 × 0.56004
        // A2: 12 × 0.031611 + 85 × 0.004237 + (units 2, nanos 933908000) = 0.379332 + 0.360145 + 2.933908.
        #expect(price("a2-highgpu-1g") == TestSupport.rate("3.673385"))
        // 96 × 0.031611 + 1360 × 0.004237 + 16 × 2.933908 = 3.034656 + 5.76232 + 46.942528.
        #expect(price("a2-megagpu-16g") == TestSupport.rate("55.739504"))
        let g2 = try #require(Support.row(rows, "us-central1", "g2-standard-48"))
        #expect(
            g2.vcpus == 48 && g2.memoryGiB == "192" && g2.gpuModel == "L4" && g2.gpuCount == 4
                && g2.gpuMemoryGiB == "96")
        let n1 = try #require(Support.row(rows, "us-central1", "n1-standard-2"))
        #expect(n1.memoryGiB == "7.5" && n1.gpuCount == 0 && n1.billingMinimumSeconds == 60)
        #expect(n1.notes == "GCP SKUs 2E27-4F75-95CD × 2 vCPU + 6C71-B2E8-B1E3 × 7.5 GiB")
        #expect(n1.sourceURL == "https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus")
        #expect(n1.sourceDate == "2026-11-20" && n1.snapshot == "2026-11-20")
    }

    @Test(
        "GPUs are rows of their own: T4 attachable to N1 (per region, on-demand and spot), L4 and A100 components only")
    func gpuRows() throws {
        let rows = try Support.read(Self.pages).rows
        let t4 = try #require(Support.row(rows, "us-central1", "nvidia-tesla-t4"))
        #expect(t4.kind == .gpu && t4.pricePerHour == TestSupport.rate("0.35") && t4.attachableTo == ["n1-"])
        #expect(t4.gpuModel == "T4" && t4.gpuCount == 1 && t4.gpuMemoryGiB == "16")
        #expect(Support.row(rows, "us-central1", "nvidia-tesla-t4", .spot)?.pricePerHour == TestSupport.rate("0.175"))
        #expect(Support.row(rows, "europe-west4", "nvidia-tesla-t4")?.pricePerHour == TestSupport.rate("0.368"))
        #expect(Support.row(rows, "us-central1", "nvidia-l4")?.attachableTo == [])
        #expect(Support.row(rows, "us-central1", "nvidia-tesla-a100")?.pricePerHour == TestSupport.rate("2.933908"))
        // No N1 vCPU/RAM SKU for europe-west4 in the pages: no N1 machine there.
        #expect(!rows.contains { $0.region == "europe-west4" && $0.kind == .machine })
    }

    @Test("the GKE fees come from Kubernetes Engine's SKUs, as global fee rows")
    func gkeFees() throws {
        let rows = try Support.read(Self.pages).rows
        let zonal = try #require(Support.row(rows, "global", "gke-cluster-management"))
        #expect(zonal.kind == .fee && zonal.pricePerHour == TestSupport.rate("0.1") && zonal.billingMinimumSeconds == 0)
        #expect(zonal.sourceURL == "https://cloudbilling.googleapis.com/v1/services/CCD8-9BF1-090E/skus")
        #expect(Support.row(rows, "global", "gke-regional-cluster-management") != nil)
        #expect(!rows.contains { $0.sourceURL == "https://cloud.google.com/kubernetes-engine/pricing" })
    }

    @Test("every SKU and machine type not priced is counted by reason; the row count is what the pages allow")
    func countsAndTally() throws {
        let imported = try Support.read(Self.pages)
        let file = try #require(imported.files.first)
        #expect(imported.files.count == 1 && file.paths.count == 3)
        #expect(file.skipped.count("usageType is not OnDemand or Preemptible") == 1)  // the commitment
        #expect(file.skipped.count("not a vCPU, RAM or GPU price of a machine family costsim prices") == 2)
        // a2-ultragpu-1g…8g need the A100 80GB SKU, which the pages lack.
        #expect(file.skipped.count("machine type not priced: its GPU has no price in the region") == 4)
        // us-central1 on-demand: 22 N1 + 15 E2 + 8 G2 + 5 A2 machines + T4, L4, A100; spot: 22 N1 + T4;
        // europe-west4: T4; global: 2 GKE fees.
        #expect(imported.rows.count == 22 + 15 + 8 + 5 + 3 + 22 + 1 + 1 + 2)
    }

    @Test(
        "a malformed unit price is an error naming the field",
        arguments: [
            (
                "\"nanos\": 31611000", "\"nanos\": 1000000000",
                "skus[0].pricingInfo[0].pricingExpression.tieredRates[0].unitPrice.nanos",
                "is not a whole number within 0…999999999"
            ),
            (
                "\"nanos\": 31611000", "\"nanos\": -31611000",
                "skus[0].pricingInfo[0].pricingExpression.tieredRates[0].unitPrice.nanos",
                "is not a whole number within 0…999999999"
            ),
            (
                "\"units\": \"0\"", "\"units\": \"1001\"",
                "skus[0].pricingInfo[0].pricingExpression.tieredRates[0].unitPrice.units",
                "within 0…1000"
            ),
            (
                "\"units\": \"0\"", "\"units\": 0",
                "skus[0].pricingInfo[0].pricingExpression.tieredRates[0].unitPrice.units",
                "expected a string, found a number"
            ),
            (
                "\"effectiveTime\": \"2026-11-20T07:32:21.847Z\"", "\"effectiveTime\": \"yesterday\"",
                "skus[0].pricingInfo[0].effectiveTime", "is not an RFC 3339 UTC time"
            ),
        ])
    func malformedPrice(old: String, new: String, field: String, message: String) throws {
        let (path, _) = try Support.mutated("gcp-compute-skus-page1.json", replacing: old, with: new)
        let (_, issues) = try #require(Support.issues([path]))
        let issue = try #require(issues.first)
        #expect(issue.field == field, "\(issue)")
        #expect(issue.message.contains(message), "\(issue)")
        #expect(issue.sku == "2E27-4F75-95CD" && issue.line == 3, "\(issue)")
    }
}
