import Simulator

/// Configurations of a sweep whose simulations are identical, so that one simulation per
/// replication serves them all.
///
/// The simulator carries a node's provider, region, machine type and GPU model only as names for
/// the cost model (``NodeSpec``); it reads the GPU count and the spot flag. Configurations that
/// differ only in those names — a `provider/region`, `node.machineType` or `gpu` axis, a serverless
/// `region`, `instanceType` or `zonalRedundancy` axis on one GPU — replay the same events, and
/// each is priced from the shared result relabelled with its own nodes. Only the factor of the
/// option's GPU speed is read, not which GPU or table it came from.
/// A grid of 3 regions × 100 settings simulates 100 configurations, not 300.
struct SimulationGroups {
    /// The groups in order of their first configuration; each lists its configurations, the
    /// simulated one (the leader) first.
    let groups: [[Int]]

    /// Groups `configurations` (index, scenario with the configuration applied, swept option).
    init(_ configurations: [(index: Int, scenario: Scenario, option: DeploymentOption)]) {
        var groupByKey: [Key: Int] = [:]
        var groups: [[Int]] = []
        for configuration in configurations {
            let key = Key(scenario: configuration.scenario, option: configuration.option)
            if let group = groupByKey[key] {
                groups[group].append(configuration.index)
            } else {
                groupByKey[key] = groups.count
                groups.append([configuration.index])
            }
        }
        self.groups = groups
    }

    /// `result`, simulated for `leader`, as the result of `option`: the same events, with the
    /// option and each node's names replaced by `option`'s. Both options must be in one group.
    static func relabel(
        _ result: SimulationResult, from leader: DeploymentOption, to option: DeploymentOption
    ) -> SimulationResult {
        var names: [NodeSpec: NodeSpec] = [:]
        for (simulated, wanted) in zip(nodes(of: leader), nodes(of: option)) { names[simulated] = wanted }
        var relabelled = result
        relabelled.option = option
        for index in relabelled.nodeRuns.indices {
            relabelled.nodeRuns[index].machine =
                names[relabelled.nodeRuns[index].machine] ?? relabelled.nodeRuns[index].machine
        }
        for index in relabelled.nodeRunsToEnd.indices {
            relabelled.nodeRunsToEnd[index].machine =
                names[relabelled.nodeRunsToEnd[index].machine] ?? relabelled.nodeRunsToEnd[index].machine
        }
        return relabelled
    }

    /// The node shapes an option runs, in a fixed order: always-on groups, then its GPU nodes.
    private static func nodes(of option: DeploymentOption) -> [NodeSpec] {
        var nodes = option.alwaysOnNodes.map(\.node)
        switch option.kind {
        case .dedicated(let dedicated): nodes.append(dedicated.node)
        case .autoscaled(let deployment): nodes.append(deployment.node)
        case .serverless(let serverless): nodes.append(serverless.instance)
        }
        return nodes
    }

    /// What a simulation reads: the scenario (its list of options aside: a run reads only the
    /// option it is given), the option with its nodes' names removed, and which of its nodes
    /// share a shape — so that relabelling maps each simulated shape to exactly one wanted one.
    private struct Key: Hashable {
        var scenario: Scenario
        var option: DeploymentOption
        var sameShapeAs: [Int]

        init(scenario: Scenario, option: DeploymentOption) {
            var scenario = scenario
            scenario.options = []
            scenario.inference.gpuSpeeds = GPUSpeedTable()   // read through the option's speed only
            scenario.inference.model = nil
            let nodes = SimulationGroups.nodes(of: option)
            sameShapeAs = nodes.map { node in nodes.firstIndex(of: node)! }
            var option = option
            option.gpuSpeed = GPUSpeed(factor: option.gpuSpeed.factor)
            for index in option.alwaysOnNodes.indices {
                option.alwaysOnNodes[index].node = Self.unnamed(option.alwaysOnNodes[index].node)
            }
            switch option.kind {
            case .dedicated(var dedicated):
                dedicated.node = Self.unnamed(dedicated.node)
                option.kind = .dedicated(dedicated)
            case .autoscaled(var deployment):
                deployment.node = Self.unnamed(deployment.node)
                option.kind = .autoscaled(deployment)
            case .serverless(var serverless):
                // The instance's price row is the cost model's; its GPU stays.
                serverless.region = ""
                serverless.instanceType = nil
                serverless.zonalRedundancy = nil
                option.kind = .serverless(serverless)
            }
            self.scenario = scenario
            self.option = option
        }

        /// The shape without the names only the cost model reads.
        static func unnamed(_ node: NodeSpec) -> NodeSpec {
            NodeSpec(provider: "", region: "", machineType: "", gpuModel: nil, gpuCount: node.gpuCount, spot: node.spot)
        }
    }
}
