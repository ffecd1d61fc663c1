/// A discrete-event engine with a virtual clock: the simulation's only notion of time.
///
/// The engine pops events in time order (ties in scheduling order) and hands each to an
/// ``EventHandler``. It reads no wall clock, keeps no global state and runs on the caller's
/// thread, so the same model and inputs always produce the same sequence of events.
/// Like swift-nio's `EmbeddedEventLoop`, time advances only by processing events.
///
///     var engine = Engine<MyEvent>()
///     engine.schedule(.arrival, at: 0)
///     var model = MyModel()
///     engine.run(&model, until: 3_600)
@frozen
public struct Engine<Event> {
    /// Current virtual time, in seconds.
    @inlinable public var now: Double { clock }
    @usableFromInline var clock: Double = 0
    @usableFromInline var queue = EventQueue<Event>()
    /// The pending event of the stream, kept beside the queue (``scheduleStreamEvent(_:at:rank:)``).
    @usableFromInline var streamEvent: ScheduledEvent<Event>?
    @usableFromInline var stopRequested = false
    /// Number of events handled so far.
    @inlinable public var processedEventCount: Int { processed }
    @usableFromInline var processed: Int = 0

    @inlinable
    public init() {}

    /// Number of events waiting.
    @inlinable public var pendingEventCount: Int { queue.count + (streamEvent == nil ? 0 : 1) }

    /// When the next pending event is due (nil when none is): until then, nothing happens.
    @inlinable public var nextEventSeconds: Double? {
        guard let stream = streamEvent else { return queue.min?.time }
        return Swift.min(stream.time, queue.min?.time ?? .infinity)
    }

    /// Schedules `event` at absolute virtual time `time` (seconds). Among events due at the same
    /// instant, lower `rank` fires first, then scheduling order. Scheduling in the past is a
    /// programming error.
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double, rank: UInt8 = 0) {
        precondition(time >= now, "event scheduled in the past: \(time) < \(now)")
        queue.push(event, at: time, rank: rank)
    }

    /// Schedules `event` `delay` seconds from now.
    @inlinable
    public mutating func schedule(_ event: Event, after delay: Double, rank: UInt8 = 0) {
        schedule(event, at: now + delay, rank: rank)
    }

    /// Schedules the next event of the *stream*: a sequence of events each scheduled when the
    /// previous one fires (a trace's arrivals), at most one pending at a time. It fires in exactly
    /// the order ``schedule(_:at:rank:)`` would give it, but waits beside the queue, which saves
    /// the queue a push and a pop per event (a tenth of a long run's time).
    @inlinable
    public mutating func scheduleStreamEvent(_ event: Event, at time: Double, rank: UInt8 = 0) {
        precondition(time >= now, "event scheduled in the past: \(time) < \(now)")
        precondition(streamEvent == nil, "the stream's previous event has not fired yet")
        streamEvent = queue.stamp(event, at: time, rank: rank)
    }

    /// Asks ``run(_:until:)`` to return after the current event.
    @inlinable
    public mutating func stop() { stopRequested = true }

    /// Processes events in order until none is left, the next one is later than `limit`, or the
    /// handler calls ``stop()``. On return because of `limit`, the clock stands at `limit`.
    @inlinable
    public mutating func run<Handler: EventHandler>(_ handler: inout Handler, until limit: Double = .infinity)
    where Handler.Event == Event {
        stopRequested = false
        while !stopRequested {
            let event: ScheduledEvent<Event>
            if let stream = streamEvent, queue.min.map({ stream.firesBefore($0) }) ?? true {
                guard stream.time <= limit else {
                    clock = limit
                    return
                }
                streamEvent = nil
                event = stream
            } else if let next = queue.min {
                guard next.time <= limit else {
                    clock = limit
                    return
                }
                event = queue.popMin().unsafelyUnwrapped
            } else {
                break
            }
            clock = event.time
            processed &+= 1
            handler.handle(event.payload, engine: &self)
        }
    }
}
