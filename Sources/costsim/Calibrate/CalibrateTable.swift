import Calibration

/// `costsim calibrate` as text: the scale-ups, then the fitted phases.
enum CalibrateTable {
    static func render(_ calibration: ColdStartCalibration) -> String {
        let phases = ColdStartPhase.allCases
        var scaleUps = TextTable(
            [("pod", .left), ("node", .left), ("pool", .left), ("pod created (UTC)", .left)]
                + phases.map { ($0.rawValue, .right) } + [("total", .right), ("missing", .left)])
        for timeline in calibration.timelines {
            let missing = timeline.missing.map(\.rawValue) + timeline.skewed.map { "\($0.rawValue) < 0 (skew)" }
            scaleUps.add(
                [timeline.namespace + "/" + timeline.pod, timeline.node ?? "-", timeline.pool ?? "-",
                 timeline.times[.podCreated].map(RFC3339.text) ?? "-"]
                    + phases.map { phase in
                        if phase == .imagePull, timeline.imageCached { return "cached" }
                        return timeline.phases[phase].map(seconds) ?? "-"
                    }
                    + [timeline.totalSeconds.map(seconds) ?? "-", missing.joined(separator: ", ")])
        }
        var fits = TextTable([
            ("phase", .left), ("measured as", .left), ("n", .right), ("mu", .right), ("sigma", .right),
            ("95% CI of mu", .right), ("median s", .right), ("mean s", .right),
        ])
        for phase in phases {
            let count = calibration.samples[phase]?.count ?? 0
            guard let fit = calibration.fits[phase] else {
                fits.add([phase.rawValue, phase.interval, "\(count)", "-", "-", "too few: default", "-", "-"])
                continue
            }
            fits.add([
                phase.rawValue, phase.interval, "\(fit.count)", Format.fixed(fit.mu, decimals: 3),
                Format.fixed(fit.sigma, decimals: 3),
                Format.fixed(fit.muLower, decimals: 3) + " to " + Format.fixed(fit.muUpper, decimals: 3),
                seconds(fit.median), seconds(fit.mean),
            ])
        }
        let pool = calibration.nodePool.map { " in node pool \($0)" } ?? ""
        return ["\(calibration.timelines.count) GPU node scale-ups\(pool) (seconds; - = not recorded)",
                scaleUps.render(), "",
                "Fitted phases (lognormal by maximum likelihood: mu, sigma of ln seconds; sigma with divisor n)",
                fits.render()].joined(separator: "\n") + "\n"
    }

    static func seconds(_ value: Double) -> String { Format.fixed(value, decimals: 1) }

}
