import Calibration

/// `costsim validate` as text (side by side, then the flags) or as its JSON document.
struct ValidateView {
    var validation: SimulationValidation
    var scenario, option: String
    /// The file each recorded metric came from.
    var prometheus: [ObservedMetric: String]

    func document() -> ValidateDocument {
        ValidateDocument(validation, scenario: scenario, option: option, prometheus: prometheus)
    }

    func table() -> String {
        let cluster = validation.cluster
        let percent = Format.fixed(validation.threshold * 100, decimals: 0)
        var lines = [
            "Option \(option) of \(scenario), simulated \(RFC3339.text(cluster.periodStart)) to "
                + "\(RFC3339.text(cluster.periodEnd)); flagged above \(percent) %",
        ]
        if let bills = validation.bills {
            let money = bills.costComparable
            var table = TextTable(
                [("day (UTC)", .left), ("hours compared", .right), ("simulated node-h", .right),
                 ("billed node-h", .right), ("billed spot node-h", .right)]
                    + (money ? [("simulated cost", .right), ("billed cost", .right)] : []))
            for day in bills.days {
                table.add([day.date, hours(day.coveredHours), hours(day.simulatedNodeHours), hours(day.billedNodeHours),
                           hours(day.billedSpotNodeHours)]
                    + (money ? [day.simulatedCost.formatted, day.billedCost.formatted] : []))
            }
            table.add(["total", hours(bills.days.reduce(0) { $0 + $1.coveredHours }), hours(bills.simulatedNodeHours),
                       hours(bills.billedNodeHours), hours(bills.billedSpotNodeHours)]
                + (money ? [bills.simulatedCost.formatted, bills.billedCost.formatted] : []))
            let pools = bills.pools.keys.sorted().map { "\($0) \(hours(bills.pools[$0]!))" }.joined(separator: ", ")
            lines += [
                "",
                "GPU node-hours and cost per day: \(bills.provider.rawValue) bill "
                    + "(\(bills.files.joined(separator: ", ")))",
                table.render(),
                "Billed GPU SKUs: \(bills.skus.joined(separator: ", ")); node-hours by pool: \(pools)"
                    + (cluster.gpusPerNode > 1 ? " (GPU-hours / \(cluster.gpusPerNode) GPUs per node)" : ""),
                "Cost: " + (money
                    ? "the GPU \(bills.costScope.rawValue) (simulated VM runs apportioned to the compared hours)"
                    : "not compared: the bill is in \(bills.currency ?? "-"), costsim prices in USD"),
            ]
            if bills.linesLeftOut > 0 {
                lines.append("\(bills.linesLeftOut) GPU lines left out: they cover time outside the simulated period")
            }
        }
        if !validation.timelines.isEmpty {
            var table = TextTable([
                ("timeline", .left), ("step s", .right), ("equal", .right), ("mean sim", .right), ("mean obs", .right),
                ("added sim", .right), ("added obs", .right), ("from 0 sim", .right), ("from 0 obs", .right),
                ("lag of rises", .right),
            ])
            for agreement in validation.timelines {
                table.add([
                    agreement.metric.rawValue, Format.fixed(agreement.stepSeconds, decimals: 0),
                    Format.percent(agreement.agreement), Format.fixed(agreement.simulatedMean, decimals: 2),
                    Format.fixed(agreement.observedMean, decimals: 2),
                    Format.fixed(agreement.simulatedAdded, decimals: 0),
                    Format.fixed(agreement.observedAdded, decimals: 0),
                    "\(agreement.simulatedFromZero)", "\(agreement.observedFromZero)",
                    agreement.medianLagSeconds.map { "\(Format.fixed($0, decimals: 0)) s (\(agreement.matchedRises))" }
                        ?? "-",
                ])
            }
            lines += [
                "",
                "Timelines (Prometheus): share of points with equal counts; added = nodes or replicas added "
                    + "(scale-ups); from 0 = rises from zero (cold starts);",
                "lag = median of recorded - simulated rise; simulated nodes count from VM creation + "
                    + "\(Format.fixed(cluster.registrationSeconds, decimals: 0)) s (mean vmBoot: kubelet registration)",
                table.render(),
            ]
        }
        lines.append("")
        if validation.flags.isEmpty {
            lines.append("No difference above \(percent) %.")
        } else {
            lines.append("Flagged:")
            for flag in validation.flags {
                lines.append("- \(flag.subject): simulated \(flag.simulated), observed \(flag.observed). \(flag.cause)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func hours(_ value: Double) -> String { Format.fixed(value, decimals: 2) }
}
