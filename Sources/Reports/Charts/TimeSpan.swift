/// A span of time in seconds, `start` ≤ `end`.
public struct TimeSpan: Sendable, Hashable {
    public var start: Double
    public var end: Double
    public init(start: Double, end: Double) {
        self.start = Swift.min(start, end)
        self.end = Swift.max(start, end)
    }

    public var seconds: Double { end - start }
}
