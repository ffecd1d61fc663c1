/// Money by component for one option over one period (the simulated horizon, or a projected
/// month). Invariants: `total == systemNodes + gpuNodes + clusterFee - clusterFeeCredit`,
/// `gpuByState.total == gpuNodes`, and `onDemand + spot == systemNodes + gpuNodes`.
public struct CostBreakdown: Sendable, Hashable {
    /// CPU-only nodes (e.g. the 2 × e2-medium default pool hosting RabbitMQ, KEDA and the API).
    public var systemNodes: Money
    /// Nodes with GPUs, machine and GPU charges together.
    public var gpuNodes: Money
    /// ``gpuNodes`` split by the state the nodes were in (minimum-charge top-ups are split in
    /// proportion to the run's states).
    public var gpuByState: StateCosts
    /// Cluster management fee before credits.
    public var clusterFee: Money
    /// Free-tier credit subtracted from the fee (non-negative, at most ``clusterFee``).
    public var clusterFeeCredit: Money
    /// Node charges at on-demand rates.
    public var onDemand: Money
    /// Node charges at spot rates.
    public var spot: Money

    public init(systemNodes: Money = .zero, gpuNodes: Money = .zero, gpuByState: StateCosts = StateCosts(),
        clusterFee: Money = .zero, clusterFeeCredit: Money = .zero, onDemand: Money = .zero, spot: Money = .zero
    ) {
        self.systemNodes = systemNodes
        self.gpuNodes = gpuNodes
        self.gpuByState = gpuByState
        self.clusterFee = clusterFee
        self.clusterFeeCredit = clusterFeeCredit
        self.onDemand = onDemand
        self.spot = spot
    }

    /// Everything together.
    public var total: Money { systemNodes + gpuNodes + clusterFee - clusterFeeCredit }

    /// The fee after credits.
    public var netClusterFee: Money { clusterFee - clusterFeeCredit }
}
