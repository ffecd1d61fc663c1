/// A model driven by an ``Engine``: it receives each event when its time comes and may
/// schedule further events.
///
/// Models are value types or classes that own all their state; the engine owns only the
/// clock and the future-event list. Components such as autoscalers are parts of a model that
/// react to the model's events and to timers they schedule themselves.
public protocol EventHandler {
    associatedtype Event
    /// Handles `event`, which fires at `engine.now`.
    mutating func handle(_ event: Event, engine: inout Engine<Event>)
}
