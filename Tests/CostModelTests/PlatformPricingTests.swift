import Simulator
import Testing
@testable import CostModel

/// Serverless platform instances (`platform` rows): looked up by the node's machine type like a
/// machine row, billed with the row's own increment and minimum, bundled GPU included.
@Suite("Serverless platform rows")
struct PlatformPricingTests {
    /// A platform row at `dollars` per hour, billed per `increment` s with `minimum` s.
    static func platform(
        _ sku: String, provider: CloudProvider = .modal, region: String = "global", dollars: String,
        increment: Int64 = 1, minimum: Int64 = 0
    ) -> PriceRow {
        PriceRow(
            snapshot: "s", effectiveDate: "2026-01-01", provider: provider, region: region, kind: .platform, sku: sku,
            capacity: .onDemand, gpuModel: "L4", gpuCount: 1, pricePerHour: TestSupport.rate(dollars),
            billingIncrementSeconds: increment, billingMinimumSeconds: minimum)
    }

    static func node(_ sku: String, provider: String = "modal", region: String = "global") -> NodeSpec {
        NodeSpec(provider: provider, region: region, machineType: sku, gpuModel: "L4", gpuCount: 1)
    }

    @Test("a platform instance is priced from its row, billed per started increment and at least the minimum")
    func billing() throws {
        let catalog = try PriceCatalog(rows: [
            Self.platform("per-second", dollars: "3.6"),   // 0.001 USD per second
            Self.platform("coarse", dollars: "3.6", increment: 60, minimum: 300),
        ])
        let calculator = CostCalculator(catalog: catalog)
        func charge(_ sku: String, seconds: Double) throws -> NodeRunCharge {
            try calculator.charge(TestSupport.run(Self.node(sku), seconds: seconds))
        }
        let started = try charge("per-second", seconds: 10.2)   // 11 started seconds × 0.001
        #expect(started.billedSeconds == 11)
        #expect(started.machineCost == TestSupport.dollars("0.011"))
        #expect(started.gpuCost == .zero && started.isGPUNode)
        #expect(try charge("coarse", seconds: 10).billedSeconds == 300)   // the minimum
        #expect(try charge("coarse", seconds: 301).billedSeconds == 360)   // six started minutes
        #expect(try charge("coarse", seconds: 301).machineCost == TestSupport.dollars("0.36"))
    }

    @Test("the catalog tells a platform from a machine by its rows; a machine row of the same name is not used")
    func kindFromCatalog() throws {
        let machine = PriceRow(
            snapshot: "s", effectiveDate: "2026-01-01", provider: .gcp, region: "r", kind: .machine, sku: "vm",
            capacity: .onDemand, pricePerHour: TestSupport.rate("1"))
        let catalog = try PriceCatalog(rows: [
            machine, Self.platform("run/l4", provider: .gcp, region: "r", dollars: "2"),
        ])
        let vm = NodeSpec(provider: "gcp", region: "r", machineType: "vm")
        #expect(try catalog.nodePrice(for: vm).machine.kind == .machine)
        let platform = try catalog.nodePrice(for: Self.node("run/l4", provider: "gcp", region: "r"))
        #expect(platform.machine.kind == .platform)
        #expect(platform.hourlyRate == TestSupport.rate("2"))
        #expect(try catalog.regions(for: Self.node("run/l4", provider: "gcp", region: "elsewhere")) == ["r"])
    }

