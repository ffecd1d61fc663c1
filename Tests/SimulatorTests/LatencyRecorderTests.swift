import Foundation
import Testing
@testable import Simulator

/// ``LatencyRecorder`` must hand over exactly the distribution that recording every value into a
/// ``LatencyDistribution`` gives: the run's percentiles, CDF points and means depend on it.
@Suite struct LatencyRecorderTests {
    enum Values: String, CaseIterable {
        case none, zeros, single, sameBucket, negativeAndZero, wideRange

        /// Durations in seconds.
        var seconds: [Double] {
            switch self {
            case .none: return []
            case .zeros: return [0, 0, 0]
            case .single: return [12.345_678]
            case .sameBucket: return [5.000_1, 5.000_2, 5.000_15, 5.000_2]        // one 4.1 ms bucket: raw min and max inside it
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
    func handsOverTheDistributionOfRecordingEachValue(_ values: Values) {
        var direct = LatencyDistribution()
        var recorder = LatencyRecorder()
        for value in values.seconds {
            direct.record(value)
            recorder.record(value)
        }
        expectEqual(recorder.distribution, direct)

        // Merged into another distribution, as pooled replications are.
        var pooledDirect = LatencyDistribution()
        pooledDirect.record(0.25)
        var pooledRecorded = pooledDirect
        pooledDirect.add(direct)
        pooledRecorded.add(recorder.distribution)
        expectEqual(pooledRecorded, pooledDirect)
    }

    @Test func countsIndexAndLowestValueInvertEachOther() {
        for value: UInt64 in [0, 1, 2_047, 2_048, 2_049, 4_095, 4_096, 1_000_000, 3_600_000_000, 1 << 40, UInt64.max / 2] {
            let index = LatencyRecorder.countsIndex(of: value)
            let lowest = LatencyRecorder.lowestValue(atCountsIndex: index)
            #expect(lowest <= value)
            #expect(LatencyRecorder.countsIndex(of: lowest) == index)
            if lowest > 0 { #expect(LatencyRecorder.countsIndex(of: lowest - 1) == index - 1) }
        }
    }

    private func expectEqual(_ actual: LatencyDistribution, _ expected: LatencyDistribution, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        #expect(actual.meanSeconds == expected.meanSeconds, sourceLocation: sourceLocation)
        #expect(actual.maxSeconds == expected.maxSeconds, sourceLocation: sourceLocation)
        for percentile in [0, 0.1, 1, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100] {
            #expect(actual.seconds(atPercentile: percentile) == expected.seconds(atPercentile: percentile),
                    "p\(percentile)", sourceLocation: sourceLocation)
        }
        let actualPoints = actual.cumulativePoints(), expectedPoints = expected.cumulativePoints()
        #expect(actualPoints.map(\.seconds) == expectedPoints.map(\.seconds), sourceLocation: sourceLocation)
        #expect(actualPoints.map(\.fraction) == expectedPoints.map(\.fraction), sourceLocation: sourceLocation)
    }
}
