import Simulator

/// Reads the output of `aws ec2 describe-spot-price-history --output json`:
///
/// ```
/// { "SpotPriceHistory": [ { "AvailabilityZone": "us-east-1a", "InstanceType": "g4dn.xlarge",
///     "ProductDescription": "Linux/UNIX", "SpotPrice": "0.215700", "Timestamp": "2026-11-20T08:15:00+00:00" }, … ],
///   "NextToken": "" }
/// ```
///
/// A spot price is per availability zone and changes over time; the catalog keeps one price
/// per region and instance type: for each zone its **latest** price, then the **median over
/// the zones** (the mean of the two middle prices for an even number of zones). That is what
/// a node pool spread over the region's zones pays in the typical zone, and one cheap or dear
/// zone does not move it. Linux/UNIX prices only; zones outside a region (Local and
/// Wavelength Zones, e.g. `us-west-2-lax-1a`) and older prices of a zone are counted as left out.
enum AWSSpotHistory {
    private struct Latest {
        var stamp: (key: String, day: String)
        var price: HourlyRate
    }

    static func read(path: String) throws(CatalogImportError) -> ImportedPriceFile {
        let reader = try JSONReader(path: path)
        var rows = ImportedRows()
        // region/instanceType → zone → latest price; insertion order kept for stable output.
        var latest: [String: [String: Latest]] = [:]
        var order: [(region: String, instanceType: String)] = []
        try reader.forEachRecord(inTopLevelArray: "SpotPriceHistory", what: "a spot price history") {
            record throws(CatalogImportError) in
            let instanceType = try record.requiredString("InstanceType")
            record.sku = instanceType
            let zone = try record.requiredString("AvailabilityZone")
            let product = try record.requiredString("ProductDescription")
            let priceText = try record.requiredString("SpotPrice")
            let time = try record.requiredString("Timestamp")
            guard let stamp = ImportedAmount.timestamp(time) else {
                throw record.error(
                    record.field("Timestamp"), "\(TraceLimits.quote(time)) is not an RFC 3339 UTC time")
            }
            let price: HourlyRate
            switch ImportedAmount.rate(priceText) {
            case .success(let value): price = value
            case .failure(let problem): throw record.error(record.field("SpotPrice"), problem.message)
            }
            guard product == "Linux/UNIX" || product == "Linux/UNIX (Amazon VPC)" else {
                rows.skipped.add("ProductDescription is not Linux/UNIX")
                return
            }
            guard let region = region(ofZone: zone) else {
                rows.skipped.add("availability zone outside a region (Local or Wavelength Zone)")
                return
            }
            let group = "\(region)/\(instanceType)"
            if latest[group] == nil { order.append((region, instanceType)) }
            if let current = latest[group]?[zone] {
                rows.skipped.add("older price of the same zone (kept the latest)")
                if current.stamp.key >= stamp.key { return }
            }
            latest[group, default: [:]][zone] = Latest(stamp: stamp, price: price)
        }
        for (region, instanceType) in order {
            let zones = latest["\(region)/\(instanceType)"]!.sorted { $0.key < $1.key }
            for (_, zone) in zones { rows.saw(timestamp: zone.stamp) }
            let median = self.median(zones.map(\.value.price))
            let listed = zones.map { "\($0.key) \($0.value.price.dollarsPerHourText) at \($0.value.stamp.day)" }
            var row = PriceRow.imported(
                provider: .aws, region: region, kind: .machine, sku: instanceType, capacity: .spot,
                pricePerHour: median,
                sourceURL: "https://ec2.\(region).amazonaws.com/?Action=DescribeSpotPriceHistory",
                notes: "median over \(zones.count) zone(s) of each zone's latest Linux/UNIX spot price: "
                    + listed.joined(separator: ", "))
            row.sourceDate = zones.map(\.value.stamp).max { $0.key < $1.key }?.day
            rows.add(row)
        }
        return rows.file(paths: [path], format: .awsSpotHistory)
    }

    /// The median of `prices` (not empty): the middle one, or the mean of the two middle ones
    /// rounded down to the femto-dollar (exact for prices of at most 14 decimals).
    static func median(_ prices: [HourlyRate]) -> HourlyRate {
        let sorted = prices.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        let low = sorted[middle - 1].femtoDollarsPerHour
        let high = sorted[middle].femtoDollarsPerHour
        return HourlyRate(femtoDollarsPerHour: low + (high - low) / 2)
    }

    /// `us-east-1` for `us-east-1a`, `us-gov-west-1` for `us-gov-west-1b`; `nil` for a zone that
    /// is not a region plus one letter (Local Zones `us-west-2-lax-1a`, Wavelength Zones).
    static func region(ofZone zone: String) -> String? {
        guard let last = zone.last, last.isLowercase, last.isASCII else { return nil }
        let region = String(zone.dropLast())
        let parts = region.split(separator: "-", omittingEmptySubsequences: false)
        guard (3...4).contains(parts.count), parts.last!.allSatisfy(\.isNumber), !parts.last!.isEmpty,
            parts.dropLast().allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } })
        else { return nil }
        return region
    }
}
