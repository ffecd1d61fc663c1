import Histogram

/// What matters about a trace before simulating it: volume, span, rate, request sizes, and
/// the idle gaps between requests — the gaps are where scale-to-zero saves money, and their
/// length against the KEDA cooldown and cluster-autoscaler delays decides whether it does.
///
/// Built in one streaming pass; memory does not grow with the trace. Any record can be added,
/// whatever its values (the trace readers bound them, records built in code need not be): the
/// arithmetic cannot trap, and sizes beyond ``sizeCeiling`` count as the ceiling in percentiles.
public struct TraceSummary: Sendable {
    /// An idle period between two consecutive arrivals.
    public struct Gap: Sendable, Hashable {
        public var startSeconds: Double
        public var lengthSeconds: Double
    }

    public private(set) var count = 0
    public private(set) var firstArrivalSeconds = 0.0
    public private(set) var lastArrivalSeconds = 0.0
    public private(set) var totalWork = 0.0
    public private(set) var totalOutputTokens = 0.0
    /// Measured service time in total, seconds (traces with a service-time column).
    public private(set) var totalServiceSeconds = 0.0
    /// The longest gaps, longest first.
    public private(set) var longestGaps: [Gap] = []
    /// Thresholds (seconds) for ``gapCounts`` and ``gapSeconds``.
    public let gapThresholdsSeconds: [Double]
    /// Number of gaps longer than each threshold.
    public private(set) var gapCounts: [Int]
    /// Total idle seconds inside gaps longer than each threshold.
    public private(set) var gapSeconds: [Double]

    private let keptGaps: Int
    /// The sizes to 3 significant digits, once ``sizeCounts`` no longer counts them exactly.
    private var sizes = Histogram<UInt64>(
        highestTrackableValue: UInt64(Self.sizeCeiling * Self.sizeResolution), numberOfSignificantValueDigits: .three)
    private var maxSize = 0.0
    /// How many requests have each size, while there are at most ``maxExactSizes`` distinct
    /// sizes, all within 0 … ``sizeCeiling``; then the percentiles are exact.
    private var sizeCounts: [Double: Int]? = [:]
    /// Whether every size is a whole number (token, character, byte counts).
    public private(set) var sizesAreWholeNumbers = true

    /// Most distinct sizes counted exactly (the token and character counts of real traces have a
    /// few thousand).
    static let maxExactSizes = 100_000

    /// Milli-units per work unit in the size histogram (sizes keep three decimals).
    static let sizeResolution = 1000.0

    /// Largest size the percentiles tell apart: ``TraceLimits/maxWorkSize``, the most a trace
    /// file may hold. The mean, total and maximum use the exact sizes.
    public static let sizeCeiling = TraceLimits.maxWorkSize

    public init(keepLongestGaps: Int = 5, gapThresholdsSeconds: [Double] = [60, 300, 600, 900, 3600]) {
        keptGaps = keepLongestGaps
        self.gapThresholdsSeconds = gapThresholdsSeconds
        gapCounts = Array(repeating: 0, count: gapThresholdsSeconds.count)
        gapSeconds = Array(repeating: 0, count: gapThresholdsSeconds.count)
    }

    /// Reads `source` to its end.
    public static func of(_ source: inout some TraceSource, keepLongestGaps: Int = 5) throws(TraceError) -> TraceSummary {
        var summary = TraceSummary(keepLongestGaps: keepLongestGaps)
        while let record = try source.next() { summary.add(record) }
        return summary
    }

