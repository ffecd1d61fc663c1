/// A distribution of durations kept in HdrHistogram's bucket layout (3 significant digits,
/// microsecond resolution, growing as needed), so memory is constant however many requests a run
/// has.
///
/// Percentiles and CDF points are HdrHistogram's, computed exactly as the `Histogram` library
/// computes them (`valueAtPercentile`, `recordedValues`): the highest-equivalent value of the
/// bucket holding the percentile, accurate to 0.1 %. The mean and the maximum are kept exactly.
///
/// Why not the library's `Histogram` itself (it was, until it showed in profiles): a served
/// request records four durations, and `Histogram.record` (auto-resize check, copy-on-write check
/// of its counts, min/max and total bookkeeping through a nested struct) was 15 % of the
/// `year-10rps` benchmark; and a 30-day sweep run spent 5 % creating the library's histograms
/// (23,552 counts zeroed through generic code each) and walking them for three percentiles through
/// unspecialised generic integer code. Here a record is an index computation and an increment. The
/// tests check every query against the library, recording the same values (`LatencyDistributionTests`).
public struct LatencyDistribution: Sendable {
    /// Bucket counts indexed like HdrHistogram's counts array, grown to the largest index seen
    /// (empty until the first value: a run starts with five distributions).
    private var counts: [UInt64] = []
    /// Number of recorded values.
    public private(set) var count: Int = 0
    private var sumSeconds: Double = 0
    /// Largest recorded value, exact.
    public private(set) var maxSeconds: Double = 0
    /// The smallest non-zero and the largest value recorded, in microseconds (HdrHistogram keeps both exactly).
    private var minNonZeroMicroseconds = UInt64.max
    private var maxMicroseconds: UInt64 = 0

    public init() {}

    /// A non-negative duration in seconds as integer microseconds, rounded half up (cheaper than `rounded()`).
    @inline(__always)
    static func microseconds(_ seconds: Double) -> UInt64 { UInt64(seconds * 1_000_000 + 0.5) }

    /// Records one duration in seconds (negative values count as 0).
    @inline(__always)
    public mutating func record(_ seconds: Double) {
        let clamped = Swift.max(0, seconds)
        let microseconds = Self.microseconds(clamped)
        let index = Self.countsIndex(of: microseconds)
        if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count)) }
        counts[index] &+= 1
        count += 1
        sumSeconds += clamped
        maxSeconds = Swift.max(maxSeconds, clamped)
        maxMicroseconds = Swift.max(maxMicroseconds, microseconds)
        if microseconds != 0 { minNonZeroMicroseconds = Swift.min(minNonZeroMicroseconds, microseconds) }
    }

    /// Exact mean in seconds (0 when empty).
    public var meanSeconds: Double { count == 0 ? 0 : sumSeconds / Double(count) }

    /// The value at `percentile` (0–100) in seconds; 0 when empty.
    public func seconds(atPercentile percentile: Double) -> Double {
        guard count > 0 else { return 0 }
        if percentile >= 100 { return maxSeconds }
        return Swift.min(Double(microseconds(atPercentile: percentile)) / 1_000_000, maxSeconds)
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
        guard count > 0 else { return [] }
        var points: [(seconds: Double, fraction: Double)] = []
        var cumulative: UInt64 = 0
        for index in counts.indices where counts[index] > 0 {
            cumulative += counts[index]
            // The library's `recordedValues()`: the bucket's highest equivalent value, and
            // 100 × (count up to here) / total as its percentile.
            let percentile = (100.0 * Double(cumulative)) / Double(count)
            points.append((Double(Self.highestEquivalent(Self.lowestValue(atCountsIndex: index))) / 1_000_000, percentile / 100))
        }
        return points
    }

    /// Merges another distribution into this one.
    public mutating func add(_ other: LatencyDistribution) {
        if other.counts.count > counts.count { counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count)) }
        for index in other.counts.indices { counts[index] &+= other.counts[index] }
        count += other.count
        sumSeconds += other.sumSeconds
        maxSeconds = Swift.max(maxSeconds, other.maxSeconds)
        maxMicroseconds = Swift.max(maxMicroseconds, other.maxMicroseconds)
        minNonZeroMicroseconds = Swift.min(minNonZeroMicroseconds, other.minNonZeroMicroseconds)
    }

    /// HdrHistogram's `valueAtPercentile` (hdrhistogram-swift 0.2, `Histogram.swift`), step for
    /// step: the highest equivalent value of the first bucket whose running count reaches
    /// ⌈(percentile⁻ × total) / 100⌉, kept within the recorded minimum and maximum.
    private func microseconds(atPercentile percentile: Double) -> UInt64 {
        let minimum = (counts.first ?? 0) > 0 ? 0 : minNonZeroMicroseconds
        guard percentile != 0.0 else { return minimum }
        guard percentile < 100.0 else { return maxMicroseconds }
        // One ulp less, so that rounding up never overruns into the next bucket (the library's comment).
        let requested = Swift.min(Swift.max(percentile.nextDown, 0.0), 100.0)
        let countAtPercentile = Swift.max(1, UInt64(((requested * Double(count)) / 100.0).rounded(.up)))
        var cumulative: UInt64 = 0
        for index in counts.indices {
            cumulative += counts[index]
            if cumulative >= countAtPercentile {
                let value = Self.highestEquivalent(Self.lowestValue(atCountsIndex: index))
                return Swift.max(Swift.min(value, maxMicroseconds), minimum)
            }
        }
        return 0
    }

    // MARK: HdrHistogram's layout for a lowest discernible value of 1 and 3 significant digits

    /// 2¹¹ sub-buckets cover 2,000 with unit resolution; each bucket after the first adds one power of two.
    private static let subBucketHalfCountMagnitude = 10
    private static let subBucketHalfCount = 1 << subBucketHalfCountMagnitude
    private static let subBucketCount = 2 * subBucketHalfCount
    private static let subBucketMask: UInt64 = (1 << 11) - 1
    /// Leading zeros of the largest value in bucket 0: 64 − 11.
    private static let leadingZeroCountBase = 53

    /// HdrHistogram's `bucketIndexForValue`.
    @inline(__always)
    private static func bucketIndex(of value: UInt64) -> Int { leadingZeroCountBase - (value | subBucketMask).leadingZeroBitCount }

    /// HdrHistogram's `countsIndexForValue`.
    @inline(__always)
    static func countsIndex(of value: UInt64) -> Int {
        let bucket = bucketIndex(of: value)
        let subBucket = Int(truncatingIfNeeded: value >> UInt64(bucket))
        return (bucket + 1) << subBucketHalfCountMagnitude + subBucket - subBucketHalfCount
    }

    /// HdrHistogram's `valueFromIndex`: the lowest value counted at `index`.
    static func lowestValue(atCountsIndex index: Int) -> UInt64 {
        var bucket = (index >> subBucketHalfCountMagnitude) - 1
        var subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
        if bucket < 0 {
            subBucket -= subBucketHalfCount
            bucket = 0
        }
        return UInt64(subBucket) << UInt64(bucket)
    }

    /// HdrHistogram's `highestEquivalentForValue`: the largest value counted in `value`'s bucket.
    static func highestEquivalent(_ value: UInt64) -> UInt64 {
        let bucket = bucketIndex(of: value)
        let subBucket = Int(truncatingIfNeeded: value >> UInt64(bucket))
        let lowest = UInt64(subBucket) << UInt64(bucket)
        let size = UInt64(1) << UInt64(subBucket >= subBucketCount ? bucket + 1 : bucket)
        return lowest + size - 1
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
