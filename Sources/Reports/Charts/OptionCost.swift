import CostModel

/// Monthly cost of one deployment option split into components, in US dollars (display only).
public struct OptionCost: Sendable, Hashable {
    public var optionName: String
    public var components: [CostComponent]

    public init(optionName: String, components: [CostComponent]) {
        self.optionName = optionName
        self.components = components
    }

    /// Sum of the components (negative components count as zero), dollars per month.
    public var totalDollars: Double { components.reduce(0) { $0 + Swift.max(0, $1.dollars) } }

    /// The projected month of a cost report: system nodes, the net cluster fee, and GPU nodes by
    /// state (cold start, serving, idle, cooldown tail, scale-down tail).
    public init(report: CostReport) {
        let month = report.perMonth
        self.init(
            optionName: report.optionName,
            components: [
                CostComponent(kind: .systemNodes, dollars: month.systemNodes.approximateDollars),
                CostComponent(kind: .clusterFee, dollars: month.netClusterFee.approximateDollars),
                CostComponent(kind: .gpuServing, dollars: month.gpuByState[.serving].approximateDollars),
                CostComponent(kind: .gpuIdle, dollars: month.gpuByState[.idle].approximateDollars),
                CostComponent(kind: .gpuColdStart, dollars: month.gpuByState[.coldStart].approximateDollars),
                CostComponent(kind: .gpuCooldownTail, dollars: month.gpuByState[.cooldownTail].approximateDollars),
                CostComponent(kind: .gpuScaleDownTail, dollars: month.gpuByState[.scaleDownTail].approximateDollars),
            ])
    }
}
