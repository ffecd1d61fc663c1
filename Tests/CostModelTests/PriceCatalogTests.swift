import Testing
import Simulator
@testable import CostModel

@Suite("Price catalog: bundled rows, snapshots and lookups")
struct PriceCatalogTests {
    let catalog: PriceCatalog

    init() throws {
        catalog = try PriceCatalog.bundled()
    }

    @Test("the bundled catalog holds every pricing-facts row, the article snapshot and the regional rows")
    func bundledContents() throws {
        let snapshots = try catalog.snapshots()
        #expect(snapshots.map(\.name) == ["article-2023", "2026-11-29", "2026-12-06"])
        // 29 SKUs in pricing-facts.csv, 22 of them with a spot price → 51 rows;
        // the article adds n1-highmem-4 (2), T4 (2), e2-medium (1).
        #expect(snapshots.first { $0.name == "2026-11-29" }?.rowCount == 51)
        #expect(snapshots.first { $0.name == "article-2023" }?.rowCount == 5)
        let azure = try catalog.rows(matching: PriceFilter(provider: "azure", kind: .machine, snapshot: "2026-11-29"))
        #expect(azure.count == 13)
        let allAzure = try catalog.rows(matching: PriceFilter(provider: "azure", kind: .machine))
        #expect(allAzure.allSatisfy { $0.billingMinimumSeconds == 300 })
    }

    @Test("article and current prices are both selectable")
    func snapshotsSelect() throws {
        let article = try catalog.price(
            .machine, sku: "n1-highmem-4", provider: "gcp", region: "us-central1", capacity: .spot, snapshot: .article)
        #expect(article.pricePerHour == TestSupport.rate("0.049812"))
        let current = try catalog.price(
            .machine, sku: "n1-highmem-4", provider: "gcp", region: "us-central1", capacity: .spot)
        #expect(current.pricePerHour == TestSupport.rate("0.083444"))
        #expect(current.snapshot == "2026-11-29")
        let asOf2024 = try catalog.price(
            .gpu, sku: "nvidia-tesla-t4", provider: "gcp", region: "us-central1", capacity: .spot,
            snapshot: .asOf("2024-06-01"))
        #expect(asOf2024.pricePerHour == TestSupport.rate("0.11"))
        let a3 = try catalog.price(
            .machine, sku: "a3-highgpu-1g", provider: "gcp", region: "us-central1", capacity: .spot)
        #expect(a3.pricePerHour.dollarsPerHourText == "6.32619260273973")
    }

    @Test("N1 + T4 is machine row + GPU row; the dedicated article VM is $0.586606/h")
    func attachedGPU() throws {
        let price = try catalog.nodePrice(for: .articleGPU, snapshot: .article)
        #expect(price.machine.sku == "n1-highmem-4")
        #expect(price.gpu?.sku == "nvidia-tesla-t4")
        #expect(price.hourlyRate == TestSupport.rate("0.586606"))
        let spot = try catalog.nodePrice(for: TestSupport.spotArticleGPU, snapshot: .article)
        #expect(spot.hourlyRate == TestSupport.rate("0.159812"))
        var twoT4 = NodeSpec.articleGPU
        twoT4.gpuCount = 2
        #expect(try catalog.nodePrice(for: twoT4).hourlyRate == TestSupport.rate("0.936606"))
    }

    @Test("bundled GPUs are not priced twice, whether or not the node names them")
    func bundledGPU() throws {
        let named = try catalog.nodePrice(
            for: NodeSpec(
                provider: "gcp", region: "us-central1", machineType: "g2-standard-4", gpuModel: "L4", gpuCount: 1))
        #expect(named.gpu == nil)
        #expect(named.isGPUNode)
        #expect(named.hourlyRate == TestSupport.rate("0.706832255"))
        let unnamed = try catalog.nodePrice(
            for: NodeSpec(provider: "aws", region: "us-east-1", machineType: "g4dn.xlarge", spot: true))
        #expect(unnamed.hourlyRate == TestSupport.rate("0.203"))
        #expect(unnamed.isGPUNode)
    }

