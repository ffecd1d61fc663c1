import Foundation
import Simulator
import Testing

@testable import CostModel

@Suite("pricing import: SageMaker offer files and Azure Container Apps meters as platform rows")
struct ServerlessPriceImportTests {
    typealias Support = ProviderImportSupport
    static let containerAppsPages = ["azure-container-apps-page1.json", "azure-container-apps-page2.json"]

    /// The four SageMaker instances the fixture keeps, with the shapes and prices it lists.
    func expectSageMakerRows(_ rows: [PriceRow], format: String) throws {
        func row(_ sku: String) throws -> PriceRow { try #require(Support.row(rows, "eu-west-3", sku)) }
        let host = try row("sagemaker/ml.g4dn.xlarge")
        let async = try row("sagemaker-async/ml.g6.xlarge")
        let async2x = try row("sagemaker-async/ml.g4dn.2xlarge")
        let fourGPUs = try row("sagemaker/ml.g5.12xlarge")
        #expect(rows.filter { $0.kind == .platform }.count == 4)
        let url = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonSageMaker/20261201000000/eu-west-3/"
        #expect(host.kind == .platform && host.provider == .aws && host.capacity == .onDemand)
        #expect(host.pricePerHour == TestSupport.rate("0.8"))
        #expect(host.vcpus == 4 && host.memoryGiB == "16" && host.gpuModel == "T4" && host.gpuCount == 1)
        #expect(host.gpuMemoryGiB == "16")
        #expect(host.billingIncrementSeconds == 1 && host.billingMinimumSeconds == 0)
        #expect(host.sourceURL == url + "index." + format && host.sourceDate == "2026-12-01")
        #expect(
            host.notes
                == "Usage type EUW3-Host:ml.g4dn.xlarge, AWS offer SKU SMHOSTG4DNXL0001, "
                + "rate code SMHOSTG4DNXL0001.JRTCKXETXF.6YS6EN2CT7")
        #expect(async.pricePerHour == TestSupport.rate("1.5"))
        #expect(async.gpuModel == "L4" && async.gpuMemoryGiB == "24" && async.vcpus == 4)
        #expect(async2x.pricePerHour == TestSupport.rate("1.1") && async2x.vcpus == 8 && async2x.memoryGiB == "32")
        #expect(fourGPUs.pricePerHour == TestSupport.rate("8"))
        #expect(fourGPUs.gpuModel == "A10G" && fourGPUs.gpuCount == 4 && fourGPUs.gpuMemoryGiB == "96")
    }

