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
    /// (`YYYY-MM-DD`).
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

    /// `true` if `text` looks like `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            }
        }
        return true
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
                if let current = best[key], (current.effectiveDate, current.snapshot) >= (row.effectiveDate, row.snapshot) { continue }
                best[key] = row
            }
            let chosen = Set(best.values.map(\.keyDescription))
            return rows.filter { chosen.contains($0.keyDescription) }
        }
    }
}
