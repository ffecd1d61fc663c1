import Foundation
import Histogram
import Testing
@testable import Simulator

/// ``LatencyDistribution`` keeps HdrHistogram's buckets itself and must answer every query exactly
/// as the `Histogram` library does when the same values are recorded into it: the run's
/// percentiles, CDF points and means depend on it.
@Suite struct LatencyDistributionTests {
    enum Values: String, CaseIterable {
        case none, zeros, single, sameBucket, negativeAndZero, wideRange

        /// Durations in seconds.
        var seconds: [Double] {
            switch self {
            case .none: return []
            case .zeros: return [0, 0, 0]
            case .single: return [12.345_678]
            // one 4.1 ms bucket: raw min and max inside it
            case .sameBucket: return [5.000_1, 5.000_2, 5.000_15, 5.000_2]
            case .negativeAndZero: return [-1, 0, 0.000_000_4, 0.000_000_6, 3]
            case .wideRange:
                // 1 µs to ~10⁵ s, beyond the hour the histogram is pre-sized for, with repeats.
                var generator = Xoshiro256StarStar(seed: 42)
                return (0..<20_000).map { _ in
                    let exponent = -6 + 11 * generator.nextUnitInterval()
                    return (pow(10, exponent) * 1_000).rounded() / 1_000
                }
            }
        }
    }

    @Test(arguments: Values.allCases)
    func answersLikeTheLibrary(_ values: Values) {
        var distribution = LatencyDistribution()
        var library = Self.libraryHistogram()
        for value in values.seconds {
            distribution.record(value)
            library.record(LatencyDistribution.microseconds(Swift.max(0, value)))
        }
        expect(distribution, answersLike: library, values: values.seconds)

        // Merged into another distribution, as pooled replications are.
        var pooled = LatencyDistribution()
        pooled.record(0.25)
        pooled.add(distribution)
        var pooledLibrary = Self.libraryHistogram()
        pooledLibrary.record(250_000)
        pooledLibrary.add(library)
        expect(pooled, answersLike: pooledLibrary, values: [0.25] + values.seconds)
    }

    /// The histogram `LatencyDistribution` stood for before it kept its own buckets: one hour
    /// pre-sized, growing beyond it.
    private static func libraryHistogram() -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
        return histogram
    }

    @Test func countsIndexAndLowestValueInvertEachOther() {
        for value: UInt64 in [
            0, 1, 2_047, 2_048, 2_049, 4_095, 4_096, 1_000_000, 3_600_000_000, 1 << 40, UInt64.max / 2,
        ] {
            let index = LatencyDistribution.countsIndex(of: value)
            let lowest = LatencyDistribution.lowestValue(atCountsIndex: index)
            #expect(lowest <= value)
            #expect(LatencyDistribution.countsIndex(of: lowest) == index)
            if lowest > 0 { #expect(LatencyDistribution.countsIndex(of: lowest - 1) == index - 1) }
        }
    }

    private func expect(
        _ actual: LatencyDistribution, answersLike library: Histogram<UInt64>, values: [Double],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let clamped = values.map { Swift.max(0, $0) }
        #expect(actual.count == Int(library.totalCount), sourceLocation: sourceLocation)
        // summed in another order when pooled
        let mean = clamped.isEmpty ? 0 : clamped.reduce(0, +) / Double(clamped.count)
        #expect(abs(actual.meanSeconds - mean) <= 1e-12 * Swift.max(1, mean), sourceLocation: sourceLocation)
        #expect(actual.maxSeconds == (clamped.max() ?? 0), sourceLocation: sourceLocation)
        for percentile in [-1, 0, 0.1, 1, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100, 120]
            + Array(stride(from: 0.0, through: 100, by: 0.37))
        {
            let expected =
                library.totalCount == 0
                ? 0
                : percentile >= 100
                    ? actual.maxSeconds
                    : Swift.min(Double(library.valueAtPercentile(percentile)) / 1_000_000, actual.maxSeconds)
            #expect(
                actual.seconds(atPercentile: percentile) == expected, "p\(percentile)", sourceLocation: sourceLocation)
        }
        let points = actual.cumulativePoints()
        let expected = library.recordedValues().map {
            (Double(library.highestEquivalentForValue($0.value)) / 1_000_000, $0.percentile / 100)
        }
        #expect(points.map(\.seconds) == expected.map(\.0), sourceLocation: sourceLocation)
        #expect(points.map(\.fraction) == expected.map(\.1), sourceLocation: sourceLocation)
    }
}
