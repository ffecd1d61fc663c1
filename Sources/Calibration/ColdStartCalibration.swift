/// The cold-start phases of a cluster's scale-ups, fitted: what `costsim calibrate` prints and the
/// scenario `coldStart:` fragment it writes.
public struct ColdStartCalibration: Sendable {
    public var files: [String]
    public var nodePool: String?
    public var timelines: [ScaleUpTimeline]
    /// Each phase's samples (seconds ≥ 0, in timeline order).
    public var samples: [ColdStartPhase: [Double]]
    /// The phases with at least ``PhaseFit/minimumSamples`` samples above 0 s.
    public var fits: [ColdStartPhase: PhaseFit]

    public init(_ export: ClusterExport, nodePool: String? = nil) {
        files = export.files
        self.nodePool = nodePool
        timelines = ScaleUpReconstruction.timelines(export, nodePool: nodePool)
        var samples: [ColdStartPhase: [Double]] = [:]
        for phase in ColdStartPhase.allCases { samples[phase] = timelines.compactMap { $0.phases[phase] } }
        self.samples = samples
        fits = samples.reduce(into: [:]) { fits, entry in fits[entry.key] = PhaseFit(entry.key, samples: entry.value) }
    }

    /// The first and last instant of the scale-ups (Unix seconds); `nil` without any.
    public var period: (start: Double, end: Double)? {
        let instants = timelines.flatMap(\.times.values)
        guard let start = instants.min(), let end = instants.max() else { return nil }
        return (start, end)
    }

    /// A scenario `coldStart:` block (docs/scenario-format.md) with the fitted phases, and as comments
    /// where they come from; phases with too few samples are left out (the scenario keeps its value).
    public func fragment() -> String {
        var lines = [
            "# Cold-start phases fitted by costsim calibrate (docs/calibration.md): lognormal by maximum likelihood.",
            "# Exports: " + files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
                .joined(separator: ", "),
            "# Scale-ups: \(timelines.count)" + (nodePool.map { " of node pool \($0)" } ?? "")
                + (period.map { ", \(RFC3339.text($0.start)) to \(RFC3339.text($0.end))" } ?? ""),
        ]
        for phase in ColdStartPhase.allCases {
            let count = samples[phase]?.count ?? 0
            if let fit = fits[phase] {
                lines.append("# \(phase.rawValue): \(phase.interval); n = \(fit.count)"
                    + (fit.zeros > 0 ? " (\(fit.zeros) of 0 s left out)" : "")
                    + ", 95 % CI of mu \(Self.number(fit.muLower))...\(Self.number(fit.muUpper))"
                    + ", median \(Self.number(fit.median)) s, mean \(Self.number(fit.mean)) s")
            } else {
                lines.append(
                    "# \(phase.rawValue): \(phase.interval); too few samples (\(count)): left at the scenario's value")
            }
        }
        lines.append("coldStart:")
        var body: [String] = []
        for phase in ColdStartPhase.allCases {
            guard let fit = fits[phase] else { continue }
            let lognormal = "{lognormal: {mu: \(Self.number(fit.mu)), sigma: \(Self.number(fit.sigma))}}"
            body.append("  \(phase.rawValue): " + lognormal)
            if let folded = phase.foldedKey { body.append("  \(folded): 0s   # measured within \(phase.rawValue)") }
        }
        if body.isEmpty {
            lines[lines.count - 1] += " {}"
        } else {
            body.append("  calibrated: " + calibratedNote)
        }
        return (lines + body).joined(separator: "\n") + "\n"
    }

    /// The fragment's `calibrated:` value: what was measured and from how many scale-ups, for the
    /// report's assumptions page.
    var calibratedNote: String {
        let scaleUps = "\(timelines.count) scale-up\(timelines.count == 1 ? "" : "s")"
            + (nodePool.map { " of node pool \($0)" } ?? "")
            + (period.map { ", \(RFC3339.text($0.start)) to \(RFC3339.text($0.end))" } ?? "")
        let quoted = scaleUps.reduce(into: "") { text, character in  // a YAML double-quoted scalar
            if character == "\\" || character == "\"" { text.append("\\") }
            text.append(character)
        }
        // A key set to 0 s because another phase's measurement contains it is calibrated too.
        let samples = ColdStartPhase.allCases.flatMap { phase -> [String] in
            guard let fit = fits[phase] else { return [] }
            return ([phase.rawValue] + (phase.foldedKey.map { [$0] } ?? [])).map { "\($0): \(fit.count)" }
        }
        return "{source: \"costsim calibrate, \(quoted)\", samples: {\(samples.joined(separator: ", "))}}"
    }

    /// `value` rounded to 4 decimals, as Swift prints it (deterministic).
    static func number(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
