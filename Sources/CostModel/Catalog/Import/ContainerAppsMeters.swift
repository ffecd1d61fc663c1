import Simulator

/// The Azure Container Apps meters of Retail Prices pages that price a serverless GPU replica, and
/// the `platform` rows they combine into.
///
/// A replica of a Consumption GPU workload profile is billed per second for its GPU, its vCPUs and
/// its memory, at the active rates only: GPU apps have no idle rate (MicrosoftDocs/azure-docs
/// `articles/container-apps/billing.md`). Kept: items of `skuName` Standard (the Consumption plan),
/// `type` Consumption and currency USD whose `meterName` is one of ``Meter``. The GPU meters give
/// one row per region and GPU, `container-apps/nvidia-t4` or `container-apps/nvidia-a100`, at
/// (GPU + vCPUs × vCPU + GiB × memory) × 3600 per replica-hour with the profile's vCPUs and GiB
/// (``Profile``), billed per second with no minimum; the monthly free grants of vCPU- and
/// GiB-seconds are not deducted. The vCPU and memory meters may sit on any page of the import.
struct ContainerAppsMeters {
    static let serviceName = "Azure Container Apps"

    /// The meters a GPU replica is priced from.
    enum Meter: String, CaseIterable {
        case t4 = "Standard NC T4 v3 GPU Usage"
        case a100 = "Standard NC A100 v4 GPU Usage"
        case vcpu = "Standard vCPU Active Usage"
        case memory = "Standard Memory Active Usage"

        /// The `unitOfMeasure`s the meter is listed with: per second (per GiB-second for memory,
        /// which is listed as `1 GiB Second` or `1 Second`).
        var units: [String] { self == .memory ? ["1 GiB Second", "1 Second"] : ["1 Second"] }
    }

    /// A Consumption GPU workload profile, as a replica of it is priced. Microsoft's docs state no
    /// minimum allocation for a GPU replica: the profile table gives 8–24 vCPU and 56–220 GiB for
    /// the two profiles (`workload-profiles-overview.md`) and the GPU quickstart gives a T4 replica
    /// 8 vCPU and 56 GiB, "the T4 profile requirements" (`gpu-image-generation.md`); an A100
    /// replica is priced with the top of the range, 24 vCPU and 220 GiB.
    struct Profile {
        var name: String
        var sku: String
        var vcpus: Int
        var memoryGiB: Int
        var gpuModel: String
        var gpuMemoryGiB: Int
    }

    static let profiles: [Meter: Profile] = [
        .t4: Profile(
            name: "Consumption-GPU-NC8as-T4", sku: "container-apps/nvidia-t4", vcpus: 8, memoryGiB: 56,
            gpuModel: "T4", gpuMemoryGiB: 16),
        .a100: Profile(
            name: "Consumption-GPU-NC24-A100", sku: "container-apps/nvidia-a100", vcpus: 24, memoryGiB: 220,
            gpuModel: "A100-80GB", gpuMemoryGiB: 80),
    ]

    /// One meter's per-second price (held as an exact decimal in an ``HourlyRate``), its
    /// `effectiveStartDate` and the item it came from.
    struct Reading {
        var perSecond: HourlyRate
        var stamp: Stamp
        var meterID: String
        var record: JSONRecord
    }

    /// An `effectiveStartDate` as ``ImportedAmount/timestamp(_:)`` gives it.
    typealias Stamp = (key: String, day: String)

    private var byRegion: [String: [Meter: Reading]] = [:]
    private var regionOrder: [String] = []

    /// Reads one item of serviceName Azure Container Apps: kept, counted in `tally`, or an error
    /// naming the field (a unit that is not per second, a malformed price or date).
    mutating func add(_ record: JSONRecord, tally: inout SkipTally) throws(CatalogImportError) {
        guard try record.string("type") == "Consumption" else { return tally.add("type is not Consumption") }
        guard try record.string("skuName") == "Standard" else {
            return tally.add("Container Apps skuName is not Standard (the Consumption plan)")
        }
        guard let meter = Meter(rawValue: try record.string("meterName") ?? "") else {
            return tally.add("Container Apps meter other than the GPU, vCPU and memory active usage")
        }
        guard try record.string("currencyCode") ?? "USD" == "USD" else { return tally.add("currencyCode is not USD") }
        if record.member("isPrimaryMeterRegion")?.value == .bool(false) {
            return tally.add("not the primary meter region")
        }
        let unit = try record.string("unitOfMeasure") ?? ""
        guard meter.units.contains(unit) else {
            throw record.error(
                record.field("unitOfMeasure"),
                "\(TraceLimits.quote(unit)) for '\(meter.rawValue)': a Container Apps GPU replica is priced from "
                    + "per-second meters (\(meter.units.map { "'\($0)'" }.joined(separator: " or ")))")
        }
        let region = try record.requiredString("armRegionName")
        let (price, stamp) = try AzureRetailPrices.priceAndDate(record)
        guard price > .zero else { return tally.add("retailPrice is 0 (a free grant)") }
        let reading = Reading(
            perSecond: price, stamp: stamp, meterID: try record.string("meterId") ?? "", record: record)
        if byRegion[region] == nil { regionOrder.append(region) }
        if let existing = byRegion[region]?[meter] {
            tally.add("older price of the same meter (kept the latest effectiveStartDate)")
            if existing.stamp.key >= stamp.key { return }
        }
        byRegion[region, default: [:]][meter] = reading
    }

