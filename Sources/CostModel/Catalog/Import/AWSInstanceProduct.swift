import Simulator

/// One product of an AWS Price List offer file (AmazonEC2, AmazonEKS or AmazonSageMaker), from
/// its JSON `attributes` or the matching CSV columns, and what catalog row it can become.
///
/// Kept: EC2 `Compute Instance` products that are Linux, Shared tenancy, capacity status
/// `Used` (not a reservation or a dedicated host), no pre-installed software (`NA`) and, when
/// the file has the attribute, market option `OnDemand`; the EKS per-cluster hour fees; and
/// SageMaker `ML Instance` products of real-time hosting or asynchronous inference with a GPU
/// (``sageMakerUse()``). Everything else is counted as left out, by the first attribute that
/// rules it out.
struct AWSInstanceProduct {
    var sku: String
    var productFamily: String?
    /// Attribute value by its JSON name (`instanceType`, `vcpu`, `regionCode`…).
    var attribute: (String) -> String?

    /// The CSV column of each attribute the importer reads.
    static let csvColumns: [String: String] = [
        "instanceType": "Instance Type", "vcpu": "vCPU", "memory": "Memory", "gpu": "GPU",
        "operatingSystem": "Operating System", "tenancy": "Tenancy", "capacitystatus": "CapacityStatus",
        "preInstalledSw": "Pre Installed S/W", "regionCode": "Region Code", "marketoption": "MarketOption",
        "usagetype": "usageType", "servicecode": "serviceCode", "vCpu": "vCPU",
    ]

    /// What the product is for the catalog.
    enum Use {
        case machine(region: String, instanceType: String, shape: Shape)
        case fee(region: String, name: String)
        /// A SageMaker instance (`sku` `sagemaker/ml.g4dn.xlarge`) of the EC2 type `instanceType`.
        case platform(region: String, sku: String, instanceType: String, usageType: String, shape: Shape)

        var region: String {
            switch self {
            case .machine(let region, _, _), .fee(let region, _), .platform(let region, _, _, _, _): region
            }
        }
    }

    /// A machine's shape, bounded by ``CatalogLimits``.
    struct Shape {
        var vcpus: Int?
        var memoryGiB: String?
        var gpuCount: Int
    }

    /// The row this product can give, or why not (a reason for ``SkipTally``), or a field problem.
    func use() -> Result<Use, Refusal> {
        if let usage = attribute("usagetype"), usage.contains("AmazonEKS-Hours:") {
            guard let region = attribute("regionCode"), !region.isEmpty else {
                return .failure(.skip("no regionCode attribute"))
            }
            if usage.hasSuffix("AmazonEKS-Hours:perCluster") {
                return .success(.fee(region: region, name: "eks-control-plane-standard-support"))
            }
            if usage.hasSuffix("AmazonEKS-Hours:extendedSupport") {
                return .success(.fee(region: region, name: "eks-control-plane-extended-support"))
            }
            return .failure(.skip("EKS usage type other than the per-cluster hour"))
        }
        if productFamily == "ML Instance" { return sageMakerUse() }
        guard productFamily == "Compute Instance" || productFamily == "Compute Instance (bare metal)" else {
            return .failure(.skip("product family is not Compute Instance or ML Instance"))
        }
        for (name, wanted) in [
            ("operatingSystem", "Linux"), ("tenancy", "Shared"), ("capacitystatus", "Used"),
            ("preInstalledSw", "NA"),
        ] where attribute(name) != wanted {
            return .failure(.skip("\(name) is not \(wanted)"))
        }
        if let market = attribute("marketoption"), !market.isEmpty, market != "OnDemand" {
            return .failure(.skip("marketoption is not OnDemand"))
        }
        guard let region = attribute("regionCode"), !region.isEmpty else {
            return .failure(.skip("no regionCode attribute"))
        }
        guard let instanceType = attribute("instanceType"), !instanceType.isEmpty else {
            return .failure(.skip("no instanceType attribute"))
        }
        switch shape(vcpuAttribute: "vcpu") {
        case .success(let shape): return .success(.machine(region: region, instanceType: instanceType, shape: shape))
        case .failure(let refusal): return .failure(refusal)
        }
    }

    /// The shape the attributes give (`vcpuAttribute`: `vcpu` in EC2's files, `vCpu` in
    /// SageMaker's), each number bounded; "NA" or absent leaves it unknown (GPUs: 0).
    func shape(vcpuAttribute: String) -> Result<Shape, Refusal> {
        var shape = Shape(vcpus: nil, memoryGiB: nil, gpuCount: 0)
        if let text = attribute(vcpuAttribute), text != "NA", !text.isEmpty {
            guard let value = Int64(text), CatalogLimits.vcpus.contains(value) else {
                let problem = "\(TraceLimits.quote(text)) is not a whole number within \(CatalogLimits.vcpus)"
                return .failure(.field(vcpuAttribute, problem))
            }
            shape.vcpus = Int(value)
        }
        if let text = attribute("memory"), text != "NA", !text.isEmpty {
            guard text.hasSuffix(" GiB") else {
                return .failure(.field("memory", "\(TraceLimits.quote(text)) is not 'N GiB'"))
            }
            let number = String(text.dropLast(4).filter { $0 != "," })
            if let problem = CatalogLimits.memoryProblem(number) { return .failure(.field("memory", problem)) }
            shape.memoryGiB = number
        }
        if let text = attribute("gpu"), text != "NA", !text.isEmpty {
            guard let value = Int64(text), CatalogLimits.gpuCount.contains(value) else {
                return .failure(
                    .field("gpu", "\(TraceLimits.quote(text)) is not a whole number within \(CatalogLimits.gpuCount)"))
            }
            shape.gpuCount = Int(value)
        }
        return .success(shape)
    }

