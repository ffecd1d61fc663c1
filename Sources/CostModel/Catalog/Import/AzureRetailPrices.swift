import Simulator

/// Reads pages of the Azure Retail Prices API (`GET https://prices.azure.com/api/retail/prices?$filter=…`):
///
/// ```
/// { "BillingCurrency": "USD", "CustomerEntityId": "Default", "CustomerEntityType": "Retail",
///   "Items": [ { "currencyCode": "USD", "retailPrice": 0.526, "unitPrice": 0.526, "armRegionName": "eastus",
///     "effectiveStartDate": "2020-08-01T00:00:00Z", "meterName": "NC4as T4 v3", "productName":
///     "Virtual Machines NCasT4_v3 Series", "skuName": "NC4as T4 v3", "serviceName": "Virtual Machines",
///     "unitOfMeasure": "1 Hour", "type": "Consumption", "armSkuName": "Standard_NC4as_T4_v3", … }, … ],
///   "NextPageLink": "https://prices.azure.com:443/api/retail/prices?$filter=…&$skip=100", "Count": 100 }
/// ```
///
/// Kept: `type` Consumption, `unitOfMeasure` "1 Hour", USD; Virtual Machines that are not
/// Windows (`productName`) and not "Low Priority" (`meterName`), on-demand or, when `meterName`
/// ends in "Spot", spot; AKS's "Standard Uptime SLA" (Standard tier) and "Standard Long Term
/// Support" (Premium tier) meters as the `aks-standard-tier` and `aks-premium-tier` fees; and
/// Azure Container Apps' per-second GPU, vCPU and memory meters, combined per region into
/// serverless GPU replica rows (``ContainerAppsMeters``).
/// When a meter is listed more than once, the latest `effectiveStartDate` wins.
///
/// Pages are the files given, in order, possibly of several lists (e.g. one query for VMs, one
/// for AKS): each page's `Count` must match its items, each `NextPageLink`'s `$skip` must equal
/// the items of its list's pages so far, and the last page must have no `NextPageLink`, so a
/// missing, reordered or truncated page is an error, not a gap.
enum AzureRetailPrices {
    static func read(paths: [String]) throws(CatalogImportError) -> ImportedPriceFile {
        var rows = ImportedRows()
        var kept: [String: (stamp: (key: String, day: String), row: PriceRow)] = [:]
        var order: [String] = []
        var containerApps = ContainerAppsMeters()
        var itemsBefore = 0
        var pendingLink: (path: String, line: Int, skip: Int)?
        for path in paths {
            if let pending = pendingLink {
                guard pending.skip == itemsBefore else { throw linkError(pending, itemsBefore: itemsBefore) }
            } else {
                itemsBefore = 0  // the previous page was the last of its list: a new list starts
            }
            pendingLink = nil
            let reader = try JSONReader(path: path)
            try reader.beginObject("")
            var items = 0
            var count: (value: String, line: Int)?
            var sawItems = false
            while let key = try reader.nextKey("") {
                switch key {
                case "Items":
                    sawItems = true
                    try reader.beginArray(key)
                    while try reader.nextElement(key) {
                        let field = "Items[\(items)]"
                        items += 1
                        var record = try reader.readRecord(path: field)
                        let armSkuName = try record.string("armSkuName")
                        if let armSkuName, !armSkuName.isEmpty {
                            record.sku = armSkuName
                        } else {
                            record.sku = try record.string("meterName")
                        }
                        if try record.string("serviceName") == ContainerAppsMeters.serviceName {
                            try containerApps.add(record, tally: &rows.skipped)
                            continue
                        }
                        guard let (row, stamp) = try item(record, tally: &rows.skipped) else { continue }
                        let rowKey = "\(row.region)/\(row.kind)/\(row.sku)/\(row.capacity)"
                        if let existing = kept[rowKey] {
                            if row.kind == .fee {
                                rows.skipped.add(
                                    ImportedRows.repeatedFee(samePrice: existing.row.pricePerHour == row.pricePerHour))
                                continue
                            }
                            rows.skipped.add("older price of the same meter (kept the latest effectiveStartDate)")
                            if existing.stamp.key >= stamp.key { continue }
                        } else {
                            order.append(rowKey)
                        }
                        kept[rowKey] = (stamp, row)
                    }
                case "Count":
                    count = (try reader.readValue(path: key).numberText ?? "?", reader.lineNumber)
                case "NextPageLink":
                    let line = reader.lineNumber
                    if case .string(let link) = try reader.readValue(path: key), !link.isEmpty {
                        guard let skip = skip(in: link) else {
                            throw .at(
                                path, line: line, field: key, message: "\(TraceLimits.quote(link)) has no $skip=N")
                        }
                        pendingLink = (path, line, skip)
                    }
                default:
                    try reader.skipValue(key)
                }
            }
            try reader.finish()
            guard sawItems else { throw reader.error("not an Azure Retail Prices page: no 'Items' array") }
            if let count, count.value != String(items) {
                throw .at(
                    path, line: count.line, field: "Count",
                    message:
                        "says \(TraceLimits.quote(count.value)) items but the page has \(items): is the file truncated?"
                )
            }
            itemsBefore += items
        }
        if let pending = pendingLink {
            throw .at(
                pending.path, line: pending.line, field: "NextPageLink",
                message:
                    "the last page given links to another page ($skip=\(pending.skip)): download and import every page")
        }
        let replicas = try containerApps.rows(tally: &rows.skipped)
        for (stamp, row) in order.map({ kept[$0]! }) + replicas.map({ ($0.stamp, $0.row) }) {
            rows.saw(timestamp: stamp)
            var dated = row
            dated.sourceDate = stamp.day
            rows.add(dated)
        }
        return rows.file(paths: paths, format: .azureRetailPrices)
    }

