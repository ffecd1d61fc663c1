/// The shape of request arrivals over a day, on top of a daily volume.
///
/// Every profile is a Poisson process whose rate is piecewise constant, so the generator can
/// draw it exactly (no thinning) and the daily volume is the same for every profile.
public enum ArrivalProfile: Sendable, Hashable {
    /// A homogeneous Poisson process: the same rate all day.
    case uniform
    /// Most traffic inside working hours. `offHoursShare` of each day's volume arrives outside
    /// `[startHour, endHour)` (hours of the day since the start of the trace).
    case businessHours(startHour: Double, endHour: Double, offHoursShare: Double)
    /// On/off bursts: exponentially distributed on and off periods; all requests arrive while on.
    /// The trace starts with a burst. Means are within ``TraceLimits/minBurstSeconds`` (1 s) and
    /// ``TraceLimits/maxBurstSeconds`` (a year); a mean pause of 0 means always on.
    case bursty(meanOnSeconds: Double, meanOffSeconds: Double)

    /// Business hours 09:00–17:00 with 10 % of traffic outside them (costsim's default; an
    /// assumption for an internal text-to-speech API, see docs/model.md).
    public static let officeHours = ArrivalProfile.businessHours(startHour: 9, endHour: 17, offHoursShare: 0.1)

    /// Checks the parameters.
    public func validate() throws(ParameterError) {
        switch self {
        case .uniform:
            return
        case .businessHours(let start, let end, let share):
            guard start >= 0, end <= 24, start < end else {
                throw .invalidParameter("business hours need 0 <= startHour < endHour <= 24")
            }
            guard share >= 0, share <= 1, !(share > 0 && end - start == 24), !(share < 1 && end - start == 0) else {
                throw .invalidParameter("offHoursShare must be in [0, 1] and fit the hours")
            }
        case .bursty(let on, let off):
            let range = TraceLimits.minBurstSeconds...TraceLimits.maxBurstSeconds
            guard range.contains(on) else {
                throw .invalidParameter("bursty: the mean burst (meanOn) must be within 1 s and 365 days, not \(on) s")
            }
            guard off == 0 || range.contains(off) else {
                throw .invalidParameter("bursty: the mean pause (meanOff) must be 0 or within 1 s and 365 days, not \(off) s")
            }
        }
    }
}
