/// A stream of trace records in non-decreasing arrival order.
///
/// Readers hold only the current record, so replaying a trace takes memory proportional to
/// the requests in flight, never to the length of the trace.
public protocol TraceSource {
    /// The next record, or `nil` at the end of the trace.
    mutating func next() throws(TraceError) -> TraceRecord?

    /// Rows read so far that the trace's filters (``TraceFormat/filters``) left out.
    var droppedRows: Int { get }
}

extension TraceSource {
    /// Sources without filters drop nothing.
    public var droppedRows: Int { 0 }
}

/// A trace held in memory: for tests and for workloads built in code.
public struct ArrayTrace: TraceSource, Sendable {
    public let records: [TraceRecord]
    private var position = 0

    public init(_ records: [TraceRecord]) { self.records = records }

    public mutating func next() throws(TraceError) -> TraceRecord? {
        guard position < records.count else { return nil }
        defer { position += 1 }
        return records[position]
    }
}
