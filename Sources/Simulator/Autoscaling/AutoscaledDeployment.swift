/// GPU worker pods in a Kubernetes cluster whose GPU node pool scales with demand: an
/// autoscaler (KEDA + HPA, or Knative KPA) sets the replica count, the scheduler places pods
/// on GPU nodes, and a node provisioner (the cluster autoscaler, or Karpenter when
/// ``karpenter`` is set) adds and removes nodes.
public struct AutoscaledDeployment: Sendable, Hashable {
    /// What sets the number of worker replicas.
    public enum Autoscaler: Sendable, Hashable {
        case keda(KEDAConfiguration)
        case knative(KnativeConfiguration)
    }

    public var autoscaler: Autoscaler
    public var hpa: HPASettings
    /// The GPU node pool: machine, and its min/max node count.
    public var node: NodeSpec
    public var minNodes: Int
    public var maxNodes: Int
    public var clusterAutoscaler: ClusterAutoscalerSettings
    /// Karpenter's NodePool and flags: when set, Karpenter provisions the pool's nodes instead of
    /// the cluster autoscaler (whose settings are then unused), and `node` is its first offering.
    public var karpenter: KarpenterSettings?
    public var coldStart: ColdStartModel
    /// Spot behaviour when `node.spot` (ignored for on-demand nodes).
    public var spot: SpotModel
    /// `terminationGracePeriodSeconds` of the worker pod (Kubernetes default 30 s).
    public var terminationGracePeriodSeconds: Double
    /// Seconds from the cluster autoscaler's delete call to the VM stopping (billing stops).
    public var vmDeletionSeconds: Double
    /// Periods during which the KEDA scaler cannot reach the broker (what-if for `fallback`).
    public var scalerOutages: [Range<Double>]

    public init(
        autoscaler: Autoscaler, hpa: HPASettings = HPASettings(), node: NodeSpec, minNodes: Int = 0, maxNodes: Int,
        clusterAutoscaler: ClusterAutoscalerSettings = .upstreamDefaults, karpenter: KarpenterSettings? = nil,
        coldStart: ColdStartModel = .typicalGKE,
        spot: SpotModel = SpotModel(), terminationGracePeriodSeconds: Double = 30, vmDeletionSeconds: Double = 30,
        scalerOutages: [Range<Double>] = []
    ) {
        self.autoscaler = autoscaler
        self.hpa = hpa
        self.node = node
        self.minNodes = minNodes
        self.maxNodes = maxNodes
        self.clusterAutoscaler = clusterAutoscaler
        self.karpenter = karpenter
        self.coldStart = coldStart
        self.spot = spot
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.vmDeletionSeconds = vmDeletionSeconds
        self.scalerOutages = scalerOutages
    }

    /// Replicas an idle target rests at: KEDA's `idleReplicaCount` if set (an inactive trigger
    /// scales the target to it, below `minReplicaCount`), else `minReplicaCount`; Knative `min-scale`.
    public var replicaFloor: Int {
        switch autoscaler {
        case .keda(let keda): keda.idleReplicaCount ?? keda.minReplicaCount
        case .knative(let knative): knative.minScale
        }
    }

    /// GPUs per node (each worker pod requests one).
    public var podsPerNode: Int { Swift.max(1, node.gpuCount) }

    public func validate() throws(ParameterError) {
        switch autoscaler {
        case .keda(let keda): try keda.validate()
        case .knative(let knative): try knative.validate()
        }
        try hpa.validate()
        try clusterAutoscaler.validate()
        try karpenter?.validate()
        try coldStart.validate()
        try spot.validate()
        guard minNodes >= 0, maxNodes >= 1, maxNodes >= minNodes, maxNodes <= SimulationLimits.maxNodes else {
            throw .invalidParameter("node pool needs 0 <= min <= max, 1 <= max <= \(SimulationLimits.maxNodes) (got \(minNodes)–\(maxNodes))")
        }
        try node.validateAsGPUWorker()
        if let karpenter {
            guard minNodes == 0 else {
                throw .invalidParameter("Karpenter keeps no minimum of nodes: the pool's minNodes must be 0 (got \(minNodes))")
            }
            guard karpenter.offerings.allSatisfy({ $0.gpuCount == node.gpuCount }) else {
                throw .invalidParameter("every Karpenter offering must have the pool node's \(node.gpuCount) GPU(s)")
            }
        }
        guard terminationGracePeriodSeconds >= 0, vmDeletionSeconds >= 0 else {
            throw .invalidParameter("terminationGracePeriodSeconds and VM deletion time must be >= 0")
        }
    }
}
