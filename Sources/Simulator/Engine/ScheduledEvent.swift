/// An event waiting in an ``EventQueue``: what happens, when, and in which order among
/// events due at the same instant.
///
/// Events are ordered by `time` (virtual seconds) and then by `sequence`, the order in which
/// they were scheduled. The sequence makes ties first-in first-out, so a run never depends on
/// how the heap happens to arrange equal times — the root of costsim's determinism.
@frozen
public struct ScheduledEvent<Payload> {
    /// Virtual time at which the event fires, in seconds since the start of the run.
    public var time: Double
    /// Insertion order; breaks ties between events with the same `time`.
    public var sequence: UInt64
    /// What happens.
    public var payload: Payload

    @inlinable
    public init(time: Double, sequence: UInt64, payload: Payload) {
        self.time = time
        self.sequence = sequence
        self.payload = payload
    }

    /// `true` when `self` must fire before `other`.
    @inlinable
    public func firesBefore(_ other: ScheduledEvent) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}
