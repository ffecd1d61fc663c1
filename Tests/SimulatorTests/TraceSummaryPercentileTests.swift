import Testing

@testable import Simulator

/// Size percentiles are exact order statistics while the sizes have few distinct values.
@Suite struct TraceSummaryPercentileTests {
    static func summary(_ sizes: [Double]) -> TraceSummary {
        var summary = TraceSummary()
        for (index, size) in sizes.enumerated() {
            summary.add(TraceRecord(arrivalSeconds: Double(index), workSize: size))
        }
        return summary
    }

    @Test func wholeNumbersGiveExactOrderStatistics() {
        // Ten sizes: p50 is the 5th smallest (23), p90 the 9th (24), p99 and max the 10th (100).
        let summary = Self.summary([23, 100, 23, 24, 1, 23, 23, 24, 2, 23])
        #expect(summary.sizePercentilesAreExact && summary.sizesAreWholeNumbers)
        #expect(summary.size(atPercentile: 50) == 23)
        #expect(summary.size(atPercentile: 90) == 24)
        #expect(summary.size(atPercentile: 99) == 100)
        #expect(summary.size(atPercentile: 100) == 100)
        #expect(summary.size(atPercentile: 10) == 1)
        #expect(summary.size(atPercentile: 0) == 1)
    }

    @Test func fractionsAreExactTooButNotWhole() {
        let summary = Self.summary([23.5, 23])
        #expect(summary.sizePercentilesAreExact && !summary.sizesAreWholeNumbers)
        #expect(summary.size(atPercentile: 50) == 23)
        #expect(summary.size(atPercentile: 51) == 23.5)
    }

    @Test func aSizeBeyondTheCeilingHandsTheCountedSizesToTheHistogram() {
        // Four sizes, the last one beyond the ceiling: p25 is the smallest (1), p50 the 2nd (2),
        // both exact in the histogram; counted sizes lost at the hand-over would leave only 2e9.
        let summary = Self.summary([1, 2, 3, 2e9])
        #expect(!summary.sizePercentilesAreExact)
        #expect(summary.size(atPercentile: 25) == 1)
        #expect(summary.size(atPercentile: 50) == 2)
        #expect(summary.size(atPercentile: 100) == 2e9)
    }

    @Test func wholeNumbers() {
        let wholes: [Double] = [3, -0.0, -7, 0x1p52, 0x1p53 + 2, .infinity, -.infinity]
        for whole in wholes {
            #expect(TraceSummary.isWholeNumber(whole), "\(whole)")
        }
        let fractions: [Double] = [0.5, -2.5, 0x1p52 - 0.5, 1e-300, .nan]
        for fraction in fractions {
            #expect(!TraceSummary.isWholeNumber(fraction), "\(fraction)")
        }
    }

    @Test func manyDistinctSizesFallBackToThreeSignificantDigits() {
        var summary = TraceSummary()
        for index in 0...TraceSummary.maxExactSizes {
            summary.add(TraceRecord(arrivalSeconds: Double(index), workSize: Double(index)))
        }
        #expect(!summary.sizePercentilesAreExact)
        // The true median is 50,000; the histogram keeps 3 significant digits (within 0.1 %).
        let median = summary.size(atPercentile: 50)
        #expect(abs(median - 50_000) <= 50)
    }
}