    /// Why a product gives no row: left out (counted) or malformed (an error naming the field).
    enum Refusal: Error {
        case skip(String)
        case field(String, String)
    }

    /// Adds the row `use` gives at `term` to `rows` (or counts why there is none).
    static func add(
        _ use: Use, term: AWSTermPrice, sku: String, url: (offer: String, version: String, format: String),
        to rows: inout ImportedRows
    ) {
        switch term {
        case .skip(let reason):
            rows.skipped.add(reason)
        case .price(let price, let note):
            var notes = "AWS offer SKU \(sku), \(note)"
            if case .platform(_, _, _, let usageType, _) = use { notes = "Usage type \(usageType), " + notes }
            rows.add(
                row(
                    use, price: price, sourceURL: offerURL(url.offer, url.version, use.region, url.format),
                    notes: notes))
        }
    }

    /// The row for `use` at `price`.
    private static func row(_ use: Use, price: HourlyRate, sourceURL: String, notes: String) -> PriceRow {
        switch use {
        case .fee(_, let name):
            return PriceRow.imported(
                provider: .aws, region: "global", kind: .fee, sku: name, capacity: .onDemand, pricePerHour: price,
                sourceURL: sourceURL, notes: notes)
        case .machine(let region, let instanceType, let shape):
            var row = PriceRow.imported(
                provider: .aws, region: region, kind: .machine, sku: instanceType, capacity: .onDemand,
                pricePerHour: price, sourceURL: sourceURL, notes: notes)
            return shaped(row, instanceType: instanceType, shape: shape)
        case .platform(let region, let sku, let instanceType, _, let shape):
            let row = PriceRow.imported(
                provider: .aws, region: region, kind: .platform, sku: sku, capacity: .onDemand,
                pricePerHour: price, sourceURL: sourceURL, notes: notes)
            return shaped(row, instanceType: instanceType, shape: shape)
        }
    }

    /// `row` with `shape` and the GPU model of `instanceType`'s family.
    private static func shaped(_ row: PriceRow, instanceType: String, shape: Shape) -> PriceRow {
        var row = row
        row.vcpus = shape.vcpus
        row.memoryGiB = shape.memoryGiB
        row.gpuCount = shape.gpuCount
        if shape.gpuCount > 0, let gpu = AWSGPUFamilies.gpu(forInstanceType: instanceType) {
            row.gpuModel = gpu.model
            row.gpuMemoryGiB = String(gpu.memoryGiB * shape.gpuCount)
        }
        return row
    }
}

/// The NVIDIA GPU each EC2 GPU family bundles (the offer file gives the count, not the model),
/// from AWS's accelerated-computing instance type pages. A GPU instance of a family not listed
/// keeps its GPU count without a model.
enum AWSGPUFamilies {
    static let table: [String: (model: String, memoryGiB: Int)] = [
        "g4dn": ("T4", 16), "g5": ("A10G", 24), "g6": ("L4", 24), "gr6": ("L4", 24), "g6e": ("L40S", 48),
        "p3": ("V100", 16), "p3dn": ("V100", 32), "p4d": ("A100-40GB", 40), "p4de": ("A100-80GB", 80),
        "p5": ("H100-80GB", 80), "p5e": ("H200", 141), "p5en": ("H200", 141),
    ]

    /// The GPU of `instanceType`'s family (`g4dn.xlarge` → T4), if known.
    static func gpu(forInstanceType instanceType: String) -> (model: String, memoryGiB: Int)? {
        guard let dot = instanceType.firstIndex(of: ".") else { return nil }
        return table[String(instanceType[..<dot])]
    }
}

extension AWSInstanceProduct {
    /// Where AWS publishes the regional offer file a row came from:
    /// `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/VERSION/REGION/index.json`.
    static func offerURL(_ offer: String, _ version: String, _ region: String, _ format: String) -> String {
        "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/\(offer)/\(version)/\(region)/index.\(format)"
    }
}

/// The on-demand price an offer file gives one SKU, or why it gives none.
enum AWSTermPrice {
    case price(HourlyRate, note: String)
    case skip(String)

    /// `text` (`pricePerUnit.USD`) converted exactly; a zero price is left out (counted);
    /// `fail` is called with the reason a malformed price is refused.
    init(
        _ text: String, rateCode: String, fail: (String) throws(CatalogImportError) -> Never
    ) throws(CatalogImportError) {
        switch ImportedAmount.rate(text) {
        case .success(let price):
            self = price > .zero ? .price(price, note: "rate code \(rateCode)") : .skip("on-demand price is 0")
        case .failure(let problem): try fail(problem.message)
        }
    }
}