    @Test("GPU rules: component-only GPUs, mismatches and missing models are errors")
    func gpuErrors() {
        #expect(throws: CostModelError.gpuNotAttachable(gpuModel: "L4", machineType: "n1-standard-4", attachableTo: []))
        {
            try catalog.nodePrice(
                for: NodeSpec(
                    provider: "gcp", region: "us-central1", machineType: "n1-standard-4", gpuModel: "L4", gpuCount: 1))
        }
        #expect(throws: CostModelError.bundledGPUMismatch(machineType: "g2-standard-4", bundled: "L4", requested: "T4"))
        {
            try catalog.nodePrice(
                for: NodeSpec(
                    provider: "gcp", region: "us-central1", machineType: "g2-standard-4", gpuModel: "T4", gpuCount: 1))
        }
        #expect(throws: CostModelError.gpuModelMissing(machineType: "n1-standard-4", gpuCount: 1)) {
            try catalog.nodePrice(
                for: NodeSpec(provider: "gcp", region: "us-central1", machineType: "n1-standard-4", gpuCount: 1))
        }
    }

    @Test("lookup failures say exactly what is missing")
    func lookupErrors() throws {
        #expect(throws: CostModelError.unknownProvider("oracle", known: ["aws", "azure", "gcp", "modal", "runpod"])) {
            try catalog.price(.machine, sku: "x", provider: "oracle", region: "r", capacity: .onDemand)
        }
        // An unknown region lists the regions that sell the SKU (pricing/catalog.csv: A2 Ultra in five).
        #expect(
            throws: CostModelError.unknownRegion(
                provider: "gcp", region: "mars-north1", offering: "a2-ultragpu-1g",
                known: ["asia-southeast1", "europe-west4", "us-central1", "us-east4", "us-east5"])
        ) {
            try catalog.price(.machine, sku: "a2-ultragpu-1g", provider: "gcp", region: "mars-north1", capacity: .spot)
        }
        do {
            _ = try catalog.price(.machine, sku: "z9-none", provider: "gcp", region: "mars-north1", capacity: .spot)
            Issue.record("expected an error")
        } catch {
            guard case .unknownRegion(_, _, nil, let known) = error else { Issue.record("\(error)"); return }
            #expect(known.contains("global") && known.contains("europe-west4") && !known.contains("eastus"))
        }
        #expect(
            throws: CostModelError.unknownSKU(
                kind: .machine, sku: "n2-standard-8", provider: "gcp", region: "us-central1")
        ) {
            try catalog.price(
                .machine, sku: "n2-standard-8", provider: "gcp", region: "us-central1", capacity: .onDemand)
        }
        #expect(throws: CostModelError.unknownSnapshot("2019", known: ["2026-11-29", "2026-12-06", "article-2023"])) {
            try catalog.price(
                .machine, sku: "e2-medium", provider: "gcp", region: "us-central1", capacity: .onDemand,
                snapshot: .named("2019"))
        }
        #expect(throws: CostModelError.invalidDate("last year")) {
            try catalog.price(
                .machine, sku: "e2-medium", provider: "gcp", region: "us-central1", capacity: .onDemand,
                snapshot: .asOf("last year"))
        }
        // The article gives no spot price for e2-medium, and Azure B2s v1 has none at all.
        do {
            _ = try catalog.price(
                .machine, sku: "e2-medium", provider: "gcp", region: "us-central1", capacity: .spot, snapshot: .article)
            Issue.record("expected an error")
        } catch {
            guard case .noPrice(_, _, _, _, .spot, .article, let available) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(available.contains("spot in 2026-11-29"))
            #expect(error.description.contains("no spot price for machine 'e2-medium'"))
        }
        #expect(throws: CostModelError.self) {
            try catalog.price(.machine, sku: "Standard_B2s", provider: "azure", region: "eastus", capacity: .spot)
        }
    }

    @Test("filters match provider, region and GPU model ignoring case")
    func filters() throws {
        let t4 = try catalog.rows(matching: PriceFilter(gpuModel: "t4", snapshot: "2026-11-29"))
        #expect(
            Set(t4.map(\.sku)) == ["nvidia-tesla-t4", "g4dn.xlarge", "Standard_NC4as_T4_v3", "Standard_NC8as_T4_v3"])
        let fees = try catalog.rows(matching: PriceFilter(kind: .fee))
        #expect(fees.count == 6)
        #expect(fees.allSatisfy { $0.capacity == .onDemand && $0.region == "global" })
    }

    @Test("snapshot selection over row lists matches the catalog's SQL lookups")
    func selectRows() throws {
        let rows = try catalog.rows(matching: PriceFilter(region: "us-central1", sku: "n1-highmem-4"))
        #expect(rows.count == 4)
        let latest = PriceSnapshot.latest.select(from: rows)
        #expect(latest.map(\.snapshot) == ["2026-11-29", "2026-11-29"])
        let old = PriceSnapshot.asOf("2025-01-01").select(from: rows)
        #expect(old.map(\.pricePerHour) == [TestSupport.rate("0.236606"), TestSupport.rate("0.049812")])
        #expect(PriceSnapshot.asOf("2022-01-01").select(from: rows).isEmpty)
        #expect(PriceSnapshot.article.select(from: rows).count == 2)
        for row in latest {
            #expect(
                try catalog.price(
                    .machine, sku: row.sku, provider: "gcp", region: "us-central1", capacity: row.capacity) == row)
        }
    }
}
