import Simulator

/// The range every numeric catalog value must lie in. `pricing import` rejects a CSV line
/// outside them (naming line and field), and opening a catalog file, building an in-memory
/// catalog or writing one rejects a row outside them (naming file, table, row and column), so
/// the cost code only ever sees values it can price without overflow.
///
/// Why these bounds (see also `docs/pricing.md`, "What a catalog must satisfy"):
/// - **Prices** are at most ``maximumPricePerHour``, 1 000 USD/h per row: 2.5 × the dearest
///   VM any cloud lists (AWS `u7in-32tb.224xlarge`, ≈ 407 USD/h) and 10 × the dearest GPU VM
///   (`p5.48xlarge`, ≈ 98 USD/h). ``Money`` holds 9 223 372 036 USD, so at the bound it holds
///   9 223 372 row-hours: 12 397 rows × a 744-hour month (31 days, the longest). A
///   5 000-node cluster (Kubernetes' documented scalability limit) whose every node is a
///   machine row plus one attached GPU row, both at the bound, costs 2 × 5 000 × 744 000 USD =
///   7.44 billion USD for that month, which fits; the test `CatalogLimitsTests` checks this
///   arithmetic. Anything larger (more GPUs at the bound, more nodes, longer "months") is
///   reported as ``CostModelError/overflow(_:)`` by the calculator, never a trap.
/// - **Billing increments** are 1 s … one day. Every provider bills per second today; the
///   coarsest VM granularity any cloud has used is the hour (EC2 before October 2017).
/// - **Billing minimums** are 0 … 31 days: a monthly minimum term is the longest a
///   pay-as-you-go price carries (commitments of years are not hourly list prices).
/// - **Shapes**: up to 10 000 vCPUs and 1 048 576 GiB (1 PiB) of memory or GPU memory
///   (the largest VMs have 1 920 vCPUs and 32 TiB), and 0 … 64 GPUs per row (the most any VM
///   bundles is 16; ``PriceCatalog/nodePrice(for:snapshot:)`` also allows at most 64 per node).
public enum CatalogLimits {
    /// The largest accepted price per hour of one row: 1 000 USD/h.
    public static let maximumPricePerHour = HourlyRate(femtoDollarsPerHour: 1_000 * 1_000_000_000_000_000)
    /// `billing_increment_s`: 1 s … 86 400 s (one day).
    public static let billingIncrementSeconds: ClosedRange<Int64> = 1...86_400
    /// `billing_minimum_s`: 0 s … 2 678 400 s (31 days).
    public static let billingMinimumSeconds: ClosedRange<Int64> = 0...2_678_400
    /// `vcpus`: 0 … 10 000.
    public static let vcpus: ClosedRange<Int64> = 0...10_000
    /// `gpu_count`: 0 … 64.
    public static let gpuCount: ClosedRange<Int64> = 0...64
    /// `memory_gib` and `gpu_memory_gib`: at most 1 048 576 GiB (1 PiB).
    public static let maximumMemoryGiB: Int64 = 1_048_576

    /// Why integer column `column` may not hold `value`, or `nil` if it may.
    static func integerProblem(_ value: Int64, column: String) -> String? {
        let range: ClosedRange<Int64>
        let note: String
        switch column {
        case "billing_increment_s": (range, note) = (billingIncrementSeconds, " s (at most one day)")
        case "billing_minimum_s": (range, note) = (billingMinimumSeconds, " s (at most 31 days)")
        case "vcpus": (range, note) = (vcpus, "")
        case "gpu_count": (range, note) = (gpuCount, "")
        default: return nil
        }
        return range.contains(value) ? nil : "\(value) is outside \(range.lowerBound)…\(range.upperBound)\(note)"
    }

    /// Why `rate` is not an acceptable price (`negative`, `above the maximum 1000 USD/h`), or
    /// `nil` if it is.
    static func priceProblem(_ rate: HourlyRate) -> String? {
        if rate.femtoDollarsPerHour < 0 { return "negative" }
        if rate > maximumPricePerHour { return "above the maximum \(maximumPricePerHour.dollarsPerHourText) USD/h" }
        return nil
    }

