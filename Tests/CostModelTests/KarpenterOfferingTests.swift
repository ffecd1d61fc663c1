import Simulator
import Testing

@testable import CostModel

/// Karpenter's offerings resolved from a small hand-made catalog: cheapest first at each
/// offering's own capacity price, filtered by the NodePool's requirements.
@Suite struct KarpenterOfferingTests {
    /// AWS us-east-1 GPU types (prices per hour, on-demand / spot), a CPU type, and one row in
    /// another region. g6.xlarge has no spot price; g4dn.12xlarge has 4 GPUs, the others 1.
    static let catalog: PriceCatalog = {
        func row(
            _ sku: String, _ capacity: CapacityType, _ price: String, gpu: String? = nil, count: Int = 0,
            provider: CloudProvider = .aws, region: String = "us-east-1"
        ) -> PriceRow {
            PriceRow(
                snapshot: "s", effectiveDate: "2026-01-01", provider: provider, region: region, kind: .machine,
                sku: sku, capacity: capacity, gpuModel: gpu, gpuCount: count, pricePerHour: TestSupport.rate(price))
        }
        let rows = [
            row("g4dn.xlarge", .onDemand, "0.526", gpu: "T4", count: 1),
            row("g4dn.xlarge", .spot, "0.203", gpu: "T4", count: 1),
            row("g4dn.12xlarge", .onDemand, "3.912", gpu: "T4", count: 4),
            row("g4dn.12xlarge", .spot, "1.5", gpu: "T4", count: 4),
            row("g5.xlarge", .onDemand, "1.006", gpu: "A10G", count: 1),
            row("g5.xlarge", .spot, "0.436", gpu: "A10G", count: 1),
            row("g6.xlarge", .onDemand, "0.8048", gpu: "L4", count: 1),
            row("p3.2xlarge", .onDemand, "3.06", gpu: "V100", count: 1),
            row("p3.2xlarge", .spot, "0.9", gpu: "V100", count: 1),
            row("t3.medium", .onDemand, "0.0416"),
            row("g5.xlarge", .onDemand, "1.1", gpu: "A10G", count: 1, region: "eu-west-1"),
            row("Standard_NC4as_T4_v3", .onDemand, "0.526", gpu: "T4", count: 1, provider: .azure, region: "eastus"),
            row("Standard_NC4as_T4_v3", .spot, "0.0627", gpu: "T4", count: 1, provider: .azure, region: "eastus"),
            row(
                "Standard_NC24ads_A100_v4", .onDemand, "3.673", gpu: "A100-80GB", count: 1, provider: .azure,
                region: "eastus"),
        ]
        return try! PriceCatalog(rows: rows)
    }()

    static func settings(_ requirements: [NodeRequirement]) -> KarpenterSettings {
        KarpenterSettings(requirements: requirements)
    }

    static func capacity(_ types: String...) -> NodeRequirement {
        NodeRequirement(key: KarpenterSettings.capacityTypeKey, operator: .in, values: types)
    }

    /// `sku/spot` or `sku/on-demand`, in order.
    static func offerings(
        _ requirements: [NodeRequirement], provider: String = "aws", region: String = "us-east-1"
    ) throws -> [String] {
        try catalog.karpenterOfferings(settings(requirements), provider: provider, region: region).map {
            "\($0.machineType)/\($0.spot ? "spot" : "on-demand")"
        }
    }

