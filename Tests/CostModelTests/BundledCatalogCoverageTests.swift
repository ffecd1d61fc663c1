import Foundation
import Simulator
import Testing
@testable import CostModel

/// What the bundled catalog covers: regions per GPU, the Karpenter instance types at both capacity
/// types, cluster fees, a source for every row, and the hand-compiled rows kept as they were.
@Suite("Bundled catalog coverage")
struct BundledCatalogCoverageTests {
    let catalog: PriceCatalog

    init() throws { catalog = try PriceCatalog.bundled() }

    /// The article's node (n1-highmem-4 + 1 T4, on-demand) in `region`.
    static func t4Node(_ region: String) -> NodeSpec {
        NodeSpec(provider: "gcp", region: region, machineType: "n1-highmem-4", gpuModel: "T4", gpuCount: 1)
    }

    @Test("T4-class machines are priced in at least 20 regions on every provider")
    func t4Regions() throws {
        let gcp = try Set(catalog.rows(matching: PriceFilter(provider: "gcp", gpuModel: "T4")).map(\.region))
        let aws = try catalog.regions(provider: "aws", kind: .machine, sku: "g4dn.xlarge")
        let azure = try catalog.regions(provider: "azure", kind: .machine, sku: "Standard_NC4as_T4_v3")
        #expect(gcp.count == 23)
        #expect(aws.count == 20)
        #expect(azure.count == 29)
        // Every GCP region with the T4 add-on also sells its N1 host and the e2-medium system node.
        for region in gcp {
            _ = try catalog.nodePrice(for: Self.t4Node(region))
            _ = try catalog.nodePrice(for: NodeSpec(provider: "gcp", region: region, machineType: "e2-medium"))
        }
    }

    @Test(
        "the Karpenter instance types and the system nodes have on-demand and spot prices wherever they are sold",
        arguments: [("aws", "g4dn.xlarge"), ("aws", "g5.xlarge"), ("aws", "g6.xlarge"), ("aws", "t3.medium")])
    func bothCapacities(provider: String, sku: String) throws {
        let regions = try catalog.regions(provider: provider, kind: .machine, sku: sku)
        #expect(regions.count >= 14)
        for region in regions {
            for capacity in [CapacityType.onDemand, .spot] {
                _ = try catalog.price(.machine, sku: sku, provider: provider, region: region, capacity: capacity)
            }
        }
    }

