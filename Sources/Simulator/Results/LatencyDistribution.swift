import Histogram

/// A distribution of durations kept as an HdrHistogram (3 significant digits, microsecond
/// resolution, auto-resizing), so memory is constant however many requests a run has.
///
/// Percentiles are HdrHistogram's: the highest-equivalent value of the bucket holding the
/// percentile, accurate to 0.1 %. The mean is kept exactly beside the histogram.
public struct LatencyDistribution: Sendable {
    /// Nil until the first value: an empty distribution allocates nothing (a run starts with
    /// five, and the library's initializer zeroes its 23,552 counts one generic copy at a time).
    private var histogram: Histogram<UInt64>?
    /// Number of recorded values.
    public private(set) var count: Int = 0
    private var sumSeconds: Double = 0
    /// Largest recorded value, exact.
    public private(set) var maxSeconds: Double = 0

    public init() {}

    /// A distribution of values recorded elsewhere (``LatencyRecorder``).
    init(histogram: Histogram<UInt64>?, count: Int, sumSeconds: Double, maxSeconds: Double) {
        self.histogram = histogram
        self.count = count
        self.sumSeconds = sumSeconds
        self.maxSeconds = maxSeconds
    }

    /// An empty histogram with this type's resolution: one hour pre-sized, growing beyond it.
    static func emptyHistogram() -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
        return histogram
    }

    /// A non-negative duration in seconds as the histogram's integer microseconds, rounded half up
    /// (cheaper than `rounded()`).
    @inline(__always)
    static func microseconds(_ seconds: Double) -> UInt64 { UInt64(seconds * 1_000_000 + 0.5) }

    /// Records one duration in seconds (negative values count as 0).
    public mutating func record(_ seconds: Double) {
        let clamped = Swift.max(0, seconds)
        if histogram == nil { histogram = Self.emptyHistogram() }
        histogram!.record(Self.microseconds(clamped))
        count += 1
        sumSeconds += clamped
        maxSeconds = Swift.max(maxSeconds, clamped)
    }

    /// Exact mean in seconds (0 when empty).
    public var meanSeconds: Double { count == 0 ? 0 : sumSeconds / Double(count) }

    /// The value at `percentile` (0–100) in seconds; 0 when empty.
    public func seconds(atPercentile percentile: Double) -> Double {
        guard count > 0, let histogram else { return 0 }
        if percentile >= 100 { return maxSeconds }
        return Swift.min(Double(histogram.valueAtPercentile(percentile)) / 1_000_000, maxSeconds)
    }

    /// p50, p90, p95, p99 and max.
    public var summary: LatencySummary {
        LatencySummary(
            count: count, meanSeconds: meanSeconds,
            p50Seconds: seconds(atPercentile: 50), p90Seconds: seconds(atPercentile: 90),
            p95Seconds: seconds(atPercentile: 95), p99Seconds: seconds(atPercentile: 99), maxSeconds: maxSeconds)
    }

    /// Points of the cumulative distribution, one per distinct histogram bucket, in seconds.
    public func cumulativePoints() -> [(seconds: Double, fraction: Double)] {
        guard count > 0, let histogram else { return [] }
        return histogram.recordedValues().map { value in
            (Double(histogram.highestEquivalentForValue(value.value)) / 1_000_000, value.percentile / 100)
        }
    }

    /// Merges another distribution into this one.
    public mutating func add(_ other: LatencyDistribution) {
        if let otherHistogram = other.histogram {
            if histogram == nil { histogram = Self.emptyHistogram() }
            histogram!.add(otherHistogram)
        }
        count += other.count
        sumSeconds += other.sumSeconds
        maxSeconds = Swift.max(maxSeconds, other.maxSeconds)
    }
}

/// Headline statistics of a ``LatencyDistribution``, in seconds.
public struct LatencySummary: Sendable, Hashable {
    public var count: Int
    public var meanSeconds: Double
    public var p50Seconds: Double
    public var p90Seconds: Double
    public var p95Seconds: Double
    public var p99Seconds: Double
    public var maxSeconds: Double
}
