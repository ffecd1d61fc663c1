/// Puts the records of a request log back in arrival order: a log line is written when its
/// request ends, so arrivals (start times) come out of order by up to the longest request.
///
/// Records wait in a heap until the latest arrival read is more than the reorder window past
/// them: the decoder refuses a record arriving earlier than that, so none can come before them
/// any more. Memory holds the records of one window, never the whole trace. Arrivals are shifted
/// so that the earliest is at 0 (the decoder counts from the first line's arrival).
final class ReorderingTraceSource: TraceFileSource {
    private var base: any TraceFileSource
    private let window: Double
    private var heap: [Entry] = []
    private var latest = -Double.infinity
    private var baseEnded = false
    private var sequence = 0
    /// The earliest arrival, subtracted from every arrival; set by the first record returned.
    private var shift: Double?

    private struct Entry {
        var record: TraceRecord
        var sequence: Int
        /// Earlier arrival first; equal arrivals in file order.
        func precedes(_ other: Entry) -> Bool {
            record.arrivalSeconds < other.record.arrivalSeconds
                || (record.arrivalSeconds == other.record.arrivalSeconds && sequence < other.sequence)
        }
    }

    init(_ base: any TraceFileSource, windowSeconds: Double) {
        self.base = base
        window = windowSeconds
    }

    var timeFrame: TraceTimeFrame? { base.timeFrame.map { $0.shifted(by: shift ?? 0) } }

    var droppedRows: Int { base.droppedRows }

    func next() throws(TraceError) -> TraceRecord? {
        while !baseEnded && (heap.isEmpty || heap[0].record.arrivalSeconds > latest - window) {
            guard let record = try base.next() else {
                baseEnded = true
                break
            }
            latest = Swift.max(latest, record.arrivalSeconds)
            push(Entry(record: record, sequence: sequence))
            sequence += 1
        }
        guard var record = pop()?.record else { return nil }
        // Times kept as written (startAtFirstRecord: false) are not shifted.
        let shift = self.shift ?? (base.timeFrame?.startsAtFirstRecord == false ? 0 : record.arrivalSeconds)
        self.shift = shift
        record.arrivalSeconds -= shift
        return record
    }

    private func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var first = parent
            if left < heap.count && heap[left].precedes(heap[first]) { first = left }
            if right < heap.count && heap[right].precedes(heap[first]) { first = right }
            guard first != parent else { break }
            heap.swapAt(parent, first)
            parent = first
        }
        return top
    }
}