    /// One row per region and GPU meter, with the `effectiveStartDate` of its newest meter. A
    /// region with a GPU meter but no vCPU or memory meter is an error naming the GPU item; vCPU
    /// and memory meters of a region without a GPU meter are counted in `tally`.
    func rows(tally: inout SkipTally) throws(CatalogImportError) -> [(row: PriceRow, stamp: Stamp)] {
        var rows: [(row: PriceRow, stamp: Stamp)] = []
        for region in regionOrder {
            let meters = byRegion[region]!
            let gpus = [Meter.t4, .a100].filter { meters[$0] != nil }
            if gpus.isEmpty {
                tally.add("Container Apps vCPU or memory meter of a region without a GPU meter", count: meters.count)
                continue
            }
            for gpu in gpus {
                rows.append(try row(gpu: meters[gpu]!, profile: Self.profiles[gpu]!, region: region, meters: meters))
            }
        }
        return rows
    }

    private func row(
        gpu: Reading, profile: Profile, region: String, meters: [Meter: Reading]
    ) throws(CatalogImportError) -> (row: PriceRow, stamp: Stamp) {
        let gpuMeter = try gpu.record.string("meterName") ?? ""
        guard let vcpu = meters[.vcpu], let memory = meters[.memory] else {
            let missing = [Meter.vcpu, .memory].filter { meters[$0] == nil }.map { "'\($0.rawValue)'" }
            throw gpu.record.error(
                gpu.record.field("meterName"),
                "region \(region) has '\(gpuMeter)' but no \(missing.joined(separator: " or ")) meter: a GPU replica "
                    + "is billed for its vCPU and memory too; import the region's Container Apps meters with it "
                    + "(a query on serviceName and armRegionName only)")
        }
        guard let cores = vcpu.perSecond.multiplied(by: profile.vcpus),
            let gib = memory.perSecond.multiplied(by: profile.memoryGiB),
            let perSecond = gpu.perSecond.adding(cores)?.adding(gib),
            let hourly = perSecond.multiplied(by: 3600),
            CatalogLimits.priceProblem(hourly) == nil
        else {
            throw gpu.record.error(
                gpu.record.field("retailPrice"),
                "a \(profile.name) replica-hour at these rates is above the maximum "
                    + "\(CatalogLimits.maximumPricePerHour.dollarsPerHourText) USD/h")
        }
        func rate(_ reading: Reading) -> String { reading.perSecond.exactDollarsPerHourText }
        var row = PriceRow.imported(
            provider: .azure, region: region, kind: .platform, sku: profile.sku, capacity: .onDemand,
            pricePerHour: hourly,
            sourceURL: "https://prices.azure.com/api/retail/prices?$filter=meterId eq '\(gpu.meterID)'",
            notes: "Azure Container Apps \(profile.name) replica, active rates (GPU apps have no idle rate): "
                + "(meter '\(gpuMeter)' \(rate(gpu)) + \(profile.vcpus) vCPU × '\(Meter.vcpu.rawValue)' \(rate(vcpu))"
                + " + \(profile.memoryGiB) GiB × '\(Meter.memory.rawValue)' \(rate(memory))) USD/s × 3600; "
                + "monthly free grants not deducted, HTTP requests billed apart")
        row.vcpus = profile.vcpus
        row.memoryGiB = String(profile.memoryGiB)
        row.gpuModel = profile.gpuModel
        row.gpuCount = 1
        row.gpuMemoryGiB = String(profile.gpuMemoryGiB)
        let newest = [gpu, vcpu, memory].map(\.stamp).max { $0.key < $1.key }!
        return (row, newest)
    }
}