    /// Why decimal text `text` is not an acceptable size in GiB, or `nil` if it is.
    static func memoryProblem(_ text: String) -> String? {
        guard let decimal = ExactDecimal(parsing: text) else {
            return "\(TraceLimits.quote(text)) is not a non-negative decimal number"
        }
        return decimal.isAtMost(maximumMemoryGiB) ? nil : "\(text) GiB is above the maximum \(maximumMemoryGiB) GiB"
    }
}

/// One thing wrong with one catalog row: the column, the value found (as text) and why it is
/// not valid. Internal; callers wrap it in an error that says where the row is.
struct RowProblem: Error, Hashable {
    var column: String
    var value: String
    var reason: String
}

extension PriceRow {
    /// Every problem with this row's values: empty names, dates, ``CatalogLimits``, currency, and
    /// the rules that only GPU rows attach to hosts and fees have no spot price. Empty if valid.
    func problems() -> [RowProblem] {
        var problems: [RowProblem] = []
        // The value's text is made only for a problem: formatting every price costs start-up time.
        func check(_ column: String, _ value: @autoclosure () -> String, _ reason: String?) {
            if let reason { problems.append(RowProblem(column: column, value: value(), reason: reason)) }
        }
        check("snapshot", snapshot, snapshot.isEmpty ? "is empty" : nil)
        if let problem = PriceSnapshot.dateProblem(effectiveDate) {
            check(
                "effective_date", effectiveDate,
                problem == PriceSnapshot.dateFormatProblem ? "not a date YYYY-MM-DD" : "not a calendar date: \(problem)"
            )
        }
        check("region", region, region.isEmpty ? "is empty" : nil)
        check("sku", sku, sku.isEmpty ? "is empty" : nil)
        if let vcpus { check("vcpus", String(vcpus), CatalogLimits.integerProblem(Int64(vcpus), column: "vcpus")) }
        if let memoryGiB { check("memory_gib", memoryGiB, CatalogLimits.memoryProblem(memoryGiB)) }
        check("gpu_count", String(gpuCount), CatalogLimits.integerProblem(Int64(gpuCount), column: "gpu_count"))
        if let gpuMemoryGiB { check("gpu_memory_gib", gpuMemoryGiB, CatalogLimits.memoryProblem(gpuMemoryGiB)) }
        if !attachableTo.isEmpty, kind != .gpu {
            check("attachable_to", attachableTo.joined(separator: ","), "only GPU rows can be attachable")
        }
        check("price_per_hour", pricePerHour.dollarsPerHourText, CatalogLimits.priceProblem(pricePerHour))
        check(
            "billing_increment_s", String(billingIncrementSeconds),
            CatalogLimits.integerProblem(billingIncrementSeconds, column: "billing_increment_s"))
        check(
            "billing_minimum_s", String(billingMinimumSeconds),
            CatalogLimits.integerProblem(billingMinimumSeconds, column: "billing_minimum_s"))
        check("currency", currency, currency == "USD" ? nil : "only USD is supported")
        if kind == .fee, capacity == .spot { check("capacity", capacity.rawValue, "fees have no spot price") }
        return problems
    }

    /// The primary-key columns, for duplicate-key messages.
    static let keyColumns = "snapshot, provider, region, sku_kind, sku, capacity"
}

extension Sequence<PriceRow> {
    /// The first invalid row, as (0-based position, problem): a value problem
    /// (``PriceRow/problems()``) or a primary key already used by an earlier row.
    func firstProblem() -> (index: Int, row: PriceRow, problem: RowProblem)? {
        var seen: [String: Int] = [:]
        for (index, row) in enumerated() {
            if let problem = row.problems().first { return (index, row, problem) }
            let key = row.keyDescription
            if let first = seen[key] {
                return (
                    index, row,
                    RowProblem(
                        column: PriceRow.keyColumns, value: key,
                        reason: "duplicate key (first used by row \(first + 1))")
                )
            }
            seen[key] = index
        }
        return nil
    }
}
