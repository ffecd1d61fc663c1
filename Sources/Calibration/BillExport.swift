import CostModel
import Simulator

/// The GPU node lines of a cloud billing export in CSV (GCP, AWS or Azure; ``BillProvider``), each
/// with its interval, hours, SKU, node pool, spot or not, and cost (which lines count:
/// docs/calibration.md, "Bills"). A bill without GPU lines is an error.
public struct BillExport: Sendable {
    public var file: String
    public var provider: BillProvider
    /// GPU lines, and on GCP the other lines of the GPU lines' node pools (``BillRow/Unit/none``).
    public var rows: [BillRow]
    /// The first and last instant any line of the bill covers (GPU or not), Unix seconds.
    public var spanStart: Double
    public var spanEnd: Double
    /// The bill's currency code, when it has the column (`USD`, `EUR`, …).
    public var currency: String?

    /// The most hours one line may bill (a month of a whole scale set is far below).
    public static let maxHours = 1e7
    /// The largest amount one line may cost, in either sign.
    public static let maxCost = 1e9
    /// The longest interval a line may cover: a month (AWS monthly granularity).
    public static let maxInterval = 31 * 86_400.0

    /// How large a bill's records may be: a bill has at most a few hundred columns, and its longest
    /// cells (tag maps, `AdditionalInfo` JSON) tens of KiB.
    static let csvLimits = CSVParser.Limits(fields: 4_096, fieldBytes: 1 << 20, kind: "a billing export")

    /// Reads `file`, streaming it record by record (quoted fields may span lines).
    public static func read(file: String) throws(CalibrationError) -> BillExport {
        do {
            return try parse(CSVFileRecords(path: file, limits: csvLimits))
        } catch let error as CalibrationError {
            throw error
        } catch let error as InputError {
            throw CalibrationError(error)
        } catch {
            throw CalibrationError(file: file, "\(error)")
        }
    }

    private static func parse(_ csv: CSVFileRecords) throws -> BillExport {
        guard let headerRecord = try csv.next() else {
            throw InputError(file: csv.path, message: "file is empty (no header line)")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: [" "]) }
        guard let provider = BillProvider.detect(header) else {
            throw InputError(
                file: csv.path, line: headerRecord.line,
                message: "not a GCP, AWS or Azure billing export: the header has none of sku.description (GCP), "
                    + "line_item_usage_start_date or lineItem/UsageStartDate (AWS), MeterCategory (Azure)")
        }
        let line = BillLine(path: csv.path, header: header, provider: provider)
        var rows: [BillRow] = []
        var poolRows: [BillRow] = []
        var spanStart = Double.infinity, spanEnd = -Double.infinity
        var currency: String?
        while let record = try csv.next() {
            let fields = record.fields
            guard fields.count == header.count else {
                if fields.count == 1, fields[0].allSatisfy({ $0 == " " }) { continue }   // a line of spaces
                throw InputError(
                    file: csv.path, line: record.line,
                    message: "row has \(fields.count) fields, the header has \(header.count)")
            }
            let parsed = try line.read(fields, line: record.line)
            spanStart = min(spanStart, parsed.start)
            spanEnd = max(spanEnd, parsed.end)
            if currency == nil, let code = parsed.currency, !code.isEmpty { currency = code }
            guard let row = parsed.row else { continue }
            if row.unit == .none { poolRows.append(row) } else { rows.append(row) }
        }
        guard !rows.isEmpty else {
            throw InputError(
                file: csv.path,
                message: "no GPU line in this \(provider.rawValue) bill (\(line.gpuRule)): "
                    + "export the period and account the GPU nodes ran in")
        }
        // Any sum of these costs (a day, the period) then stays within Money's range.
        var magnitudes = Money.zero
        for row in rows + poolRows {
            guard let sum = magnitudes.adding(Money(nanoDollars: Int64(row.cost.nanoDollars.magnitude))) else {
                throw InputError(file: csv.path, line: row.line, message: "the bill's costs add up beyond ±9.2 billion")
            }
            magnitudes = sum
        }
        let gpuPools = Set(rows.compactMap(\.pool))
        rows += poolRows.filter { $0.pool.map(gpuPools.contains) ?? false }
        rows.sort { ($0.startSeconds, $0.line) < ($1.startSeconds, $1.line) }
        return BillExport(
            file: csv.path, provider: provider, rows: rows, spanStart: spanStart, spanEnd: spanEnd, currency: currency)
    }
}