    @Test("a platform node asking for another GPU, or for spot capacity, is an error naming what is missing")
    func mismatches() throws {
        let catalog = try PriceCatalog(rows: [Self.platform("modal/l4", dollars: "0.8")])
        var t4 = Self.node("modal/l4")
        t4.gpuModel = "T4"
        #expect(throws: CostModelError.bundledGPUMismatch(machineType: "modal/l4", bundled: "L4", requested: "T4")) {
            try catalog.nodePrice(for: t4)
        }
        var spot = Self.node("modal/l4")
        spot.spot = true
        #expect {
            try catalog.nodePrice(for: spot)
        } throws: { error in
            guard case CostModelError.noPrice(let kind, "modal/l4", "modal", "global", .spot, _, _) = error else {
                return false
            }
            return kind == .platform
        }
    }

    @Test("Modal and RunPod have no cluster fee: a managed option on them pays none")
    func noClusterFee() throws {
        #expect(BillingRules.ClusterFee.providerDefault.sku(for: .modal) == nil)
        #expect(BillingRules.ClusterFee.providerDefault.sku(for: .runpod) == nil)
        let catalog = try PriceCatalog(rows: [Self.platform("modal/l4", dollars: "0.8")])
        let report = try CostCalculator(catalog: catalog).price(
            BilledUsage(
                optionName: "modal", managedCluster: true, horizonSeconds: 3600,
                nodeRuns: [TestSupport.run(Self.node("modal/l4"), seconds: 3600)]))
        #expect(report.simulated.clusterFee == .zero)
        #expect(report.simulated.total == TestSupport.dollars("0.8"))
    }

    @Test("bundled Cloud Run L4: the GPU plus the 4 vCPU and 16 GiB it requires, in the four Tier 1 L4 regions")
    func bundledCloudRun() throws {
        let catalog = try PriceCatalog.bundled()
        let node = Self.node("cloud-run/nvidia-l4", provider: "gcp", region: "us-central1")
        // 3600 × (0.0002909 GPU + 4 × 0.000018 vCPU + 16 × 0.000002 GiB) = 3600 × 0.0003949
        #expect(try catalog.nodePrice(for: node).hourlyRate == TestSupport.rate("1.42164"))
        var cheaper = node
        cheaper.machineType = "cloud-run/nvidia-l4-no-zonal-redundancy"
        #expect(try catalog.nodePrice(for: cheaper).hourlyRate == TestSupport.rate("1.04652"))   // 3600 × 0.0002907
        let regions = ["europe-west1", "europe-west4", "us-central1", "us-east4"]
        #expect(try catalog.regions(for: node) == regions)
        var singapore = node
        singapore.region = "asia-southeast1"
        // A GCE region without Cloud Run rows (Tier 2): the lookup names the platform SKU.
        #expect(
            throws: CostModelError.unknownSKU(
                kind: .platform, sku: "cloud-run/nvidia-l4", provider: "gcp", region: "asia-southeast1")
        ) {
            try catalog.nodePrice(for: singapore)
        }
    }

    @Test("bundled Modal and RunPod rows are per-second GPU prices in region global")
    func bundledPerSecond() throws {
        let catalog = try PriceCatalog.bundled()
        func rate(_ provider: String, _ sku: String, _ gpu: String) throws -> HourlyRate {
            var node = Self.node(sku, provider: provider)
            node.gpuModel = gpu
            return try catalog.nodePrice(for: node).hourlyRate
        }
        #expect(try rate("modal", "modal/nvidia-t4", "T4") == TestSupport.rate("0.5904"))   // 0.000164 × 3600
        #expect(try rate("runpod", "runpod/nvidia-l4", "L4") == TestSupport.rate("0.684"))   // 0.00019 × 3600
        #expect(try rate("runpod", "runpod/nvidia-h100", "H100-80GB") == TestSupport.rate("4.176"))
        #expect(try rate("modal", "modal/nvidia-a100", "A100-40GB") == TestSupport.rate("2.0988"))  // 0.000583 × 3600
        #expect(try rate("modal", "modal/nvidia-h100", "H100-80GB") == TestSupport.rate("3.9492"))  // 0.001097 × 3600
        let platforms = try catalog.rows(matching: PriceFilter(kind: .platform))
        #expect(platforms.allSatisfy { $0.capacity == .onDemand && $0.gpuCount == 1 && $0.billingMinimumSeconds == 0 })
        #expect(Set(platforms.filter { [.modal, .runpod].contains($0.provider) }.map(\.region)) == ["global"])
    }

    @Test("every GPU Modal and RunPod offer an option has a bundled row, with the GPU count of one")
    func bundledPerSecondGPUs() throws {
        let catalog = try PriceCatalog.bundled()
        for platform in [ServerlessPlatform.modal, .runpod] {
            let profile = platform.profile
            for gpu in profile.gpus {
                let sku = profile.sku(gpu: gpu)
                let rows = try catalog.rows(matching: PriceFilter(
                    provider: profile.provider, region: profile.fixedRegion, kind: .platform, sku: sku))
                #expect(rows.count == 1, "\(platform.rawValue) \(gpu): \(sku)")
            }
        }
    }

    @Test("bundled SageMaker rows: per instance-hour as transcribed, the EC2 type's shape, in the regions transcribed")
    func bundledSageMaker() throws {
        let catalog = try PriceCatalog.bundled()
        func price(_ sku: String, _ region: String, _ gpu: String) throws -> NodePrice {
            var node = Self.node(sku, provider: "aws", region: region)
            node.gpuModel = gpu
            return try catalog.nodePrice(for: node)
        }
        let async = try price("sagemaker-async/ml.g6.xlarge", "eu-west-3", "L4")
        #expect(async.hourlyRate == TestSupport.rate("1.4302"))
        #expect(async.machine.vcpus == 4 && async.machine.memoryGiB == "16" && async.machine.gpuMemoryGiB == "24")
        #expect(async.machine.billingIncrementSeconds == 1 && async.machine.billingMinimumSeconds == 0)
        #expect(try price("sagemaker/ml.g4dn.xlarge", "us-east-1", "T4").hourlyRate == TestSupport.rate("0.7364"))
        #expect(try price("sagemaker-async/ml.g6e.2xlarge", "us-east-1", "L40S").machine.memoryGiB == "64")
        // The transcription says eu-west-3 has no asynchronous ml.g4dn.xlarge: no row, and no row derived.
        #expect(throws: CostModelError.self) { try price("sagemaker-async/ml.g4dn.xlarge", "eu-west-3", "T4") }
        var node = Self.node("sagemaker-async/ml.g6.xlarge", provider: "aws", region: "eu-west-3")
        node.gpuModel = "L4"
        #expect(try catalog.regions(for: node) == ["ap-northeast-1", "eu-west-3"])
    }

    @Test("bundled Container Apps rows: GPU + the profile's vCPU and memory per second, times 3600, in eastus")
    func bundledContainerApps() throws {
        let catalog = try PriceCatalog.bundled()
        var t4 = Self.node("container-apps/nvidia-t4", provider: "azure", region: "eastus")
        t4.gpuModel = "T4"
        // 3600 × (0.000073 GPU + 8 × 0.000024 vCPU + 56 × 0.000003 GiB) = 3600 × 0.000433
        #expect(try catalog.nodePrice(for: t4).hourlyRate == TestSupport.rate("1.5588"))
        var a100 = Self.node("container-apps/nvidia-a100", provider: "azure", region: "eastus")
        a100.gpuModel = "A100-80GB"
        // 3600 × (0.000529 + 24 × 0.000024 + 220 × 0.000003) = 3600 × 0.001765
        let price = try catalog.nodePrice(for: a100)
        #expect(price.hourlyRate == TestSupport.rate("6.354"))
        #expect(price.machine.vcpus == 24 && price.machine.memoryGiB == "220")
        #expect(price.machine.billingIncrementSeconds == 1 && price.machine.billingMinimumSeconds == 0)
        #expect(try catalog.regions(for: t4) == ["eastus"])
    }
}
