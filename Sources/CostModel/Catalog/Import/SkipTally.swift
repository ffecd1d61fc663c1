/// How many records of a price file were not turned into catalog rows, by reason, in the order
/// the reasons were first met. Nothing a provider file holds is dropped without being counted.
public struct SkipTally: Sendable, Hashable {
    /// `(reason, count)`, first-met order.
    public private(set) var counts: [(reason: String, count: Int)] = []

    public init() {}

    /// Counts one record left out for `reason`.
    mutating func add(_ reason: String, count: Int = 1) {
        if let index = counts.firstIndex(where: { $0.reason == reason }) {
            counts[index].count += count
        } else {
            counts.append((reason, count))
        }
    }

    /// Records left out, all reasons together.
    public var total: Int { counts.reduce(0) { $0 + $1.count } }

    /// The count for `reason` (0 if none).
    public func count(_ reason: String) -> Int { counts.first { $0.reason == reason }?.count ?? 0 }

    public static func == (lhs: SkipTally, rhs: SkipTally) -> Bool {
        lhs.counts.elementsEqual(rhs.counts) { $0.reason == $1.reason && $0.count == $1.count }
    }

    public func hash(into hasher: inout Hasher) {
        for (reason, count) in counts {
            hasher.combine(reason)
            hasher.combine(count)
        }
    }
}
