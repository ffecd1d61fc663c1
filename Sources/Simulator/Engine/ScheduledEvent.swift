/// An event waiting in an ``EventQueue``: what happens, when, and in which order among
/// events due at the same instant.
///
/// Events are ordered by `time` (virtual seconds) and then by `sequence`: the event's rank in its
/// top byte, then the order in which events were scheduled. Ranks let a model state which kind of
/// event goes first at an instant (costsim: cluster and request events before controller ticks);
/// within a rank ties are first-in first-out, so a run never depends on how the heap happens to
/// arrange equal times — the root of costsim's determinism.
@frozen
public struct ScheduledEvent<Payload> {
    /// Virtual time at which the event fires, in seconds since the start of the run.
    public var time: Double
    /// Rank (top byte) and insertion order (the rest); breaks ties between events with the same `time`.
    public var sequence: UInt64
    /// Bit position of the rank inside `sequence` (leaves 2^56 insertions per run).
    @inlinable public static var rankShift: UInt64 { 56 }
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
