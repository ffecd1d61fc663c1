import Histogram

/// Collects durations during a run into exactly the buckets of ``LatencyDistribution``'s
/// HdrHistogram (3 significant digits, microseconds), and hands over a ``LatencyDistribution``
/// at the end that equals one built by recording every value into it.
///
/// Why not record into the library's `Histogram` directly: a served request records four
/// durations, and `Histogram.record` (auto-resize check, copy-on-write check of its counts,
/// min/max and total bookkeeping, through a nested struct) was 15 % of the `year-10rps`
/// benchmark. Here a record is an index computation and an increment; the histogram is filled
/// once per bucket in ``distribution``.
struct LatencyRecorder {
    /// Bucket counts indexed like HdrHistogram's counts array, grown to the largest index seen.
    private var counts: [UInt64] = []
    private var count = 0
    private var sumSeconds = 0.0
    private var maxSeconds = 0.0
    /// The smallest non-zero and the largest value recorded, in microseconds (HdrHistogram keeps both exactly).
    private var minNonZeroMicroseconds = UInt64.max
    private var maxMicroseconds: UInt64 = 0

    /// Records one duration in seconds (negative values count as 0), as ``LatencyDistribution/record(_:)`` does.
    @inline(__always)
    mutating func record(_ seconds: Double) {
        let clamped = Swift.max(0, seconds)
        let microseconds = LatencyDistribution.microseconds(clamped)
        let index = Self.countsIndex(of: microseconds)
        if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count)) }
        counts[index] &+= 1
        count += 1
        sumSeconds += clamped
        maxSeconds = Swift.max(maxSeconds, clamped)
        maxMicroseconds = Swift.max(maxMicroseconds, microseconds)
        if microseconds != 0 { minNonZeroMicroseconds = Swift.min(minNonZeroMicroseconds, microseconds) }
    }

    /// The recorded values as a ``LatencyDistribution``: each bucket is recorded once with its
    /// count, at a value inside the bucket — the exact smallest non-zero and largest values for
    /// their buckets, so the histogram's own minimum and maximum match too.
    var distribution: LatencyDistribution {
        guard count > 0 else { return LatencyDistribution() }
        var histogram = LatencyDistribution.emptyHistogram()
        let minIndex = minNonZeroMicroseconds == .max ? -1 : Self.countsIndex(of: minNonZeroMicroseconds)
        let maxIndex = maxMicroseconds == 0 ? -1 : Self.countsIndex(of: maxMicroseconds)
        for index in counts.indices where counts[index] > 0 {
            let bucketCount = counts[index]
            switch (index == minIndex, index == maxIndex) {
            case (true, true) where minNonZeroMicroseconds != maxMicroseconds:   // two distinct values, so a count ≥ 2
                histogram.record(minNonZeroMicroseconds, count: bucketCount - 1)
                histogram.record(maxMicroseconds, count: 1)
            case (true, _): histogram.record(minNonZeroMicroseconds, count: bucketCount)
            case (false, true): histogram.record(maxMicroseconds, count: bucketCount)
            case (false, false): histogram.record(Self.lowestValue(atCountsIndex: index), count: bucketCount)
            }
        }
        return LatencyDistribution(histogram: histogram, count: count, sumSeconds: sumSeconds, maxSeconds: maxSeconds)
    }

    // MARK: HdrHistogram's layout for a lowest discernible value of 1 and 3 significant digits

    /// 2¹¹ sub-buckets cover 2,000 with unit resolution; each bucket after the first adds one power of two.
    private static let subBucketHalfCountMagnitude = 10
    private static let subBucketHalfCount = 1 << subBucketHalfCountMagnitude
    private static let subBucketMask: UInt64 = (1 << 11) - 1
    /// Leading zeros of the largest value in bucket 0: 64 − 11.
    private static let leadingZeroCountBase = 53

    /// HdrHistogram's `countsIndexForValue`.
    @inline(__always)
    static func countsIndex(of value: UInt64) -> Int {
        let bucket = leadingZeroCountBase - (value | subBucketMask).leadingZeroBitCount
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
}