    private static func linkError(
        _ pending: (path: String, line: Int, skip: Int), itemsBefore: Int
    ) -> CatalogImportError {
        .at(
            pending.path, line: pending.line, field: "NextPageLink",
            message: "links to the page starting at item \(pending.skip), but the next file given starts at item "
                + "\(itemsBefore): give every page, in order")
    }

    /// N of `$skip=N` (or `%24skip=N`) in a page link.
    static func skip(in link: String) -> Int? {
        for marker in ["$skip=", "%24skip="] {
            guard let range = link.firstRange(of: marker) else { continue }
            let digits = link[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            return Int(digits)
        }
        return nil
    }

    /// An item's `retailPrice`, exact and bounded (per its `unitOfMeasure`), and its `effectiveStartDate`.
    static func priceAndDate(
        _ record: JSONRecord
    ) throws(CatalogImportError) -> (price: HourlyRate, stamp: (key: String, day: String)) {
        let dateText = try record.requiredString("effectiveStartDate")
        guard let stamp = ImportedAmount.timestamp(dateText) else {
            throw record.error(
                record.field("effectiveStartDate"), "\(TraceLimits.quote(dateText)) is not an RFC 3339 UTC time")
        }
        guard let priceText = try record.number("retailPrice") else {
            throw record.error(record.field("retailPrice"), "is missing")
        }
        switch ImportedAmount.rate(priceText) {
        case .success(let price): return (price, stamp)
        case .failure(let problem): throw record.error(record.field("retailPrice"), problem.message)
        }
    }

    /// The row an item gives with its `effectiveStartDate`, or `nil` (counted) if costsim does not use it.
    static func item(
        _ record: JSONRecord, tally: inout SkipTally
    ) throws(CatalogImportError) -> (PriceRow, (key: String, day: String))? {
        let service = try record.string("serviceName") ?? ""
        let meter = try record.string("meterName") ?? ""
        guard service == "Virtual Machines" || service == "Azure Kubernetes Service" else {
            tally.add("serviceName is not Virtual Machines, Azure Kubernetes Service or Azure Container Apps")
            return nil
        }
        guard try record.string("type") == "Consumption" else {
            tally.add("type is not Consumption")
            return nil
        }
        guard try record.string("unitOfMeasure") == "1 Hour" else {
            tally.add("unitOfMeasure is not 1 Hour")
            return nil
        }
        guard try record.string("currencyCode") ?? "USD" == "USD" else {
            tally.add("currencyCode is not USD")
            return nil
        }
        let region = try record.requiredString("armRegionName")
        let (price, stamp) = try priceAndDate(record)
        let url =
            "https://prices.azure.com/api/retail/prices?$filter=meterId eq '\(try record.string("meterId") ?? "")'"
        if service == "Azure Kubernetes Service" {
            let fee: String
            switch meter {
            case "Standard Uptime SLA": fee = "aks-standard-tier"
            case "Standard Long Term Support": fee = "aks-premium-tier"
            default:
                tally.add("AKS meter other than Standard Uptime SLA or Standard Long Term Support")
                return nil
            }
            let row = PriceRow.imported(
                provider: .azure, region: "global", kind: .fee, sku: fee, capacity: .onDemand, pricePerHour: price,
                sourceURL: url, notes: "Azure meter '\(meter)' in \(region)")
            return (row, stamp)
        }
        if try record.string("productName")?.contains("Windows") ?? false {
            tally.add("Windows")
            return nil
        }
        if meter.contains("Low Priority") {
            tally.add("Low Priority meter")
            return nil
        }
        if record.member("isPrimaryMeterRegion")?.value == .bool(false) {
            tally.add("not the primary meter region")
            return nil
        }
        guard price > .zero else {
            tally.add("retailPrice is 0")
            return nil
        }
        guard let sku = try record.string("armSkuName"), !sku.isEmpty else {
            tally.add("no armSkuName")
            return nil
        }
        let row = PriceRow.imported(
            provider: .azure, region: region, kind: .machine, sku: sku,
            capacity: meter.hasSuffix(" Spot") ? .spot : .onDemand,
            pricePerHour: price, sourceURL: url,
            notes: "Azure meter '\(meter)', \(try record.string("productName") ?? "")")
        return (AzureVMShapes.shaped(row), stamp)
    }
}
