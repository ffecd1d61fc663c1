/// What a Karpenter `kubectl get nodeclaims -o json` item (`karpenter.sh/v1` NodeClaim) says about
/// one node's start: when Karpenter asked for it, and its `Launched`, `Registered` and
/// `Initialized` conditions (`Initialized`: node Ready, startup taints gone and every requested
/// extended resource, `nvidia.com/gpu` among them, registered).
public struct NodeClaimRecord: Sendable, Hashable {
    public var name: String
    /// `metadata.creationTimestamp`: Karpenter created the claim for pending pods (the scale-up trigger).
    public var created: Double?
    /// `status.nodeName`: the node that registered for the claim.
    public var nodeName: String?
    /// The `lastTransitionTime` of each condition when True.
    public var launched, registered, initialized: Double?
    /// Label `karpenter.sh/nodepool`.
    public var pool: String?
    /// `spec.resources.requests["nvidia.com/gpu"]` above 0.
    public var requestsGPU: Bool

    init(_ item: JSONObject) throws(CalibrationError) {
        guard let metadata = try item.object("metadata"), let name = try metadata.string("name") else {
            throw item.error("metadata.name", "is missing")
        }
        self.name = name
        created = try metadata.time("creationTimestamp")
        pool = try metadata.object("labels")?.string("karpenter.sh/nodepool")
        let status = try item.object("status")
        nodeName = try status?.string("nodeName")
        launched = try status?.trueConditionTime("Launched")
        registered = try status?.trueConditionTime("Registered")
        initialized = try status?.trueConditionTime("Initialized")
        var requestsGPU = false
        if let requests = try item.object("spec")?.object("resources")?.object("requests"),
            let quantity = try requests.string("nvidia.com/gpu") {
            guard let count = Int(quantity), (0...1024).contains(count) else {
                throw requests.error("nvidia.com/gpu", "\"\(quantity)\" is not a GPU count within 0...1024")
            }
            requestsGPU = count > 0
        }
        self.requestsGPU = requestsGPU
    }
}
