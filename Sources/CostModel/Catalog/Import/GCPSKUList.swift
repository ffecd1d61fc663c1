import Simulator

/// Reads pages of GCP's Cloud Billing Catalog API SKU list (`GET
/// https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus`, Compute Engine; the
/// GKE fee from Kubernetes Engine's list):
///
/// ```
/// { "skus": [ { "name": "services/6F81-5844-456A/skus/…", "skuId": "…",
///     "description": "N1 Predefined Instance Core running in Americas",
///     "category": { "resourceFamily": "Compute", "resourceGroup": "N1Standard", "usageType": "OnDemand" },
///     "serviceRegions": [ "us-central1", … ],
///     "pricingInfo": [ { "effectiveTime": "…Z", "pricingExpression": { "usageUnit": "h",
///         "tieredRates": [ { "startUsageAmount": 0,
///           "unitPrice": { "currencyCode": "USD", "units": "0", "nanos": 31611000 } } ] } } ] },
///   … ], "nextPageToken": "…" }
/// ```
///
/// GCP bills a VM by its parts: vCPU-hours and GiB-hours of its family's SKUs, plus GPU-hours.
/// Each SKU is one such part in the regions it lists; ``combine`` adds them up into machine
/// prices the way GCP bills them (``GCPMachineShapes``), `units + nanos / 10^9` exactly. Usage
/// type `OnDemand` gives on-demand rows, `Preemptible` (Spot) spot rows; commitments are left out.
/// All pages of one list should be imported together (several files in one `pricing import`),
/// because a machine needs its family's vCPU, RAM and GPU SKUs, which may sit on different pages.
enum GCPSKUList {
    /// One priced part: vCPU or RAM of a family, a GPU, or a GKE fee.
    enum Component: Hashable {
        case core(String)
        case ram(String)
        case gpu(GCPGPU)
        case fee(String)
    }

    /// A component's price in one region at one capacity, and the SKU it came from.
    struct Part {
        var price: HourlyRate
        var skuID: String
        var serviceURL: String
    }

    /// The parts of every SKU page read so far, region by region.
    struct Parts {
        var byRegion: [String: [CapacityType: [Component: Part]]] = [:]
        var regionOrder: [String] = []
    }

    /// GKE's per-cluster-hour fees by SKU description.
    static let fees = [
        "zonal kubernetes clusters": "gke-cluster-management",
        "regional kubernetes clusters": "gke-regional-cluster-management",
        "autopilot kubernetes clusters": "gke-autopilot-cluster-management",
    ]

    /// Reads every page of one or more SKU lists and combines their parts into rows.
    static func read(paths: [String]) throws(CatalogImportError) -> ImportedPriceFile {
        var parts = Parts()
        var rows = ImportedRows()
        for path in paths { try read(path: path, into: &parts, rows: &rows) }
        for row in combine(parts, tally: &rows.skipped) { rows.add(row) }
        return rows.file(paths: paths, format: .gcpSKUs)
    }

    /// Reads one page's SKUs into `parts`, counting what it leaves out and noting its
    /// `effectiveTime`s in `rows`.
    private static func read(
        path: String, into parts: inout Parts, rows: inout ImportedRows
    ) throws(CatalogImportError) {
        let reader = try JSONReader(path: path)
        try reader.forEachRecord(inTopLevelArray: "skus", what: "a Cloud Billing SKU list") {
            record throws(CatalogImportError) in
            record.sku = try record.string("skuId")
            guard let (component, capacity) = try classify(record, tally: &rows.skipped),
                let (price, stamp) = try price(of: record, component: component, tally: &rows.skipped)
            else { return }
            rows.saw(timestamp: stamp)
            let service =
                try record.string("name").flatMap { name -> String? in
                    let parts = name.split(separator: "/")
                    return parts.count >= 2 && parts[0] == "services" ? String(parts[1]) : nil
                } ?? "6F81-5844-456A"
            let part = Part(
                price: price, skuID: record.sku ?? "?",
                serviceURL: "https://cloudbilling.googleapis.com/v1/services/\(service)/skus")
            let regions = try record.array("serviceRegions")
            if regions.isEmpty { rows.skipped.add("no serviceRegions") }
            for region in regions {
                guard case .string(let name) = region.value, !name.isEmpty else {
                    throw record.error(region.path, "expected a region name")
                }
                if parts.byRegion[name] == nil { parts.regionOrder.append(name) }
                if parts.byRegion[name, default: [:]][capacity, default: [:]][component] != nil {
                    rows.skipped.add("same part, region and capacity as an earlier SKU (kept the first)")
                } else {
                    parts.byRegion[name, default: [:]][capacity, default: [:]][component] = part
                }
            }
        }
    }

