@testable import Simulator

extension ClusterAutoscaler {
    /// One loop at `now` that sees `nodes` and pods pending since `pendingPodCreationTimes`.
    mutating func loop(now: Double, nodes: [NodeView], pendingPodCreationTimes: [Double]) -> Actions {
        self.nodes = nodes
        self.pendingPodCreationTimes = pendingPodCreationTimes
        return loop(now: now)
    }
}
