/// What a `kubectl get nodes -o json` item says about one node's start.
public struct NodeRecord: Sendable, Hashable {
    /// The labels that name a node pool, in the order they are looked for (GKE, EKS managed node
    /// groups, AKS, Karpenter).
    public static let poolLabels = [
        "cloud.google.com/gke-nodepool", "eks.amazonaws.com/nodegroup", "kubernetes.azure.com/agentpool",
        "karpenter.sh/nodepool",
    ]

    public var name: String
    /// `metadata.creationTimestamp`: when the kubelet registered the node (not when the VM was created).
    public var created: Double?
    /// `Ready` condition's `lastTransitionTime` when True.
    public var ready: Double?
    /// The value of the first of ``poolLabels`` the node has.
    public var pool: String?
    /// `status.allocatable["nvidia.com/gpu"]` (0 when absent).
    public var gpus: Int
    /// A GPU node: allocatable `nvidia.com/gpu` above 0, or the GKE label `cloud.google.com/gke-accelerator`.
    public var hasGPU: Bool

    init(_ item: JSONObject) throws(CalibrationError) {
        guard let metadata = try item.object("metadata"), let name = try metadata.string("name") else {
            throw item.error("metadata.name", "is missing")
        }
        self.name = name
        created = try metadata.time("creationTimestamp")
        let labels = try metadata.object("labels")
        var pool: String?
        for label in Self.poolLabels where pool == nil { pool = try labels?.string(label) }
        self.pool = pool
        let status = try item.object("status")
        ready = try status?.trueConditionTime("Ready")
        var gpus = 0
        if let allocatable = try status?.object("allocatable"),
            let quantity = try allocatable.string("nvidia.com/gpu") {
            guard let count = Int(quantity), (0...1024).contains(count) else {
                throw allocatable.error("nvidia.com/gpu", "\"\(quantity)\" is not a GPU count within 0...1024")
            }
            gpus = count
        }
        self.gpus = gpus
        let accelerator = try labels?.string("cloud.google.com/gke-accelerator")
        hasGPU = gpus > 0 || accelerator != nil
    }

    /// Fills the fields `self` lacks from `other` (the same node in another snapshot).
    mutating func merge(_ other: NodeRecord) {
        created = created ?? other.created
        ready = ready ?? other.ready
        pool = pool ?? other.pool
        gpus = max(gpus, other.gpus)
        hasGPU = hasGPU || other.hasGPU
    }
}
