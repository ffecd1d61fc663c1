/// Which prices to use when the catalog holds several dated price lists.
///
/// The bundled catalog has two: `article-2023` (the seed article's own prices, see
/// ``article``) and `2026-11-29` (prices collected on that date from the sources in
/// `pricing/README.md`).
public enum PriceSnapshot: Sendable, Hashable, CustomStringConvertible {
    /// For each SKU, the row with the latest effective date.
    case latest
    /// Only rows of this snapshot (a SKU missing from it is an error, not a fallback).
    case named(String)
    /// For each SKU, the latest row whose effective date is on or before this day
    /// (`YYYY-MM-DD`, a real calendar day: see ``dateProblem(_:)``).
    case asOf(String)

    /// The seed article's prices: n1-highmem-4 $0.236606/h (spot $0.049812/h), T4 $0.35/h
    /// (spot $0.11/h), e2-medium $0.033503/h.
    public static let article = PriceSnapshot.named("article-2023")

    public var description: String {
        switch self {
        case .latest: "latest"
        case .named(let name): "snapshot \(name)"
        case .asOf(let date): "as of \(date)"
        }
    }

    /// `true` if `text` is a real calendar day written `YYYY-MM-DD` (see ``dateProblem(_:)``).
    public static func isDate(_ text: String) -> Bool {
        dateProblem(text) == nil
    }

    /// Why `text` is not a calendar day `YYYY-MM-DD`, or `nil` if it is one.
    ///
    /// The format is exactly four digits, `-`, two digits, `-`, two digits; the day must exist
    /// in the proleptic Gregorian calendar (years 0000–9999, leap years every 4 years except
    /// centuries not divisible by 400). So `2024-02-29` is a date, `2026-02-30`, `2026-13-45` and
    /// `2026-00-00` are not. Used for `--price-date`, `effective_date` in imported CSV and in
    /// catalog files.
    public static func dateProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let digit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || digit($0.element) }) else {
            return dateFormatProblem
        }
        func number(_ range: Range<Int>) -> Int {
            bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        guard (1...12).contains(month) else { return "month \(month) is not 01–12" }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            return "\(monthNames[month - 1]) \(text.prefix(4)) has \(length) days, so day \(day) does not exist"
        }
        return nil
    }

    /// ``dateProblem(_:)``'s answer when the text is not even shaped `YYYY-MM-DD`.
    static let dateFormatProblem = "expected YYYY-MM-DD"

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Days in `month` (1–12) of `year`, proleptic Gregorian.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension PriceSnapshot {
    /// The rows this selection uses, from a list of catalog rows (for listings and exports; the
    /// catalog's own lookups do the same in SQL): `.named` keeps that snapshot's rows; `.latest`
    /// and `.asOf` keep, for each SKU, region and capacity type, the row with the latest
    /// effective date (on or before the day for `.asOf`). Order is preserved.
    public func select(from rows: [PriceRow]) -> [PriceRow] {
        switch self {
        case .named(let name):
            return rows.filter { $0.snapshot == name }
        case .latest, .asOf:
            var cutoff: String?
            if case .asOf(let date) = self { cutoff = date }
            var best: [String: PriceRow] = [:]
            for row in rows {
                if let cutoff, row.effectiveDate > cutoff { continue }
                let key = "\(row.provider)/\(row.region)/\(row.kind)/\(row.sku)/\(row.capacity)"
                if let current = best[key],
                    (current.effectiveDate, current.snapshot) >= (row.effectiveDate, row.snapshot)
                {
                    continue
                }
                best[key] = row
            }
            let chosen = Set(best.values.map(\.keyDescription))
            return rows.filter { chosen.contains($0.keyDescription) }
        }
    }
}
