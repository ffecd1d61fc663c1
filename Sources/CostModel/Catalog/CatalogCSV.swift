import Simulator

/// The catalog's text format: `pricing/catalog.csv`, `pricing import` input and
/// `pricing export` output.
///
/// One line per SKU per snapshot, with the on-demand and spot prices side by side (the shape
/// of a provider's price list); each line becomes one or two ``PriceRow``s
/// (one per capacity type that has a price). Columns are found by header name, in any order:
///
/// `snapshot, effective_date, provider, region, sku_kind, sku, vcpus, memory_gib, gpu_model,
/// gpu_count, gpu_memory_gib, attachable_to, on_demand_usd_per_hour, spot_usd_per_hour,
/// billing_increment_s, billing_minimum_s, currency, source_url, source_date, notes`
///
/// `provider, region, sku_kind, sku` and at least one price column are required;
/// `snapshot`/`effective_date` may come from ``Defaults`` instead; `source` is accepted for
/// `source_url`. Validation collects every problem (unknown provider or kind, negative or
/// non-numeric price, bad integers, values outside ``CatalogLimits``, impossible calendar
/// dates, duplicate keys…) before failing.
public enum CatalogCSV {
    /// Values for columns the CSV leaves out.
    public struct Defaults: Sendable, Hashable {
        public var snapshot: String?
        public var effectiveDate: String?

        public init(snapshot: String? = nil, effectiveDate: String? = nil) {
            self.snapshot = snapshot
            self.effectiveDate = effectiveDate
        }
    }

    /// Column names, in the order ``render(_:)`` writes them.
    public static let header = [
        "snapshot", "effective_date", "provider", "region", "sku_kind", "sku", "vcpus", "memory_gib", "gpu_model",
        "gpu_count", "gpu_memory_gib", "attachable_to", "on_demand_usd_per_hour", "spot_usd_per_hour",
        "billing_increment_s", "billing_minimum_s", "currency", "source_url", "source_date", "notes",
    ]

    static let aliases = ["source": "source_url"]

    /// Parses and validates `text`; throws ``CatalogImportError/invalidRows(path:issues:)`` listing
    /// every problem, with `path` used only in messages.
    public static func parse(
        _ text: String, defaults: Defaults, path: String = "<csv>"
    ) throws(CatalogImportError) -> [PriceRow] {
        let records: [CSVParser.Record]
        do {
            records = try CSVParser.parse(text)
        } catch {
            throw .invalidRows(path: path, issues: [CatalogImportIssue(line: error.line, message: error.message)])
        }
        var iterator = records.makeIterator()
        return try parse(defaults: defaults, path: path) { iterator.next() }
    }

    /// Reads the CSV file at `path` line by line (``Simulator/LineReader``: a regular UTF-8
    /// file, lines of at most 64 MiB) and validates it as ``parse(_:defaults:path:)`` does.
    public static func parse(file path: String, defaults: Defaults) throws(CatalogImportError) -> [PriceRow] {
        let records = try CSVFileRecords.importing(path)
        return try parse(defaults: defaults, path: path) { () throws(CatalogImportError) in
            try records.nextImported()
        }
    }

