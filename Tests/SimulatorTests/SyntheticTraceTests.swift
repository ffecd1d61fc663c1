import Foundation
import Testing
@testable import Simulator

@Suite struct SyntheticTraceTests {
    @Test func deliversTheDailyVolume() throws {
        // 300 min/day of 15-s requests = 1,200 requests/day; over 50 days the count is Poisson
        // with mean 60,000 (sd 245); work per request has mean 15 s.
        var trace = SyntheticTrace(SyntheticTrace.Description(days: 50, profile: .uniform), seed: 11)
        var summary = TraceSummary()
        while let record = try trace.next() { summary.add(record) }
        #expect(abs(Double(summary.count) - 60_000) < 5 * 245)
        #expect(abs(summary.totalWork / 50 / 60 - 300) < 15)   // within 5 %
        #expect(summary.lastArrivalSeconds < 50 * 86_400)
    }

    @Test func businessHoursPutTheRightShareInsideTheWindow() throws {
        var trace = SyntheticTrace(SyntheticTrace.Description(days: 20, profile: .officeHours), seed: 3)
        var inside = 0, total = 0
        while let record = try trace.next() {
            let hour = record.arrivalSeconds.truncatingRemainder(dividingBy: 86_400) / 3600
            if hour >= 9 && hour < 17 { inside += 1 }
            total += 1
        }
        let share = Double(inside) / Double(total)
        let standardError = (0.9 * 0.1 / Double(total)).squareRoot()
        #expect(abs(share - 0.9) < 5 * standardError)
    }

    @Test func burstyTrafficIsBurstierThanPoisson() throws {
        // Index of dispersion of counts per 10-minute window: 1 for Poisson, far above 1 for on/off.
        func dispersion(_ profile: ArrivalProfile) throws -> Double {
            var trace = SyntheticTrace(SyntheticTrace.Description(days: 10, profile: profile), seed: 8)
            var counts = [Double](repeating: 0, count: 10 * 144)
            while let record = try trace.next() { counts[Int(record.arrivalSeconds / 600)] += 1 }
            let mean = counts.reduce(0, +) / Double(counts.count)
            let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(counts.count - 1)
            return variance / mean
        }
        let poisson = try dispersion(.uniform)
        #expect(poisson > 0.8 && poisson < 1.2)
        #expect(try dispersion(.bursty(meanOnSeconds: 600, meanOffSeconds: 3600)) > 5)
    }

    @Test func sameSeedSameTrace() throws {
        var a = SyntheticTrace(SyntheticTrace.Description(days: 2), seed: 5)
        var b = SyntheticTrace(SyntheticTrace.Description(days: 2), seed: 5)
        var c = SyntheticTrace(SyntheticTrace.Description(days: 2), seed: 6)
        let first = try Fixtures.readAll(&a)
        #expect(first == (try Fixtures.readAll(&b)))
        #expect(first != (try Fixtures.readAll(&c)))
    }

    @Test func rejectsNonsense() {
        #expect(throws: ParameterError.self) { try SyntheticTrace.Description(days: 0).validate() }
        #expect(throws: ParameterError.self) {
            try SyntheticTrace.Description(profile: .businessHours(startHour: 18, endHour: 9, offHoursShare: 0.1))
                .validate()
        }
    }

    @Test func rejectsParametersThatWouldGenerateForHours() {
        func message(_ description: SyntheticTrace.Description) -> String? {
            do {
                try description.validate()
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message(.init(days: 1e308))?.contains("at most 36525 (100 years)") == true)
        #expect(message(.init(days: -1))?.contains("days must be > 0") == true)
        #expect(message(.init(days: 36_525, profile: .uniform)) == nil)             // a century: 43.8 M requests
        // Almost no traffic for a century in 1-s bursts and pauses: no requests, but 3 × 10⁹ periods to walk.
        #expect(
            message(.init(workPerDay: 1e-3, days: 36_525, profile: .bursty(meanOnSeconds: 1, meanOffSeconds: 1)))?
                .contains("change rate") == true)
        #expect(message(.init(workPerDay: 1e9 * 60))?.contains("would generate") == true)
        #expect(
            message(.init(profile: .bursty(meanOnSeconds: 600, meanOffSeconds: 1e308)))?.contains("meanOff") == true)
        #expect(
            message(.init(profile: .bursty(meanOnSeconds: 1e-300, meanOffSeconds: 3600)))?.contains("meanOn") == true)
        #expect(message(.init(profile: .bursty(meanOnSeconds: 600, meanOffSeconds: 0))) == nil)     // always on
        #expect(
            message(.init(requestSize: .lognormal(mu: log(1e-300), sigma: 0.1)))?.contains("would generate") == true)
        #expect(message(.init(requestSize: .constant(2e9)))?.contains("mean") == true)
        // 1-second bursts and pauses for 100 years: 3 billion periods to draw even without requests.
        #expect(
            message(.init(workPerDay: 0, days: 36_525, profile: .bursty(meanOnSeconds: 1, meanOffSeconds: 1)))?
                .contains("change rate") == true)
    }

    @Test func shortTracesCountTheirConcentratedTraffic() {
        // A microsecond-long trace whose business hours fall inside it gets most of a day's
        // volume, and a bursty trace starts with a burst at the burst rate: the bound counts both.
        let window = ArrivalProfile.businessHours(startHour: 0, endHour: 1e-10, offHoursShare: 0.1)
        let businessHours = SyntheticTrace.Description(
            workPerDay: 15e12, days: 1e-6, profile: window, requestSize: .constant(15))
        #expect(businessHours.maxExpectedRequests == 1e12)
        #expect(throws: ParameterError.self) { try businessHours.validate() }
        let bursty = SyntheticTrace.Description(
            workPerDay: 15e12, days: 1e-6, profile: .bursty(meanOnSeconds: 1, meanOffSeconds: 86_400),
            requestSize: .constant(15))
        #expect(throws: ParameterError.self) { try bursty.validate() }
    }

    @Test func generatedSizesReadBack() throws {
        // Half the draws of uniform(0, 1.9e9) are above the largest size a trace file may hold.
        let description = SyntheticTrace.Description(
            // 100 requests
            workPerDay: 9.5e13, days: 1e-3, profile: .uniform, requestSize: .uniform(lower: 0, upper: 1.9e9))
        try description.validate()
        var trace = SyntheticTrace(description, seed: 2)
        let workSizes = try Fixtures.readAll(&trace).map(\.workSize)
        #expect(workSizes.count > 0)
        #expect(workSizes.contains(TraceLimits.maxWorkSize))
        #expect(workSizes.allSatisfy { $0 <= TraceLimits.maxWorkSize })
    }

    @Test func summaryFindsTheLongestGaps() {
        var summary = TraceSummary(keepLongestGaps: 2)
        for time in [0.0, 10, 1000, 1005, 5000] { summary.add(TraceRecord(arrivalSeconds: time, workSize: 1)) }
        #expect(summary.longestGaps.map(\.lengthSeconds) == [3995, 990])
        #expect(summary.longestGaps.first?.startSeconds == 1005)
        #expect(summary.gapCounts[0] == 2)     // gaps longer than 60 s
        #expect(summary.gapCounts[1] == 2)     // longer than 300 s
        #expect(summary.gapCounts[4] == 1)     // longer than 3600 s
        #expect(summary.spanSeconds == 5000)
    }
}
