#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A generated workload: a daily volume of work (by default minutes of speech), spread over the
/// day by an ``ArrivalProfile``, with request sizes from a distribution. Streams its records,
/// so a year of traffic costs no memory.
///
/// The arrival rate is `volumePerDay / mean(requestSize)` requests per day. Arrivals use the
/// ``RandomStream/arrivals`` stream and sizes ``RandomStream/requestSizes``, so the same seed
/// gives the same trace.
public struct SyntheticTrace: TraceSource, Sendable {
    /// What to generate.
    public struct Description: Sendable, Hashable {
        /// Work arriving per day, in work units (default: 300 minutes of speech = 18,000 audio seconds,
        /// the article's volume).
        public var workPerDay: Double
        /// Length of the trace in days.
        public var days: Double
        public var profile: ArrivalProfile
        /// Size of one request, in work units (draws are clamped to 0 … ``TraceLimits/maxWorkSize``,
        /// so a generated trace always reads back).
        public var requestSize: Distribution

        public init(
            workPerDay: Double = 300 * 60, days: Double = 1, profile: ArrivalProfile = .officeHours,
            requestSize: Distribution = Description.defaultRequestSize
        ) {
            self.workPerDay = workPerDay
            self.days = days
            self.profile = profile
            self.requestSize = requestSize
        }

        /// Lognormal with mean 15 s and p95 45 s of audio: a paragraph of about 40 words read at
        /// about 150 words per minute (assumption; see docs/model.md).
        public static let defaultRequestSize: Distribution = .lognormal(mu: 2.273841854421506, sigma: 0.93188877735565)

        /// Mean requests per day.
        public var requestsPerDay: Double { workPerDay / requestSize.mean }

        /// Length of the trace in seconds.
        public var horizonSeconds: Double { days * 86_400 }

        /// An upper bound on the mean number of requests the trace holds. Business hours and
        /// bursts concentrate a day's volume, so a trace shorter than a day, or than a burst
        /// cycle, can hold more than `requestsPerDay × days`: a partial day can hold its whole
        /// business-hours window, and the burst the trace starts with runs at the burst rate.
        public var maxExpectedRequests: Double {
            switch profile {
            case .uniform: requestsPerDay * days
            case .businessHours: requestsPerDay * days.rounded(.up)
            case .bursty(_, let meanOff): requestsPerDay * (days + meanOff / 86_400)
            }
        }

        /// An upper bound on the periods of constant rate the generator goes through.
        public var maxProfilePeriods: Double {
            switch profile {
            case .uniform: 1
            case .businessHours: 3 * days.rounded(.up)
            case .bursty(let meanOn, let meanOff): 2 * horizonSeconds / (meanOn + meanOff)
            }
        }

        /// Checks the parameters, and that generating the trace ends in reasonable time: at most
        /// ``SimulationLimits/maxGeneratedRequests`` requests and ``TraceLimits/maxProfilePeriods``
        /// periods of constant rate.
        public func validate() throws(ParameterError) {
            try requestSize.validate()
            try profile.validate()
            guard workPerDay.isFinite, workPerDay >= 0 else { throw .invalidParameter("work per day must be >= 0") }
            guard days.isFinite, days > 0, days <= TraceLimits.maxGeneratedDays else {
                throw .invalidParameter("days must be > 0 and at most \(Int(TraceLimits.maxGeneratedDays)) (100 years)")
            }
            guard requestSize.mean > 0, requestSize.mean <= TraceLimits.maxWorkSize else {
                throw .invalidParameter("request size must have a mean > 0 and at most 1e9 work units")
            }
            guard maxExpectedRequests <= SimulationLimits.maxGeneratedRequests else {
                throw .invalidParameter(
                    "the workload would generate \(KEDAScaler.format(maxExpectedRequests.rounded())) requests; "
                        + "one run simulates at most \(KEDAScaler.format(SimulationLimits.maxGeneratedRequests))")
            }
            guard maxProfilePeriods <= TraceLimits.maxProfilePeriods else {
                throw .invalidParameter(
                    "the arrival profile would change rate \(KEDAScaler.format(maxProfilePeriods.rounded())) times over the trace; "
                        + "at most \(KEDAScaler.format(TraceLimits.maxProfilePeriods)) (shorten the trace, or lengthen the bursts and pauses)")
            }
        }
    }

    public let description: Description
    private var arrivals: Xoshiro256StarStar
    private var sizes: Xoshiro256StarStar
    private var now = 0.0
    private var segmentEnd = 0.0
    private var segmentRate = 0.0
    private var burstOn = false

    public init(_ description: Description, seed: UInt64, replication: Int = 0) {
        self.description = description
        arrivals = RandomStream.arrivals.generator(seed: seed, replication: replication)
        sizes = RandomStream.requestSizes.generator(seed: seed, replication: replication)
        advanceSegment()
    }

    public mutating func next() throws(TraceError) -> TraceRecord? {
        let horizon = description.horizonSeconds
        guard description.requestsPerDay > 0 else { return nil }
        // Exact sampling of a Poisson process with piecewise-constant rate: spend one unit
        // exponential "hazard budget" across segments.
        var budget = -log(1 - arrivals.nextUnitInterval())
        while budget > segmentRate * (segmentEnd - now) {
            budget -= segmentRate * (segmentEnd - now)
            now = segmentEnd
            guard now < horizon else { return nil }
            advanceSegment()
        }
        now += budget / segmentRate
        guard now < horizon else { return nil }
        let size = Swift.min(Swift.max(0, description.requestSize.sample(using: &sizes)), TraceLimits.maxWorkSize)
        return TraceRecord(arrivalSeconds: now, workSize: size)
    }

    /// Moves to the segment that starts at `now` and sets its end and rate (requests/second).
    private mutating func advanceSegment() {
        let dailyRate = description.requestsPerDay / 86_400
        switch description.profile {
        case .uniform:
            segmentEnd = description.horizonSeconds
            segmentRate = dailyRate
        case .businessHours(let startHour, let endHour, let offShare):
            let dayStart = (now / 86_400).rounded(.down) * 86_400
            let open = dayStart + startHour * 3600, close = dayStart + endHour * 3600
            let openSeconds = (endHour - startHour) * 3600
            let insideRate = openSeconds > 0 ? dailyRate * 86_400 * (1 - offShare) / openSeconds : 0
            let outsideRate = openSeconds < 86_400 ? dailyRate * 86_400 * offShare / (86_400 - openSeconds) : 0
            if now < open {
                segmentEnd = open; segmentRate = outsideRate
            } else if now < close {
                segmentEnd = close; segmentRate = insideRate
            } else {
                segmentEnd = dayStart + 86_400; segmentRate = outsideRate
            }
        case .bursty(let meanOn, let meanOff):
            burstOn.toggle()
            if meanOff == 0 { burstOn = true }
            let mean = burstOn ? meanOn : meanOff
            segmentEnd = now + -mean * log(1 - arrivals.nextUnitInterval())
            segmentRate = burstOn ? dailyRate * (meanOn + meanOff) / meanOn : 0
        }
        if segmentEnd <= now { segmentEnd = now.nextUp }
    }
}