    /// Validates the records `next` returns in file order (the header first).
    static func parse(
        defaults: Defaults, path: String, records next: () throws(CatalogImportError) -> CSVParser.Record?
    ) throws(CatalogImportError) -> [PriceRow] {
        guard let headerRecord = try next() else {
            throw .invalidRows(
                path: path, issues: [CatalogImportIssue(line: 1, message: "the file is empty (expected a header line)")]
            )
        }
        var issues: [CatalogImportIssue] = []
        var columnIndex: [String: Int] = [:]
        for (index, rawName) in headerRecord.fields.enumerated() {
            let trimmed = rawName.trimmingASCIIWhitespace()
            let name = aliases[trimmed] ?? trimmed
            if !header.contains(name) {
                issues.append(
                    CatalogImportIssue(
                        line: headerRecord.line, field: rawName,
                        message: "unknown column (expected some of: \(header.joined(separator: ", ")))"))
            } else if columnIndex[name] != nil {
                issues.append(
                    CatalogImportIssue(line: headerRecord.line, field: rawName, message: "column appears twice"))
            } else {
                columnIndex[name] = index
            }
        }
        for required in ["provider", "region", "sku_kind", "sku"] where columnIndex[required] == nil {
            issues.append(
                CatalogImportIssue(line: headerRecord.line, field: required, message: "required column is missing"))
        }
        if columnIndex["on_demand_usd_per_hour"] == nil && columnIndex["spot_usd_per_hour"] == nil {
            issues.append(
                CatalogImportIssue(
                    line: headerRecord.line, message: "no price column (on_demand_usd_per_hour or spot_usd_per_hour)"))
        }
        if columnIndex["snapshot"] == nil && defaults.snapshot == nil {
            issues.append(
                CatalogImportIssue(
                    line: headerRecord.line, field: "snapshot",
                    message: "column is missing and no default snapshot was given (--snapshot)"))
        }
        if columnIndex["effective_date"] == nil && defaults.effectiveDate == nil {
            issues.append(
                CatalogImportIssue(
                    line: headerRecord.line, field: "effective_date",
                    message: "column is missing and no default date was given (--effective-date)"))
        }
        if let date = defaults.effectiveDate, let problem = PriceSnapshot.dateProblem(date) {
            issues.append(
                CatalogImportIssue(
                    line: headerRecord.line, field: "effective_date",
                    message:
                        "the default date (--effective-date) \(TraceLimits.quote(date)) is not a calendar date: "
                            + "\(problem)"))
        }
        if let snapshot = defaults.snapshot, snapshot.trimmingASCIIWhitespace().isEmpty {
            issues.append(
                CatalogImportIssue(
                    line: headerRecord.line, field: "snapshot", message: "the default snapshot (--snapshot) is empty"))
        }
        guard issues.isEmpty else { throw .invalidRows(path: path, issues: issues) }

        var rows: [PriceRow] = []
        var firstLineByKey: [String: Int] = [:]
        var recordCount = 0
        while let record = try next() {
            recordCount += 1
            var reader = RecordReader(
                record: record, columnIndex: columnIndex, headerCount: headerRecord.fields.count, defaults: defaults)
            let parsed = reader.readRows()
            issues += reader.issues
            for row in parsed {
                let key = row.keyDescription
                if let first = firstLineByKey[key] {
                    issues.append(
                        CatalogImportIssue(
                            line: record.line, sku: row.sku,
                            field: row.capacity == .spot ? "spot_usd_per_hour" : "on_demand_usd_per_hour",
                            message: "duplicate key \(key) (first defined on line \(first))"))
                } else {
                    firstLineByKey[key] = record.line
                    rows.append(row)
                }
            }
        }
        if recordCount == 0 {
            // A catalog without prices would replace a good one and fail every later command.
            issues.append(
                CatalogImportIssue(line: headerRecord.line, message: "the file has a header but no price rows"))
        }
        guard issues.isEmpty else { throw .invalidRows(path: path, issues: issues) }
        return rows
    }