    @Test func cheapestFirstAtEachCapacityPriceWithDearSpotDropped() throws {
        // 0.203 < 0.436 < 0.526 < 0.8048 < 1.006 < 3.06; the p3 spot offering (0.9) costs more than
        // the cheapest on-demand one (0.526), so AWS's filter drops it (and the 4-GPU one at 1.5);
        // the 4-GPU on-demand g4dn.12xlarge has another GPU count than the cheapest. t3.medium has no GPU.
        #expect(
            try Self.offerings([Self.capacity("spot", "on-demand")]) == [
                "g4dn.xlarge/spot", "g5.xlarge/spot", "g4dn.xlarge/on-demand", "g6.xlarge/on-demand",
                "g5.xlarge/on-demand", "p3.2xlarge/on-demand",
            ])
    }

    @Test func onlyTheCheapestOfferingsGPUCountIsKept() throws {
        let g4dn = NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g4dn"])
        #expect(try Self.offerings([g4dn, Self.capacity("spot")]) == ["g4dn.xlarge/spot"])
        #expect(try Self.offerings([g4dn, Self.capacity("on-demand")]) == ["g4dn.xlarge/on-demand"])
        let big = NodeRequirement(key: KarpenterLabels.instanceType, operator: .in, values: ["g4dn.12xlarge"])
        #expect(try Self.offerings([big, Self.capacity("on-demand")]) == ["g4dn.12xlarge/on-demand"])
    }

    @Test func spotOnlyKeepsEverySpotOfferingAndOnDemandOnlyUsesOnDemandPrices() throws {
        #expect(
            try Self.offerings([Self.capacity("spot")]) == [
                "g4dn.xlarge/spot", "g5.xlarge/spot", "p3.2xlarge/spot",
            ])
        #expect(
            try Self.offerings([Self.capacity("on-demand")]) == [
                "g4dn.xlarge/on-demand", "g6.xlarge/on-demand", "g5.xlarge/on-demand", "p3.2xlarge/on-demand",
            ])
    }

    @Test func theResolvedNodeCarriesTheCatalogsGPUAndRegion() throws {
        let first = try #require(
            try Self.catalog.karpenterOfferings(
                Self.settings([Self.capacity("on-demand")]), provider: "aws", region: "eu-west-1"
            ).first)
        #expect(
            first
                == NodeSpec(
                    provider: "aws", region: "eu-west-1", machineType: "g5.xlarge", gpuModel: "A10G", gpuCount: 1,
                    spot: false))
    }

    @Test func familyFilter() throws {
        let families = NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g5", "g6"])
        #expect(
            try Self.offerings([families]) == ["g5.xlarge/spot", "g6.xlarge/on-demand", "g5.xlarge/on-demand"])
        let notG4dn = NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .notIn, values: ["g4dn"])
        // p3's spot price (0.9) is above the cheapest on-demand one left (g6, 0.8048).
        #expect(
            try Self.offerings([notG4dn]) == [
                "g5.xlarge/spot", "g6.xlarge/on-demand", "g5.xlarge/on-demand", "p3.2xlarge/on-demand",
            ])
    }

    @Test func gpuCountNameAndManufacturerFilters() throws {
        let many = NodeRequirement(key: "karpenter.k8s.aws/instance-gpu-count", operator: .gt, values: ["1"])
        #expect(try Self.offerings([many]) == ["g4dn.12xlarge/spot", "g4dn.12xlarge/on-demand"])
        let one = NodeRequirement(key: "karpenter.k8s.aws/instance-gpu-count", operator: .in, values: ["1"])
        let t4 = NodeRequirement(key: "karpenter.k8s.aws/instance-gpu-name", operator: .in, values: ["t4"])
        #expect(try Self.offerings([one, t4]) == ["g4dn.xlarge/spot", "g4dn.xlarge/on-demand"])
        let nvidia = NodeRequirement(
            key: "karpenter.k8s.aws/instance-gpu-manufacturer", operator: .in, values: ["nvidia"])
        #expect(try Self.offerings([nvidia, Self.capacity("on-demand")]).count == 4)
    }

    @Test func azureLabelsUseTheSKUFamilyLetterAndTheGPUModelName() throws {
        let family = NodeRequirement(key: "karpenter.azure.com/sku-family", operator: .in, values: ["N"])
        #expect(
            try Self.offerings([family], provider: "azure", region: "eastus") == [
                "Standard_NC4as_T4_v3/spot", "Standard_NC4as_T4_v3/on-demand", "Standard_NC24ads_A100_v4/on-demand",
            ])
        let a100 = NodeRequirement(key: "karpenter.azure.com/sku-gpu-name", operator: .in, values: ["A100"])
        #expect(
            try Self.offerings([a100], provider: "azure", region: "eastus") == ["Standard_NC24ads_A100_v4/on-demand"])
    }

    @Test func nothingAllowedNamesTheRequirementsTheRegionAndTheNearestOffering() throws {
        let families = NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["p5"])
        let error = #expect(throws: CostModelError.self) {
            try Self.offerings([Self.capacity("spot"), families])
        }
        guard case .invalidUsage(let message) = error else {
            Issue.record("expected invalidUsage, got \(String(describing: error))")
            return
        }
        #expect(message.contains("aws/us-east-1"))
        #expect(message.contains("karpenter.sh/capacity-type In [spot]; karpenter.k8s.aws/instance-family In [p5]"))
        // Every offering fails the family; the cheapest one failing only that is the nearest.
        #expect(
            message.contains("nearest: g4dn.xlarge on spot, 1 × T4 (fails karpenter.k8s.aws/instance-family In [p5])"))
    }

    @Test func reservedCapacityAndAnEmptyRegionAllowNothing() throws {
        #expect(throws: CostModelError.self) { try Self.offerings([Self.capacity("reserved")]) }
        let error = #expect(throws: CostModelError.self) { try Self.offerings([], region: "ap-south-9") }
        #expect(String(describing: error).contains("prices no GPU machine type there"))
    }

    @Test func karpenterRunsOnAWSAndAzureOnly() throws {
        let result = Self.catalog.karpenterOfferingsResult(Self.settings([]), provider: "gcp", region: "us-central1")
        #expect(
            result
                == .failure(
                    .invalidParameter("Karpenter runs on aws (EKS) or azure (AKS node auto-provisioning), not on gcp")))
    }

    @Test func minValuesCountsTheDistinctValuesLeft() throws {
        var types = NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g4dn", "g6"])
        types.minValues = 2
        #expect(
            try Self.offerings([types, Self.capacity("on-demand")]) == ["g4dn.xlarge/on-demand", "g6.xlarge/on-demand"])
        #expect(throws: CostModelError.self) { try Self.offerings([types, Self.capacity("spot")]) }
    }
}
