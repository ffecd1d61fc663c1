/// How a VM is bought: at the list (on-demand) rate or as preemptible spot capacity.
public enum CapacityType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case onDemand = "on-demand"
    case spot

    /// The capacity a ``Simulator/NodeSpec`` asks for.
    public init(spot: Bool) {
        self = spot ? .spot : .onDemand
    }

    public var description: String { rawValue }
}
