/// The rows one provider file gives, as its reader collects them: at most one per catalog key
/// (region, kind, SKU, capacity), with every record that gave none counted by reason.
/// Snapshot and effective date are filled in later, for all files of an import at once.
struct ImportedRows {
    private(set) var rows: [PriceRow] = []
    private var indexByKey: [String: Int] = [:]
    var skipped = SkipTally()
    /// The latest timestamp key seen (``ImportedAmount/timestamp(_:)``) and its day.
    private(set) var latest: (key: String, day: String)?

    /// Adds `row` unless its key is taken: then the record is counted as a duplicate (kept the
    /// first). A fee, whose catalog region is `global`, is taken from the first region that
    /// lists it; the same fee in further regions is counted, and set apart if it costs more or
    /// less there.
    mutating func add(_ row: PriceRow) {
        let key = "\(row.region)/\(row.kind)/\(row.sku)/\(row.capacity)"
        if let index = indexByKey[key] {
            if row.kind == .fee {
                skipped.add(Self.repeatedFee(samePrice: rows[index].pricePerHour == row.pricePerHour))
            } else {
                skipped.add("same \(row.kind), region and capacity as an earlier record (kept the first)")
            }
            return
        }
        indexByKey[key] = rows.count
        rows.append(row)
    }

    /// Why a fee listed again for another region gives no row.
    static func repeatedFee(samePrice: Bool) -> String {
        samePrice
            ? "fee listed again for another region at the same price"
            : "fee listed for another region at a different price (kept the first)"
    }

    /// Notes a timestamp the file states; the latest becomes the file's date.
    mutating func saw(timestamp: (key: String, day: String)) {
        if latest == nil || timestamp.key > latest!.key { latest = timestamp }
    }

    /// The result for `paths`, its rows dated with the file's date where they have none.
    func file(paths: [String], format: PriceFileFormat) -> ImportedPriceFile {
        let day = latest?.day
        let dated = rows.map { row -> PriceRow in
            var row = row
            if row.sourceDate == nil { row.sourceDate = day }
            return row
        }
        return ImportedPriceFile(paths: paths, format: format, rows: dated, skipped: skipped, fileDate: day)
    }
}

extension PriceRow {
    /// A row of an import, its snapshot and effective date still to be set by the importer.
    /// Billing as the bundled catalog's: fees and serverless platforms per second with no
    /// minimum, Azure VMs per second with 300 s, other VMs per second with 60 s.
    static func imported(
        provider: CloudProvider, region: String, kind: SKUKind, sku: String, capacity: CapacityType,
        pricePerHour: HourlyRate, sourceURL: String, notes: String
    ) -> PriceRow {
        let billing: (increment: Int64, minimum: Int64) =
            switch (provider, kind) {
            case (_, .fee), (_, .platform): (1, 0)
            case (.azure, _): (1, 300)
            default: (1, 60)
            }
        return PriceRow(
            snapshot: "", effectiveDate: "", provider: provider, region: region, kind: kind, sku: sku,
            capacity: capacity, pricePerHour: pricePerHour, billingIncrementSeconds: billing.increment,
            billingMinimumSeconds: billing.minimum, sourceURL: sourceURL, notes: notes)
    }
}
