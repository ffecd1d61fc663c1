/// Spot (preemptible) capacity: nodes taken back at random, with notice, and scale-ups that
/// can fail for lack of capacity.
///
/// Preemptions are a Poisson process per node (exponential time to preemption from VM start).
/// GCP gives ~30 s notice (ACPI soft-off), AWS 2 min, Azure 30 s (scaling-semantics.md §6).
/// GCP's historical figure "5–15 % of VMs preempted per day" ⇒ about 0.004 per node-hour.
public struct SpotModel: Sendable, Hashable {
    /// Mean preemptions per node-hour.
    public var preemptionsPerNodeHour: Double
    /// Warning before the VM is stopped, seconds.
    public var noticeSeconds: Double
    /// Probability that one scale-up request finds no capacity (stock-out).
    public var stockoutProbability: Double

    public init(preemptionsPerNodeHour: Double = 0.1 / 24, noticeSeconds: Double = 30, stockoutProbability: Double = 0) {
        self.preemptionsPerNodeHour = preemptionsPerNodeHour
        self.noticeSeconds = noticeSeconds
        self.stockoutProbability = stockoutProbability
    }

    public func validate() throws(ParameterError) {
        guard preemptionsPerNodeHour >= 0, noticeSeconds >= 0, noticeSeconds.isFinite, preemptionsPerNodeHour <= SimulationLimits.maxPreemptionsPerNodeHour else {
            throw .invalidParameter("spot preemption rate must be within 0…\(KEDAScaler.format(SimulationLimits.maxPreemptionsPerNodeHour)) per node-hour and the notice >= 0")
        }
        guard stockoutProbability >= 0, stockoutProbability < 1 else {
            throw .invalidParameter("stock-out probability must be in [0, 1)")
        }
    }
}
