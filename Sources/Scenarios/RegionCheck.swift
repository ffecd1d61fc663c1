import Simulator

/// A check of each node's region against the price catalog, run while the scenario is read, so a
/// region the catalog lacks is reported at `cloud.region` (or at the node's own `region`) with
/// file and line. Scenarios knows no prices: the caller builds the check from its catalog.
public struct RegionCheck: Sendable {
    /// What is wrong with `node`'s region, in words (e.g. the regions that do price the node), or
    /// `nil` if the catalog has the region.
    public let problem: @Sendable (NodeSpec) -> String?

    public init(_ problem: @escaping @Sendable (NodeSpec) -> String?) {
        self.problem = problem
    }
}