    /// The part and capacity a SKU prices, or `nil` (counted) if costsim does not use it.
    static func classify(
        _ record: JSONRecord, tally: inout SkipTally
    ) throws(CatalogImportError) -> (Component, CapacityType)? {
        let description = try record.requiredString("description").lowercased()
        let usage = try record.object("category").string("usageType")
        let capacity: CapacityType
        switch usage {
        case "OnDemand": capacity = .onDemand
        case "Preemptible": capacity = .spot
        default:
            tally.add("usageType is not OnDemand or Preemptible")
            return nil
        }
        if let fee = fees[description] {
            guard capacity == .onDemand else {
                tally.add("usageType is not OnDemand or Preemptible")
                return nil
            }
            return (.fee(fee), capacity)
        }
        var head = Substring(description)
        for prefix in ["spot preemptible ", "preemptible "] where head.hasPrefix(prefix) {
            head = head.dropFirst(prefix.count)
            break
        }
        guard let running = head.firstRange(of: " running in ") else {
            tally.add("not a vCPU, RAM or GPU price of a machine family costsim prices")
            return nil
        }
        head = head[..<running.lowerBound]
        for suffix in [" attached to spot preemptible vms", " attached to preemptible vms"] where head.hasSuffix(suffix)
        {
            head = head.dropLast(suffix.count)
            break
        }
        if let gpu = GCPGPU.table.first(where: { $0.description == head }) { return (.gpu(gpu), capacity) }
        let words = head.split(separator: " ").map(String.init)
        if words.count >= 3, GCPMachineShapes.families.contains(words[0]), words[words.count - 2] == "instance",
            words.count == 3 || (words.count == 4 && words[0] == "n1" && words[1] == "predefined")
        {
            switch words[words.count - 1] {
            case "core": return (.core(words[0]), capacity)
            case "ram": return (.ram(words[0]), capacity)
            default: break
            }
        }
        tally.add("not a vCPU, RAM or GPU price of a machine family costsim prices")
        return nil
    }

    /// The SKU's hourly price (per GiB-hour for RAM): its latest `pricingInfo`, the tiered rate
    /// starting at 0, `units + nanos/10^9` USD exactly. `nil` (counted) for another unit or currency.
    static func price(
        of record: JSONRecord, component: Component, tally: inout SkipTally
    ) throws(CatalogImportError) -> (HourlyRate, (key: String, day: String))? {
        var chosen: (info: JSONRecord, stamp: (key: String, day: String))?
        for info in try record.array("pricingInfo") {
            let text = try info.requiredString("effectiveTime")
            guard let stamp = ImportedAmount.timestamp(text) else {
                throw record.error(
                    info.field("effectiveTime"), "\(TraceLimits.quote(text)) is not an RFC 3339 UTC time")
            }
            if chosen == nil || stamp.key > chosen!.stamp.key { chosen = (info, stamp) }
        }
        guard let (info, stamp) = chosen else {
            tally.add("no pricingInfo")
            return nil
        }
        let expression = try info.object("pricingExpression")
        let unit = try expression.requiredString("usageUnit")
        let expected = if case .ram = component { "GiBy.h" } else { "h" }
        guard unit == expected else {
            tally.add("usageUnit is not h (GiBy.h for RAM)")
            return nil
        }
        let rates = try expression.array("tieredRates")
        var first: JSONRecord?
        // The tier starting at 0 (`0`, `0.0`; absent means 0 in proto3 JSON).
        for rate in rates where (try? ImportedAmount.rate(rate.number("startUsageAmount") ?? "0").get()) == .zero {
            first = rate
            break
        }
        guard let rate = first else {
            tally.add("no tiered rate starting at 0")
            return nil
        }
        let money = try rate.object("unitPrice")
        guard try money.requiredString("currencyCode") == "USD" else {
            tally.add("currencyCode is not USD")
            return nil
        }
        return (try dollars(money), stamp)
    }