    @Test(
        "SageMaker offer, JSON or CSV: Host and AsyncInf GPU instances are platform rows, the rest counted",
        arguments: ["json", "csv"])
    func sageMakerOffer(format: String) throws {
        let imported = try Support.read(["aws-sagemaker-eu-west-3." + format])
        try expectSageMakerRows(imported.rows, format: format)
        let file = try #require(imported.files.first)
        #expect(file.format == (format == "json" ? .awsOfferJSON : .awsOfferCSV) && file.fileDate == "2026-12-01")
        // The JSON form lists a product without an OnDemand term; the CSV form has a Reserved line instead.
        let formReason = format == "json" ? "no OnDemand term priced per hour" : "TermType is not OnDemand"
        #expect(
            file.skipped.counts.map(\.reason) == [
                "ML Instance without a GPU", "ML Instance usage type other than Host or AsyncInf",
                "ML Instance of a GPU family without a known GPU model",
                "product family is not Compute Instance or ML Instance", formReason,
            ])
        #expect(file.skipped.total == 5)
        // Four platform rows and the documented EKS fee every AWS import without an EKS offer gets.
        #expect(imported.rows.count == 5)
        if format == "csv" {
            #expect(imported.rows == Support.csvForm(of: try Support.read(["aws-sagemaker-eu-west-3.json"]).rows))
        }
    }

    @Test("Container Apps: GPU, vCPU and memory meters of a region, on different pages, make one replica row per GPU")
    func containerApps() throws {
        let imported = try Support.read(Self.containerAppsPages)
        let t4 = try #require(Support.row(imported.rows, "eastus", "container-apps/nvidia-t4"))
        // (0.00008 GPU + 8 × 0.00002 vCPU + 56 × 0.000004 GiB) × 3600 = 0.000464 × 3600
        #expect(t4.pricePerHour == TestSupport.rate("1.6704"))
        #expect(t4.kind == .platform && t4.provider == .azure && t4.capacity == .onDemand)
        #expect(t4.vcpus == 8 && t4.memoryGiB == "56" && t4.gpuModel == "T4" && t4.gpuCount == 1)
        #expect(t4.gpuMemoryGiB == "16")
        #expect(t4.billingIncrementSeconds == 1 && t4.billingMinimumSeconds == 0)
        #expect(
            t4.sourceURL
                == "https://prices.azure.com/api/retail/prices?$filter=meterId eq "
                + "'5e1c0a00-0000-4c00-8a00-000000000001'")
        // The newest of its three meters: memory's 2026-06-01 (the older T4 price of 2024 is left out).
        #expect(t4.sourceDate == "2026-06-01")
        #expect(t4.notes?.contains("'Standard NC T4 v3 GPU Usage' 0.00008 + 8 vCPU") == true, "\(t4.notes ?? "")")
        let a100 = try #require(Support.row(imported.rows, "eastus", "container-apps/nvidia-a100"))
        // (0.0005 + 24 × 0.00002 + 220 × 0.000004) × 3600 = 0.00186 × 3600
        #expect(a100.pricePerHour == TestSupport.rate("6.696"))
        #expect(a100.vcpus == 24 && a100.memoryGiB == "220")
        #expect(a100.gpuModel == "A100-80GB" && a100.gpuMemoryGiB == "80")
        // Two replica rows and the documented AKS free tier of every Azure import without AKS meters.
        #expect(imported.rows.count == 3)
        let file = try #require(imported.files.first)
        #expect(file.skipped.count("retailPrice is 0 (a free grant)") == 1)
        #expect(file.skipped.count("Container Apps meter other than the GPU, vCPU and memory active usage") == 2)
        #expect(file.skipped.count("Container Apps skuName is not Standard (the Consumption plan)") == 1)
        #expect(file.skipped.count("older price of the same meter (kept the latest effectiveStartDate)") == 1)
        #expect(file.skipped.count("Container Apps vCPU or memory meter of a region without a GPU meter") == 2)
        #expect(file.skipped.total == 7)
    }

    @Test("imported platform rows price a serverless instance like the bundled ones")
    func pricedFromImport() throws {
        let imported = try Support.read(Self.containerAppsPages + ["aws-sagemaker-eu-west-3.json"])
        let catalog = try PriceCatalog(rows: imported.rows)
        let replica = NodeSpec(
            provider: "azure", region: "eastus", machineType: "container-apps/nvidia-t4", gpuModel: "T4", gpuCount: 1)
        let price = try catalog.nodePrice(for: replica)
        #expect(price.machine.kind == .platform && price.hourlyRate == TestSupport.rate("1.6704"))
        let endpoint = NodeSpec(
            provider: "aws", region: "eu-west-3", machineType: "sagemaker-async/ml.g6.xlarge", gpuModel: "L4",
            gpuCount: 1)
        #expect(try catalog.nodePrice(for: endpoint).hourlyRate == TestSupport.rate("1.5"))
        #expect(try catalog.regions(for: endpoint) == ["eu-west-3"])
    }

    @Test(
        "a malformed SageMaker or Container Apps record is an error naming file, line, record and field",
        arguments: [
            (
                "aws-sagemaker-eu-west-3.json", "\"vCpu\" : \"4\"", "\"vCpu\" : \"four\"",
                "products.SMHOSTG4DNXL0001.attributes.vCpu", "'four' is not a whole number"
            ),
            ("aws-sagemaker-eu-west-3.csv", "\"4\",\"16 GiB\"", "\"4\",\"16 GB\"", "Memory", "'16 GB' is not 'N GiB'"),
            (
                "aws-sagemaker-eu-west-3.csv", "\"0.8000000000\"", "\"-0.8\"", "PricePerUnit",
                "negative price '-0.8'"
            ),
            (
                "azure-container-apps-page1.json", "\"unitOfMeasure\":\"1 Second\"", "\"unitOfMeasure\":\"1 Hour\"",
                "Items[0].unitOfMeasure", "'1 Hour' for 'Standard NC T4 v3 GPU Usage': a Container Apps GPU replica"
            ),
            (
                "azure-container-apps-page1.json", "\"retailPrice\":8E-05", "\"retailPrice\":\"8E-05\"",
                "Items[0].retailPrice", "expected a number, found a string"
            ),
        ])
    func malformedField(name: String, old: String, new: String, field: String, message: String) throws {
        let (path, line) = try Support.mutated(name, replacing: old, with: new)
        var paths = [path]
        if name == Self.containerAppsPages[0] { paths.append(Support.fixture(Self.containerAppsPages[1])) }
        let (errorPath, issues) = try #require(Support.issues(paths))
        #expect(errorPath == path)
        let issue = try #require(issues.first)
        #expect(issue.field == field, "\(issue)")
        #expect(issue.message.contains(message), "\(issue)")
        if !name.hasSuffix(".json") || name.hasPrefix("azure") { #expect(issue.line == line, "\(issue)") }
    }

    @Test("a region with a Container Apps GPU meter but no vCPU meter is an error naming the GPU item")
    func missingVCPUMeter() throws {
        // Page 2 without eastus's vCPU active meter (renamed to the idle meter, which is left out).
        let (second, _) = try Support.mutated(
            Self.containerAppsPages[1], replacing: "\"meterName\":\"Standard vCPU Active Usage\"",
            with: "\"meterName\":\"Standard vCPU Idle Usage\"")
        let first = Support.fixture(Self.containerAppsPages[0])
        let (errorPath, issues) = try #require(Support.issues([first, second]))
        #expect(errorPath == first)
        let issue = try #require(issues.first)
        #expect(issue.line == 2 && issue.field == "Items[0].meterName", "\(issue)")
        #expect(issue.sku == "Standard NC T4 v3 GPU Usage")
        #expect(
            issue.message.hasPrefix(
                "region eastus has 'Standard NC T4 v3 GPU Usage' but no 'Standard vCPU Active Usage' meter"),
            "\(issue)")
    }
}
