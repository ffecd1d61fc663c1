/// The unit a trace writes a duration in (a measured service time, a request time).
public enum DurationUnit: String, Sendable, CaseIterable {
    case seconds
    /// Envoy's `%DURATION%` and `upstream_service_time`.
    case milliseconds

    /// How many of this unit make a second.
    public var perSecond: Double { self == .seconds ? 1 : 1000 }
}