    /// `units` (a decimal string) + `nanos` (a number) as an hourly rate, bounded first:
    /// units 0…1000, nanos 0…999 999 999, the sum at most 1000 USD.
    static func dollars(_ money: JSONRecord) throws(CatalogImportError) -> HourlyRate {
        let unitsText = try money.string("units") ?? "0"
        guard !unitsText.isEmpty, unitsText.utf8.count <= 4, unitsText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let units = Int64(unitsText), units <= 1_000
        else {
            throw money.error(
                money.field("units"),
                "\(TraceLimits.quote(unitsText)) is not a whole number of dollars within 0…1000 "
                    + "(negative prices are refused)"
            )
        }
        let nanosText = try money.number("nanos") ?? "0"
        guard nanosText.utf8.count <= 9, nanosText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let nanos = Int64(nanosText)
        else {
            throw money.error(
                money.field("nanos"), "\(TraceLimits.quote(nanosText)) is not a whole number within 0…999999999")
        }
        let rate = HourlyRate(femtoDollarsPerHour: units * 1_000_000_000_000_000 + nanos * 1_000_000)
        if let problem = CatalogLimits.priceProblem(rate) {
            throw money.error(money.field("units"), "price \(rate.dollarsPerHourText) USD is \(problem)")
        }
        return rate
    }

    /// Machine, GPU and fee rows from the parts of all pages: a machine type is priced where its
    /// family's vCPU and RAM parts (and its GPU part, if it bundles GPUs) are all listed.
    static func combine(_ parts: Parts, tally: inout SkipTally) -> [PriceRow] {
        var rows: [PriceRow] = []
        for region in parts.regionOrder {
            for capacity in [CapacityType.onDemand, .spot] {
                guard let components = parts.byRegion[region]?[capacity] else { continue }
                rows += combine(components, region: region, capacity: capacity, tally: &tally)
            }
        }
        return rows
    }

    private static func combine(
        _ components: [Component: Part], region: String, capacity: CapacityType, tally: inout SkipTally
    ) -> [PriceRow] {
        var rows: [PriceRow] = []
        for gpu in GCPGPU.table {
            guard let part = components[.gpu(gpu)] else { continue }
            var row = PriceRow.imported(
                provider: .gcp, region: region, kind: .gpu, sku: gpu.sku, capacity: capacity, pricePerHour: part.price,
                sourceURL: part.serviceURL, notes: "GCP SKU \(part.skuID)")
            row.gpuModel = gpu.model
            row.gpuCount = 1
            row.gpuMemoryGiB = String(gpu.memoryGiB)
            row.attachableTo = gpu.attachableTo
            rows.append(row)
        }
        for fee in fees.values.sorted() {
            guard let part = components[.fee(fee)] else { continue }
            rows.append(
                PriceRow.imported(
                    provider: .gcp, region: region, kind: .fee, sku: fee, capacity: capacity, pricePerHour: part.price,
                    sourceURL: part.serviceURL, notes: "GCP SKU \(part.skuID)"))
        }
        var incomplete: Set<String> = []
        for shape in GCPMachineShapes.all {
            let core = components[.core(shape.family)]
            let ram = components[.ram(shape.family)]
            guard core != nil || ram != nil else { continue }
            guard let core, let ram else {
                if incomplete.insert(shape.family).inserted {
                    tally.add("family has a vCPU or a RAM price but not both")
                }
                continue
            }
            var notes = "GCP SKUs \(core.skuID) × \(shape.vcpus) vCPU + \(ram.skuID) × \(shape.memoryText) GiB"
            var gpuPrice = HourlyRate.zero
            if let gpu = shape.gpu {
                guard let gpuPart = components[.gpu(gpu)] else {
                    tally.add("machine type not priced: its GPU has no price in the region")
                    continue
                }
                gpuPrice = gpuPart.price
                notes += " + \(gpuPart.skuID) × \(shape.gpuCount) GPU"
            }
            // Each part is at most 1000 USD/h, so the sum is bounded by checked arithmetic.
            guard
                let memory = FixedPoint.mulDivRounded(
                    UInt64(ram.price.femtoDollarsPerHour), UInt64(shape.memoryHundredths), 100),
                memory <= UInt64(Int64.max),
                let cores = core.price.multiplied(by: shape.vcpus),
                let gpus = gpuPrice.multiplied(by: shape.gpuCount),
                let sum = cores.adding(HourlyRate(femtoDollarsPerHour: Int64(memory)))?.adding(gpus),
                CatalogLimits.priceProblem(sum) == nil
            else {
                tally.add("machine price above \(CatalogLimits.maximumPricePerHour.dollarsPerHourText) USD/h")
                continue
            }
            let price = sum
            var row = PriceRow.imported(
                provider: .gcp, region: region, kind: .machine, sku: shape.name, capacity: capacity,
                pricePerHour: price,
                sourceURL: core.serviceURL, notes: notes)
            row.vcpus = shape.vcpus
            row.memoryGiB = shape.memoryText
            if let gpu = shape.gpu {
                row.gpuModel = gpu.model
                row.gpuCount = shape.gpuCount
                row.gpuMemoryGiB = String(gpu.memoryGiB * shape.gpuCount)
            }
            rows.append(row)
        }
        return rows
    }
}
