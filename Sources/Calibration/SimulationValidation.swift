/// A simulated run checked against what the cluster recorded over the same period: the bills per
/// day, each recorded timeline's agreement, scale-ups and cold starts, and the discrepancies above
/// a threshold with their likely causes (docs/calibration.md, "Validating a simulation").
public struct SimulationValidation: Sendable {
    public var cluster: SimulatedCluster
    public var bills: BillComparison?
    public var timelines: [TimelineAgreement]
    /// Relative difference (or share of disagreement) above which a comparison is flagged.
    public var threshold: Double
    public var flags: [ValidationFlag] = []

    public init(
        cluster: SimulatedCluster, recorded: [ObservedMetric: StepSeries], bills: [BillExport], threshold: Double
    ) throws(CalibrationError) {
        self.cluster = cluster
        self.threshold = threshold
        self.bills = bills.isEmpty ? nil : try BillComparison(bills: bills, cluster: cluster)
        timelines = ObservedMetric.allCases.compactMap { metric in
            guard let series = recorded[metric], let simulated = cluster.steps[metric] else { return nil }
            return TimelineAgreement(
                metric, observed: series, simulated: simulated, period: (cluster.periodStart, cluster.periodEnd))
        }
        flags = findFlags()
    }

    public func timeline(_ metric: ObservedMetric) -> TimelineAgreement? { timelines.first { $0.metric == metric } }

    /// (observed − simulated) / simulated; infinite when only the observed is above 0.
    public static func relative(observed: Double, simulated: Double) -> Double {
        if simulated == 0 { return observed == 0 ? 0 : .infinity }
        return (observed - simulated) / simulated
    }

    private func beyond(_ observed: Double, _ simulated: Double) -> Bool {
        abs(Self.relative(observed: observed, simulated: simulated)) > threshold
    }

    static func number(_ value: Double, decimals: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }

    /// Why nodes are up longer or shorter than simulated, from the node timeline when there is one.
    private func nodeCause(observedMore: Bool) -> String {
        let settings = "the cluster autoscaler's scale-down settings (scale-down-unneeded-time, "
            + "scale-down-delay-after-add) and KEDA's cooldownPeriod against the scenario's"
        if let nodes = timeline(.nodes), nodes.observedAdded > 0, nodes.simulatedAdded > 0 {
            let lifetime = (nodes.observedHours / nodes.observedAdded) / (nodes.simulatedHours / nodes.simulatedAdded)
            if observedMore, lifetime > 1 + threshold {
                return "observed nodes stay \(Self.number(lifetime))× longer than simulated: check \(settings)"
            }
            if !observedMore, lifetime < 1 - threshold {
                return "observed nodes stay \(Self.number(1 / lifetime))× shorter than simulated: check \(settings)"
            }
            if beyond(nodes.observedAdded, nodes.simulatedAdded) {
                return "the cluster added \(Self.number(nodes.observedAdded, decimals: 0)) nodes, the simulation "
                    + "\(Self.number(nodes.simulatedAdded, decimals: 0)): check KEDA's cooldownPeriod and "
                    + "pollingInterval, and that the trace holds every request"
            }
        }
        return observedMore
            ? "longer idle tails (KEDA cooldownPeriod, scale-down-unneeded-time), slower cold starts (costsim "
                + "calibrate), or GPU nodes of other workloads in the recordings (export one node pool)"
            : "shorter idle tails than the scenario's (KEDA cooldownPeriod, scale-down-unneeded-time), or faster "
                + "cold starts (costsim calibrate)"
    }

