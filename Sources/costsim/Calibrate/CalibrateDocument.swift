import Calibration

/// `costsim calibrate` in JSON and CSV (docs/json.md): the scale-ups with their phases in seconds,
/// and each phase's fit.
struct CalibrateDocument: Encodable {
    struct ScaleUp: Encodable {
        var namespace, pod: String
        var node, nodePool: String?
        /// Each instant as RFC 3339 UTC text (absent when not recorded).
        var times: [String: String]
        /// Seconds per phase (absent when not measured).
        var phaseSeconds: [String: Double]
        var totalSeconds: Double?
        var imageCached: Bool
        var missing: [String]
        /// Phases left out because their end precedes their start (clock skew).
        var skewed: [String]
    }

    struct Phase: Encodable {
        var phase, interval: String
        var samples: Int
        /// Absent when fewer than 2 samples are above 0 s.
        var fit: Fit?
    }

    /// mu (mean of ln seconds) with its 95 % interval; sigma with divisor n.
    struct Fit: Encodable {
        var samples, zeros: Int
        var mu: SummaryJSON.NumberInterval
        var sigma, medianSeconds, meanSeconds: Double
    }

    var schemaVersion = JSONOutput.schemaVersion
    var files: [String]
    var nodePool: String?
    var scaleUps: [ScaleUp]
    var phases: [Phase]

    init(_ calibration: ColdStartCalibration) {
        files = calibration.files
        nodePool = calibration.nodePool
        scaleUps = calibration.timelines.map { timeline in
            ScaleUp(
                namespace: timeline.namespace, pod: timeline.pod, node: timeline.node, nodePool: timeline.pool,
                times: Dictionary(
                    uniqueKeysWithValues: timeline.times.map { (Self.key($0.key), RFC3339.text($0.value)) })
                    .merging(timeline.gpuAllocatable.map { ["gpuAllocatable": RFC3339.text($0)] } ?? [:]) { $1 },
                phaseSeconds: Dictionary(uniqueKeysWithValues: timeline.phases.map { ($0.key.rawValue, $0.value) }),
                totalSeconds: timeline.totalSeconds, imageCached: timeline.imageCached,
                missing: timeline.missing.map(Self.key), skewed: timeline.skewed.map(\.rawValue))
        }
        phases = ColdStartPhase.allCases.map { phase in
            Phase(
                phase: phase.rawValue, interval: phase.interval, samples: calibration.samples[phase]?.count ?? 0,
                fit: calibration.fits[phase].map {
                    Fit(samples: $0.count, zeros: $0.zeros, mu: SummaryJSON.NumberInterval($0.interval),
                        sigma: $0.sigma, medianSeconds: $0.median, meanSeconds: $0.mean)
                })
        }
    }

    /// The instant's JSON key: `podCreated`, `nodeReady`, ….
    static func key(_ instant: ScaleUpTimeline.Instant) -> String { "\(instant)" }

    /// One row per scale-up: pod, node, pool, each phase's seconds, total, cached, missing instants.
    func csv() -> String {
        let phaseNames = ColdStartPhase.allCases.map(\.rawValue)
        let header = ["namespace", "pod", "node", "nodePool"] + phaseNames.map { $0 + "Seconds" }
            + ["totalSeconds", "imageCached", "missing"]
        let rows = scaleUps.map { scaleUp in
            [scaleUp.namespace, scaleUp.pod, scaleUp.node ?? "", scaleUp.nodePool ?? ""].map(CSVText.field)
                + phaseNames.map { scaleUp.phaseSeconds[$0].map(CSVText.number) ?? "" }
                + [scaleUp.totalSeconds.map(CSVText.number) ?? "", scaleUp.imageCached ? "1" : "0",
                   CSVText.field(scaleUp.missing.joined(separator: ";"))]
        }
        return CSVText.document(header: header, rows: rows)
    }
}