    public mutating func add(_ record: TraceRecord) {
        if count == 0 {
            firstArrivalSeconds = record.arrivalSeconds
        } else {
            addGap(Gap(startSeconds: lastArrivalSeconds, lengthSeconds: record.arrivalSeconds - lastArrivalSeconds))
        }
        count += 1
        lastArrivalSeconds = record.arrivalSeconds
        totalWork += record.workSize
        totalOutputTokens += record.outputTokens
        totalServiceSeconds += record.serviceSeconds ?? 0
        maxSize = Swift.max(maxSize, record.workSize)
        if sizesAreWholeNumbers && !Self.isWholeNumber(record.workSize) { sizesAreWholeNumbers = false }
        if sizeCounts != nil {
            // Sizes a trace file cannot hold (NaN, negative, beyond the ceiling) leave it to the
            // histogram, which clamps them.
            if record.workSize >= 0, record.workSize <= Self.sizeCeiling,
               sizeCounts!.count < Self.maxExactSizes || sizeCounts![record.workSize] != nil {
                sizeCounts![record.workSize, default: 0] += 1
                return
            }
            // The histogram takes over: it gets the sizes counted so far, then every size.
            for (size, count) in sizeCounts! { sizes.record(Self.histogramValue(ofSize: size), count: UInt64(count)) }
            sizeCounts = nil
        }
        sizes.record(Self.histogramValue(ofSize: record.workSize))
    }

    /// Whether `size` has no fraction (`rounded()` without its call into the C library, once per
    /// record): doubles from 2⁵² up are all whole; NaN is not.
    static func isWholeNumber(_ size: Double) -> Bool {
        size.magnitude < 0x1p52 ? Double(Int64(size)) == size : !size.isNaN
    }

    /// `size` in milli-units, clamped to 0 … ``sizeCeiling`` (NaN counts as 0) so the
    /// conversion to an integer cannot trap.
    static func histogramValue(ofSize size: Double) -> UInt64 {
        let milliUnits = (size * sizeResolution).rounded()
        guard milliUnits > 0 else { return 0 }
        return UInt64(Swift.min(milliUnits, sizeCeiling * sizeResolution))
    }

    private mutating func addGap(_ gap: Gap) {
        for (index, threshold) in gapThresholdsSeconds.enumerated() where gap.lengthSeconds > threshold {
            gapCounts[index] += 1
            gapSeconds[index] += gap.lengthSeconds
        }
        guard keptGaps > 0 else { return }
        if longestGaps.count < keptGaps || gap.lengthSeconds > longestGaps[longestGaps.count - 1].lengthSeconds {
            let position = longestGaps.firstIndex { $0.lengthSeconds < gap.lengthSeconds } ?? longestGaps.count
            longestGaps.insert(gap, at: position)
            if longestGaps.count > keptGaps { longestGaps.removeLast() }
        }
    }

    /// Seconds from the first to the last arrival.
    public var spanSeconds: Double { lastArrivalSeconds - firstArrivalSeconds }

    /// Mean arrival rate over the span, requests per second (0 for fewer than two requests).
    public var ratePerSecond: Double { spanSeconds > 0 ? Double(count - 1) / spanSeconds : 0 }

    /// Mean request size in work units.
    public var meanSize: Double { count == 0 ? 0 : totalWork / Double(count) }

    /// Whether ``size(atPercentile:)`` is exact: there are at most ``maxExactSizes`` distinct sizes.
    public var sizePercentilesAreExact: Bool { sizeCounts != nil }

    /// Request size at `percentile` (0–100): the smallest size that at least `percentile` % of the
    /// requests do not exceed — exactly when ``sizePercentilesAreExact``, else to 3 significant digits.
    public func size(atPercentile percentile: Double) -> Double {
        guard count > 0 else { return 0 }
        if percentile >= 100 { return maxSize }
        if let sizeCounts {
            let share = percentile.isNaN ? 0 : Swift.max(percentile, 0) / 100
            let rank = Swift.max(1, Int((share * Double(count)).rounded(.up)))
            var seen = 0
            for size in sizeCounts.keys.sorted() {
                seen += sizeCounts[size]!
                if seen >= rank { return Double(size) }
            }
            return maxSize
        }
        return Swift.min(Double(sizes.valueAtPercentile(percentile)) / Self.sizeResolution, maxSize)
    }
}
