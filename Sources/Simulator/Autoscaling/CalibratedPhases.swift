/// Which cold-start phases of a ``ColdStartModel`` were measured on a cluster (`costsim
/// calibrate`'s fragment, scenario key `coldStart.calibrated`) and from how many scale-ups each,
/// so a report can tell measured parameters from defaults. It changes no simulated value.
public struct CalibratedPhases: Sendable, Hashable {
    /// The largest sample size a scenario may state for one phase.
    public static let maxSamples = 10_000_000

    /// Sample size per phase, keyed by the scenario's `coldStart` key (`vmBoot`, `modelLoad`, …).
    public var samples: [String: Int]
    /// Where the measurements come from, as the fragment states it (the scale-ups, node pool and period).
    public var source: String

    public init(samples: [String: Int], source: String) {
        self.samples = samples
        self.source = source
    }
}
