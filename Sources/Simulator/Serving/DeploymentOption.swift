/// One way of serving the workload, to be simulated and priced side by side with the others.
public struct DeploymentOption: Sendable, Hashable {
    /// Name shown in tables and reports (e.g. `dedicated`).
    public var name: String
    /// How GPU capacity is provided.
    public var kind: Kind
    /// Nodes that run for the whole simulation whatever the load (e.g. the cluster's
    /// default node pool of 2 × e2-medium that hosts the API server, RabbitMQ and KEDA).
    public var alwaysOnNodes: [NodeGroup]
    /// The option runs in a managed Kubernetes cluster (GKE/EKS/AKS), which has a management fee.
    public var managedCluster: Bool
    /// How fast the option's GPU serves the inference model (service times are divided by its
    /// factor); the scenario reader resolves it from the option's GPU and `inference.gpuSpeed`.
    public var gpuSpeed = GPUSpeed.reference

    public enum Kind: Sendable, Hashable {
        /// Always-on GPU VMs; nothing scales.
        case dedicated(DedicatedDeployment)
        /// GPU worker pods scaled by KEDA + HPA or Knative, on a node pool scaled by the cluster autoscaler.
        case autoscaled(AutoscaledDeployment)
        /// Instances of a managed serverless GPU platform (Cloud Run, Modal, RunPod), scaled by the platform.
        case serverless(ServerlessDeployment)
    }

    public init(name: String, kind: Kind, alwaysOnNodes: [NodeGroup] = [], managedCluster: Bool = false) {
        self.name = name
        self.kind = kind
        self.alwaysOnNodes = alwaysOnNodes
        self.managedCluster = managedCluster
    }

    /// The article's option 1: one dedicated n1-highmem-4 + T4 VM.
    public static let articleDedicated = DeploymentOption(
        name: "dedicated", kind: .dedicated(DedicatedDeployment(nodeCount: 1, node: .articleGPU)))

    /// The article's option 2: the KEDA ScaledObject from the article on a spot n1-highmem-4 + T4
    /// pool of 0–3 nodes, with the default node pool of 2 × e2-medium, in a GKE cluster.
    public static let articleScaleToZero = DeploymentOption(
        name: "scale-to-zero",
        kind: .autoscaled(AutoscaledDeployment(
            autoscaler: .keda(.article), node: NodeSpec(provider: "gcp", region: "us-central1", machineType: "n1-highmem-4", gpuModel: "T4", gpuCount: 1, spot: true),
            minNodes: 0, maxNodes: 3)),
        alwaysOnNodes: [NodeGroup(pool: "default-pool", node: .articleSystemNode, count: 2)],
        managedCluster: true)

    public func validate() throws(ParameterError) {
        guard !name.isEmpty else { throw .invalidParameter("a deployment option needs a name") }
        switch kind {
        case .dedicated(let dedicated): try dedicated.validate()
        case .autoscaled(let autoscaled): try autoscaled.validate()
        case .serverless(let serverless): try serverless.validate()
        }
        do { try gpuSpeed.validate() } catch { throw .invalidParameter("option '\(name)': \(error.message)") }
        for group in alwaysOnNodes where group.count < 0 || group.count > SimulationLimits.maxNodes {
            throw .invalidParameter("node group '\(group.pool)' must have 0…\(SimulationLimits.maxNodes) nodes, got \(group.count)")
        }
    }
}

/// N always-on GPU VMs, each running `podsPerNode` worker pods, ready from the start.
public struct DedicatedDeployment: Sendable, Hashable {
    public var nodeCount: Int
    public var node: NodeSpec
    /// Worker pods per VM (one per GPU is the usual layout).
    public var podsPerNode: Int

    public init(nodeCount: Int, node: NodeSpec, podsPerNode: Int = 1) {
        self.nodeCount = nodeCount
        self.node = node
        self.podsPerNode = podsPerNode
    }

    public func validate() throws(ParameterError) {
        guard nodeCount >= 1, nodeCount <= SimulationLimits.maxNodes else {
            throw .invalidParameter("dedicated nodeCount must be within 1…\(SimulationLimits.maxNodes)")
        }
        guard podsPerNode >= 1, podsPerNode <= SimulationLimits.maxPerNode else {
            throw .invalidParameter("dedicated podsPerNode must be within 1…\(SimulationLimits.maxPerNode)")
        }
        try node.validateAsGPUWorker()
    }
}

/// A fixed group of identical nodes in one pool.
public struct NodeGroup: Sendable, Hashable {
    public var pool: String
    public var node: NodeSpec
    public var count: Int

    public init(pool: String, node: NodeSpec, count: Int) {
        self.pool = pool
        self.node = node
        self.count = count
    }
}