    /// Renders rows in the CSV format, merging the on-demand and spot rows of one SKU into one
    /// line when everything but the price agrees. Lines end with LF; fields are quoted only when
    /// needed (``CSVParser/render(_:)``).
    public static func render(_ rows: [PriceRow]) -> String {
        var lines = [header.joined(separator: ",")]
        var index = 0
        while index < rows.count {
            let row = rows[index]
            var onDemand: HourlyRate?
            var spot: HourlyRate?
            if row.capacity == .onDemand { onDemand = row.pricePerHour } else { spot = row.pricePerHour }
            if row.capacity == .onDemand, index + 1 < rows.count {
                var next = rows[index + 1]
                if next.capacity == .spot {
                    let nextPrice = next.pricePerHour
                    next.capacity = .onDemand
                    next.pricePerHour = row.pricePerHour
                    if next == row {
                        spot = nextPrice
                        index += 1
                    }
                }
            }
            let fields: [String] = [
                row.snapshot, row.effectiveDate, row.provider.rawValue, row.region, row.kind.rawValue, row.sku,
                row.vcpus.map(String.init) ?? "", row.memoryGiB ?? "", row.gpuModel ?? "", String(row.gpuCount),
                row.gpuMemoryGiB ?? "", row.attachableTo.joined(separator: ","), onDemand?.dollarsPerHourText ?? "",
                spot?.dollarsPerHourText ?? "", String(row.billingIncrementSeconds), String(row.billingMinimumSeconds),
                row.currency, row.sourceURL ?? "", row.sourceDate ?? "", row.notes ?? "",
            ]
            lines.append(fields.map(CSVParser.render).joined(separator: ","))
            index += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Reads and validates the fields of one CSV record into price rows, collecting issues.
private struct RecordReader {
    let record: CSVParser.Record
    let columnIndex: [String: Int]
    let headerCount: Int
    let defaults: CatalogCSV.Defaults
    var issues: [CatalogImportIssue] = []
    var sku: String?

    init(record: CSVParser.Record, columnIndex: [String: Int], headerCount: Int, defaults: CatalogCSV.Defaults) {
        self.record = record
        self.columnIndex = columnIndex
        self.headerCount = headerCount
        self.defaults = defaults
    }

    func field(_ name: String) -> String? {
        guard let index = columnIndex[name], index < record.fields.count else { return nil }
        let value = record.fields[index].trimmingASCIIWhitespace()
        return value.isEmpty ? nil : value
    }

    mutating func fail(_ name: String?, _ message: String) {
        issues.append(CatalogImportIssue(line: record.line, sku: sku, field: name, message: message))
    }

    mutating func required(_ name: String, default fallback: String? = nil) -> String? {
        if let value = field(name) ?? fallback, !value.isEmpty { return value }
        fail(name, "is empty")
        return nil
    }

    /// A whole number within ``CatalogLimits`` for `name`; `fallback` when the field is empty.
    mutating func integer(_ name: String, default fallback: Int64?) -> Int64? {
        guard let text = field(name) else { return fallback }
        guard let value = Int64(text) else {
            fail(name, "\(TraceLimits.quote(text)) is not a whole number")
            return nil
        }
        if let problem = CatalogLimits.integerProblem(value, column: name) {
            fail(name, problem)
            return nil
        }
        return value
    }

    /// A size in GiB within ``CatalogLimits/maximumMemoryGiB``, as the decimal text given.
    mutating func gibibytes(_ name: String) -> String? {
        guard let text = field(name) else { return nil }
        if let problem = CatalogLimits.memoryProblem(text) {
            fail(name, problem)
            return nil
        }
        return text
    }

    /// `nil` with no issue when empty; `nil` with an issue when invalid.
    mutating func price(_ name: String) -> HourlyRate?? {
        guard let text = field(name) else { return .some(nil) }
        if let rate = HourlyRate(dollarsPerHour: text) {
            guard let problem = CatalogLimits.priceProblem(rate) else { return .some(rate) }
            fail(name, "price \(TraceLimits.quote(text)) is \(problem)")
            return nil
        }
        if text.hasPrefix("-"), ExactDecimal(parsing: String(text.dropFirst())) != nil {
            fail(name, "negative price \(TraceLimits.quote(text))")
        } else if let decimal = ExactDecimal(parsing: text) {
            if decimal.decimalPlaces > HourlyRate.decimalPlaces {
                fail(name, "price \(TraceLimits.quote(text)) has more than \(HourlyRate.decimalPlaces) decimal places")
            } else {
                fail(
                    name,
                    "price \(TraceLimits.quote(text)) is above the maximum "
                        + "\(CatalogLimits.maximumPricePerHour.dollarsPerHourText) USD/h")
            }
        } else {
            fail(name, "price \(TraceLimits.quote(text)) is not a number (write a plain decimal such as 0.35)")
        }
        return nil
    }

    mutating func readRows() -> [PriceRow] {
        sku = field("sku")
        if record.fields.count != headerCount {
            fail(nil, "has \(record.fields.count) fields, the header has \(headerCount)")
            return []
        }
        let snapshot = required("snapshot", default: defaults.snapshot)
        let effectiveDate = required("effective_date", default: defaults.effectiveDate)
        if let effectiveDate, let problem = PriceSnapshot.dateProblem(effectiveDate) {
            fail("effective_date", problem == PriceSnapshot.dateFormatProblem
                ? "\(TraceLimits.quote(effectiveDate)) is not a date YYYY-MM-DD"
                : "\(TraceLimits.quote(effectiveDate)) is not a calendar date: \(problem)")
        }
        var provider: CloudProvider?
        if let text = required("provider") {
            provider = CloudProvider(rawValue: text)
            if provider == nil {
                fail(
                    "provider",
                    "unknown provider \(TraceLimits.quote(text)) (expected one of: \(CloudProvider.allNames))")
            }
        }
        let region = required("region")
        var kind: SKUKind?
        if let text = required("sku_kind") {
            kind = SKUKind(rawValue: text)
            if kind == nil {
                fail("sku_kind", "unknown SKU kind \(TraceLimits.quote(text)) (expected one of: \(SKUKind.allNames))")
            }
        }
        _ = required("sku")
        let vcpus = integer("vcpus", default: nil)
        let memory = gibibytes("memory_gib")
        let gpuMemory = gibibytes("gpu_memory_gib")
        let gpuCount = integer("gpu_count", default: 0)
        let increment = integer("billing_increment_s", default: 1)
        let minimum = integer("billing_minimum_s", default: 0)
        let currency = field("currency") ?? "USD"
        if currency != "USD" { fail("currency", "only USD is supported, got \(TraceLimits.quote(currency))") }
        let attachable = (field("attachable_to") ?? "").split(separator: ",").map {
            String($0).trimmingASCIIWhitespace()
        }.filter { !$0.isEmpty }
        if !attachable.isEmpty, let kind, kind != .gpu { fail("attachable_to", "only GPU rows can be attachable") }
        let onDemand = price("on_demand_usd_per_hour")
        let spot = price("spot_usd_per_hour")
        if case .some(.none) = onDemand, case .some(.none) = spot {
            fail("on_demand_usd_per_hour", "the row has neither an on-demand nor a spot price")
        }
        if let kind, kind == .fee, case .some(.some) = spot { fail("spot_usd_per_hour", "fees have no spot price") }
        guard issues.isEmpty, let snapshot, let effectiveDate, let provider, let region, let kind, let sku,
              let gpuCount, let increment, let minimum, let onDemand, let spot else { return [] }
        var rows: [PriceRow] = []
        for (capacity, rate) in [(CapacityType.onDemand, onDemand), (.spot, spot)] {
            guard let rate else { continue }
            let row = PriceRow(
                snapshot: snapshot, effectiveDate: effectiveDate, provider: provider, region: region, kind: kind,
                sku: sku,
                capacity: capacity, vcpus: vcpus.map { Int($0) }, memoryGiB: memory, gpuModel: field("gpu_model"),
                gpuCount: Int(gpuCount), gpuMemoryGiB: gpuMemory, attachableTo: attachable, pricePerHour: rate,
                billingIncrementSeconds: increment, billingMinimumSeconds: minimum, currency: currency,
                sourceURL: field("source_url"), sourceDate: field("source_date"), notes: field("notes"))
            // The checks above cover these; this keeps import and catalog opening in agreement.
            for problem in row.problems() {
                let column =
                    problem.column == "price_per_hour"
                    ? (capacity == .spot ? "spot_usd_per_hour" : "on_demand_usd_per_hour") : problem.column
                fail(column, "\(TraceLimits.quote(problem.value)) is not valid: \(problem.reason)")
            }
            rows.append(row)
        }
        return issues.isEmpty ? rows : []
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF (no Foundation).
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
