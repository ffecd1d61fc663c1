import Simulator

/// The part of a ``Simulator/SimulationResult`` that costs money: which VMs ran for how long,
/// whether the option runs in a managed cluster, and the horizon to project from.
/// Build one from a result, or by hand from ``Simulator/NodeRun`` values for what-if studies.
public struct BilledUsage: Sendable, Hashable {
    /// Deployment option name (e.g. `dedicated`, `keda-spot`).
    public var optionName: String
    /// The option runs in a managed Kubernetes cluster and pays its management fee.
    public var managedCluster: Bool
    /// Observation period the usage covers, seconds; monthly projections scale from it, and the
    /// cluster fee is charged for it.
    public var horizonSeconds: Double
    /// Every billed VM lifetime, GPU and system nodes alike.
    public var nodeRuns: [NodeRun]

    public init(optionName: String, managedCluster: Bool, horizonSeconds: Double, nodeRuns: [NodeRun]) {
        self.optionName = optionName
        self.managedCluster = managedCluster
        self.horizonSeconds = horizonSeconds
        self.nodeRuns = nodeRuns
    }

    /// The usage recorded in a simulation result.
    public init(_ result: SimulationResult) {
        self.init(optionName: result.option.name, managedCluster: result.option.managedCluster,
                  horizonSeconds: result.horizonSeconds, nodeRuns: result.nodeRuns)
    }
}
