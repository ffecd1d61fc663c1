/// One entry of a NodePool's `spec.disruption.budgets`: how many of the pool's nodes Karpenter
/// may be disrupting at once (kubernetes-sigs/karpenter v1.14.1 `pkg/apis/v1/nodepool.go`
/// `Budget`, `GetAllowedDisruptions`). Without budgets a pool has one: `nodes: "10%"`.
/// Budgets do not apply to expiration or spot interruption, which delete nodes directly.
///
/// Scheduled budgets (`schedule` + `duration`) are not modelled: the readers drop them with a
/// warning, so every budget costsim holds is always active.
public struct DisruptionBudget: Sendable, Hashable {
    /// The CRD's `nodes`: a count or a percentage (`^((100|[0-9]{1,2})%|[0-9]+)$`).
    public enum Nodes: Sendable, Hashable, CustomStringConvertible {
        case count(Int)
        case percent(Int)

        public var description: String {
            switch self {
            case .count(let count): String(count)
            case .percent(let percent): "\(percent)%"
            }
        }
    }

    /// The disruption methods a budget can be limited to (`reasons`; absent: all of them).
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case empty = "Empty", underutilized = "Underutilized", drifted = "Drifted"
    }

    public var nodes: Nodes
    /// `nil`: the budget applies to every reason.
    public var reasons: Set<Reason>?

    public init(nodes: Nodes, reasons: Set<Reason>? = nil) {
        self.nodes = nodes
        self.reasons = reasons
    }

    /// Karpenter's default budget.
    public static let tenPercent = DisruptionBudget(nodes: .percent(10))

    /// Nodes this budget lets be disrupting in a pool of `initializedNodes`: a count as given,
    /// a percentage rounded **up** (`intstr.GetScaledValueFromIntOrPercent(…, roundUp: true)`), so
    /// 10 % of 1 node is 1 and 10 % of 20 nodes is 2.
    public func allowed(initializedNodes: Int) -> Int {
        switch nodes {
        case .count(let count): return count
        case .percent(let percent): return (percent * max(0, initializedNodes) + 99) / 100
        }
    }

    public func applies(to reason: Reason) -> Bool { reasons?.contains(reason) ?? true }

    /// Why the budget breaks the CRD's bounds, or nil.
    public var problem: String? {
        switch nodes {
        case .count(let count) where count < 0 || count > SimulationLimits.maxNodes:
            return "nodes must be within 0 … \(SimulationLimits.maxNodes), got \(count)"
        case .percent(let percent) where !(0...100).contains(percent):
            return "nodes must be a percentage within 0% … 100%, got \(percent)%"
        default: return reasons?.isEmpty == true ? "reasons must name at least one reason when given" : nil
        }
    }
}