    private func findFlags() -> [ValidationFlag] {
        var flags: [ValidationFlag] = []
        if let bills {
            let observed = bills.billedNodeHours, simulated = bills.simulatedNodeHours
            if beyond(observed, simulated) {
                flags.append(ValidationFlag(
                    subject: "GPU node-hours (bill)", simulated: Self.number(simulated, decimals: 2),
                    observed: Self.number(observed, decimals: 2), cause: nodeCause(observedMore: observed > simulated)))
            }
            if bills.costComparable {
                let billed = Double(bills.billedCost.nanoDollars), priced = Double(bills.simulatedCost.nanoDollars)
                if beyond(billed, priced) {
                    let cause = beyond(observed, simulated)
                        ? "follows the node-hours difference"
                        : "the node-hours agree, the prices do not: check --price-snapshot or --price-date, spot "
                            + "against on-demand, and committed-use, reserved or Savings Plans discounts in the bill"
                    flags.append(ValidationFlag(
                        subject: "billed cost (\(bills.costScope.rawValue))", simulated: bills.simulatedCost.formatted,
                        observed: bills.billedCost.formatted, cause: cause))
                }
            }
            if observed > 0 {
                let spotShare = bills.billedSpotNodeHours / observed
                if cluster.spot ? spotShare < 0.5 : spotShare > 0.5 {
                    flags.append(ValidationFlag(
                        subject: "spot share (bill)", simulated: cluster.spot ? "spot" : "on-demand",
                        observed: "\(Self.number(spotShare * 100, decimals: 0)) % spot",
                        cause: "the bill's GPU hours are mostly \(cluster.spot ? "on-demand" : "spot"), the scenario's "
                            + "GPU node is \(cluster.spot ? "spot" : "on-demand"): "
                            + "set spot: \(!cluster.spot) in its node"))
                }
            }
        }
        for agreement in timelines {
            let observedMore = agreement.observedMean > agreement.simulatedMean
            if agreement.agreement < 1 - threshold {
                let cause: String = switch agreement.metric {
                case .nodes: nodeCause(observedMore: observedMore)
                case .replicas:
                    observedMore
                        ? "replicas stay up longer than simulated: check KEDA's cooldownPeriod and the HPA's "
                            + "scale-down stabilization window against the scenario's"
                        : "replicas go down sooner or up later than simulated: check KEDA's cooldownPeriod, "
                            + "pollingInterval and activation threshold"
                case .ready:
                    "pods become ready \(observedMore ? "sooner or stay longer" : "later") than simulated: "
                        + "calibrate the cold start (costsim calibrate)"
                case .queue:
                    "the queue differs: check that the trace holds every request and the service times"
                }
                flags.append(ValidationFlag(
                    subject: "\(agreement.metric.rawValue) timeline",
                    simulated: "mean \(Self.number(agreement.simulatedMean, decimals: 2))",
                    observed: "mean \(Self.number(agreement.observedMean, decimals: 2)), equal "
                        + "\(Self.number(agreement.agreement * 100, decimals: 0)) % of the time",
                    cause: cause))
            }
            if agreement.metric == .nodes, beyond(agreement.observedAdded, agreement.simulatedAdded) {
                flags.append(ValidationFlag(
                    subject: "scale-ups (nodes added)", simulated: Self.number(agreement.simulatedAdded, decimals: 0),
                    observed: Self.number(agreement.observedAdded, decimals: 0),
                    cause: agreement.observedAdded > agreement.simulatedAdded
                        ? "the cluster removes nodes sooner and adds them again: check scale-down-unneeded-time and "
                            + "KEDA's cooldownPeriod (shorter than the scenario's)"
                        : "nodes stay through gaps the simulation scales down in: check scale-down-unneeded-time "
                            + "and KEDA's cooldownPeriod (longer than the scenario's)"))
            }
            if agreement.metric == .replicas,
                beyond(Double(agreement.observedFromZero), Double(agreement.simulatedFromZero)) {
                flags.append(ValidationFlag(
                    subject: "cold starts (replicas from 0)", simulated: "\(agreement.simulatedFromZero)",
                    observed: "\(agreement.observedFromZero)",
                    cause: agreement.observedFromZero > agreement.simulatedFromZero
                        ? "the deployment goes to zero more often: KEDA's cooldownPeriod is shorter than the scenario's"
                        : "the deployment stays up through gaps: KEDA's cooldownPeriod is longer than the scenario's, "
                            + "or minReplicaCount is above 0"))
            }
            let coldStarts = cluster.nodes.compactMap(\.coldStartSeconds)
            if agreement.metric == .nodes, let lag = agreement.medianLagSeconds, !coldStarts.isEmpty {
                let mean = coldStarts.reduce(0, +) / Double(coldStarts.count)
                if lag > agreement.stepSeconds + threshold * mean {
                    flags.append(ValidationFlag(
                        subject: "scale-up lag (nodes)", simulated: "0 s",
                        observed: "median \(Self.number(lag, decimals: 0)) s later",
                        cause: "nodes appear later than simulated VM creation: node provisioning before kubelet "
                            + "registration, the cluster autoscaler's scan interval or KEDA's pollingInterval "
                            + "(costsim calibrate measures vmBoot)"))
                }
            }
        }
        return flags
    }
}
