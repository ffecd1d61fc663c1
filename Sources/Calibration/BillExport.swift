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

    /// Reads `file`.
    public static func read(file: String) throws(CalibrationError) -> BillExport {
        do {
            return try parse(CSVRows(path: file))
        } catch let error as CalibrationError {
            throw error
        } catch let error as InputError {
            throw CalibrationError(error)
        } catch {
            throw CalibrationError(file: file, "\(error)")
        }
    }

    private static func parse(_ csv: CSVRows) throws -> BillExport {
        guard let provider = BillProvider.detect(csv.header) else {
            throw InputError(
                file: csv.path, line: 1,
                message: "not a GCP, AWS or Azure billing export: the header has none of sku.description (GCP), "
                    + "line_item_usage_start_date or lineItem/UsageStartDate (AWS), MeterCategory (Azure)")
        }
        let line = BillLine(csv: csv, provider: provider)
        var rows: [BillRow] = []
        var poolRows: [BillRow] = []
        var spanStart = Double.infinity, spanEnd = -Double.infinity
        var currency: String?
        while let fields = try csv.next() {
            let parsed = try line.read(fields, line: csv.lineNumber)
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
