import Simulator

/// The charge for one ``Simulator/NodeRun`` (one billed VM lifetime).
public struct NodeRunCharge: Sendable, Hashable {
    public var nodeID: Int
    public var pool: String
    public var machine: NodeSpec
    /// `true` if the node carries GPUs (bundled or attached).
    public var isGPUNode: Bool
    public var capacity: CapacityType
    /// Seconds the VM existed (`endSeconds - startSeconds`).
    public var usedSeconds: Double
    /// Seconds billed for the machine after the increment and minimum rules.
    public var billedSeconds: Int64
    /// Machine-row charge.
    public var machineCost: Money
    /// Attached-GPU charge (0 for bundled GPUs, which are in ``machineCost``).
    public var gpuCost: Money
    /// ``total`` split by node state, in proportion to the recorded state durations.
    public var byState: StateCosts

    /// Machine + GPUs.
    public var total: Money { machineCost + gpuCost }
}