    /// Azure spot prices come from SkyPilot's Azure catalogue, which covers nine US regions only.
    @Test("Azure's T4 machine is priced on demand everywhere it is sold, and at spot in the nine US regions")
    func azureCapacities() throws {
        let sku = "Standard_NC4as_T4_v3"
        let regions = try catalog.regions(provider: "azure", kind: .machine, sku: sku)
        #expect(regions.count == 29)
        for region in regions {
            _ = try catalog.price(.machine, sku: sku, provider: "azure", region: region, capacity: .onDemand)
        }
        let spotRegions = try catalog.rows(matching: PriceFilter(provider: "azure", sku: sku))
            .filter { $0.capacity == .spot }.map(\.region)
        // SkyPilot lists no NC T4 v3 in westcentralus, the ninth region it covers.
        #expect(Set(spotRegions) == [
            "centralus", "eastus", "eastus2", "northcentralus", "southcentralus", "westus", "westus2", "westus3",
        ])
        let westus2 = try catalog.price(.machine, sku: sku, provider: "azure", region: "westus2", capacity: .spot)
        #expect(westus2.pricePerHour == TestSupport.rate("0.061595"))
        #expect(throws: CostModelError.self) {
            try catalog.price(.machine, sku: sku, provider: "azure", region: "westeurope", capacity: .spot)
        }
        // SkyPilot's H100 rows repeat the on-demand price: not a spot price, so none is bundled.
        #expect(throws: CostModelError.self) {
            try catalog.price(
                .machine, sku: "Standard_NC40ads_H100_v5", provider: "azure", region: "eastus2", capacity: .spot)
        }
    }

    @Test("regional prices are the sources' numbers (per-zone spot prices reduced to their median)")
    func regionalPrices() throws {
        func rate(_ node: NodeSpec) throws -> String {
            try catalog.nodePrice(for: node).hourlyRate.dollarsPerHourText
        }
        func aws(_ region: String, _ machine: String) -> NodeSpec {
            NodeSpec(provider: "aws", region: region, machineType: machine, spot: true)
        }
        let t4 = Self.t4Node("europe-west4")
        var spotT4 = t4
        spotT4.spot = true
        #expect(try rate(t4) == "0.627972")   // 0.260472 (N1 host) + 0.3675 (T4)
        #expect(try rate(spotT4) == "0.32634")   // 0.15134 + 0.175
        // g4dn.xlarge eu-west-1: zones at 0.3147, 0.3171 and 0.3317 → median 0.3171.
        #expect(try rate(aws("eu-west-1", "g4dn.xlarge")) == "0.3171")
        // g6.xlarge eu-north-1: two zones, 0.3451 and 0.2584 → their mean.
        #expect(try rate(aws("eu-north-1", "g6.xlarge")) == "0.30175")
        // g4dn.12xlarge (4 × T4, bundled) us-east-1: on demand 3.912; spot zones 1.4134, 1.3211, 1.326,
        // 1.2875, 1.3061 → median 1.3211. us-west-2 leaves out its two Los Angeles Local Zones (0.4694).
        let fourT4 = NodeSpec(provider: "aws", region: "us-east-1", machineType: "g4dn.12xlarge", gpuModel: "T4",
                              gpuCount: 4)
        #expect(try rate(fourT4) == "3.912")
        #expect(try rate(aws("us-east-1", "g4dn.12xlarge")) == "1.3211")
        #expect(try rate(aws("us-west-2", "g4dn.12xlarge")) == "1.7173")
        // g4dn.2xlarge us-east-1: zones 0.3157, 0.3142, 0.3145, 0.3112, 0.3269 → 0.3145.
        #expect(try rate(aws("us-east-1", "g4dn.2xlarge")) == "0.3145")
        for size in ["2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"] {
            #expect(try catalog.regions(provider: "aws", kind: .machine, sku: "g4dn." + size).count == 20)
        }
        // 4 × L4 g6.12xlarge us-east-1: zones 2.0968, 1.9631, 2.0353, 1.7552 → (1.9631 + 2.0353) / 2.
        let fourL4 = NodeSpec(provider: "aws", region: "us-east-1", machineType: "g6.12xlarge", gpuModel: "L4",
                              gpuCount: 4)
        #expect(try rate(fourL4) == "4.6016")
        #expect(try rate(aws("us-east-1", "g6.12xlarge")) == "1.9992")
        for (sku, count) in [("g5.2xlarge", 15), ("g5.12xlarge", 15), ("g6.2xlarge", 14), ("g6.12xlarge", 14)] {
            #expect(try catalog.regions(provider: "aws", kind: .machine, sku: sku).count == count)
        }
        // p5.48xlarge us-west-2: 12.6935, 12.9727, 12.9785, 16.1301 → (12.9727 + 12.9785) / 2.
        #expect(try rate(aws("us-west-2", "p5.48xlarge")) == "12.9756")
        let azure = NodeSpec(provider: "azure", region: "westeurope", machineType: "Standard_NC4as_T4_v3")
        #expect(try rate(azure) == "0.658")
    }

    @Test("the managed-cluster fees of GKE, EKS and AKS are in the catalog")
    func clusterFees() throws {
        for (provider, fee) in [
            ("gcp", "gke-cluster-management"), ("aws", "eks-control-plane-standard-support"),
            ("aws", "eks-control-plane-extended-support"), ("azure", "aks-free-tier"),
            ("azure", "aks-standard-tier"), ("azure", "aks-premium-tier"),
        ] {
            _ = try catalog.price(.fee, sku: fee, provider: provider, region: "global", capacity: .onDemand)
        }
    }

    @Test("every row says where its price comes from and how old the source is")
    func sources() throws {
        let rows = try catalog.rows()
        #expect(rows.count > 1_700)
        #expect(rows.allSatisfy { !($0.sourceURL ?? "").isEmpty && !($0.sourceDate ?? "").isEmpty })
    }

    @Test("pricing/catalog.csv begins with pricing/sources/curated.csv, byte for byte")
    func curatedRowsKept() throws {
        let pricing = TestSupport.repositoryRoot.appendingPathComponent("pricing")
        let curated = try String(contentsOf: pricing.appendingPathComponent("sources/curated.csv"), encoding: .utf8)
        #expect(BundledCatalog.catalogCSV.hasPrefix(curated))
        let article = try catalog.rows(matching: PriceFilter(snapshot: "article-2023"))
        #expect(article.map(\.pricePerHour.dollarsPerHourText) == ["0.236606", "0.049812", "0.033503", "0.35", "0.11"])
    }

    @Test("an unknown region lists the regions that price the node, not every region")
    func unknownRegionForNode() throws {
        let node = Self.t4Node("europe-west99")
        let error = try catalog.regionError(for: node)
        guard case .unknownRegion(let provider, let region, let offering, let known)? = error else {
            Issue.record("expected unknownRegion"); return
        }
        #expect(provider == "gcp" && region == "europe-west99")
        #expect(offering == "n1-highmem-4 + 1 × T4")
        let t4 = try Set(catalog.rows(matching: PriceFilter(provider: "gcp", gpuModel: "T4")).map(\.region))
        #expect(Set(known) == t4)
        #expect(!known.contains("europe-north1"))   // N1 is sold there, the T4 is not
        #expect(try catalog.regions(provider: "gcp", kind: .machine, sku: "n1-highmem-4").contains("europe-north1"))
        #expect(try catalog.regionError(for: Self.t4Node("europe-north1")) == nil)   // a region of the catalog
        #expect(try catalog.regionError(for: Self.t4Node("europe-west4")) == nil)
    }
}
