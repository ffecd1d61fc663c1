/// A trace's ``RowFilter``s with where each one's field is in a row (a column index, a key
/// index), and the count of rows they dropped.
struct RowFilters {
    private let filters: [RowFilter]
    private let positions: [Int]
    private let values: [[UInt8]]
    /// Rows left out so far.
    private(set) var dropped = 0
    /// Whether there is any filter (when not, rows are not looked at: the readers' fast path).
    let isEmpty: Bool

    init(_ filters: [RowFilter], positions: [Int]) {
        self.filters = filters
        self.positions = positions
        values = filters.map { Array($0.value.utf8) }
        isEmpty = filters.isEmpty
    }

    /// Whether the row whose fields `field` gives meets every filter; counts it if not.
    mutating func keep<E: Error>(_ field: (Int) throws(E) -> UnsafeBufferPointer<UInt8>) throws(E) -> Bool {
        for index in filters.indices {
            guard filters[index].keeps(try field(positions[index]), value: values[index]) else {
                dropped += 1
                return false
            }
        }
        return true
    }

    /// The error for a file whose rows the filters all dropped; `nil` if there are no filters or
    /// no rows.
    func noRowKept(path: String) -> TraceError? {
        guard dropped > 0 else { return nil }
        let all = filters.map { "'\($0)'" }.joined(separator: " and ")
        return TraceError(
            file: path, field: filters.count == 1 ? filters[0].column : nil,
            message: "no row matches the filter \(all) (\(dropped) row\(dropped == 1 ? "" : "s") read, all dropped)")
    }
}
