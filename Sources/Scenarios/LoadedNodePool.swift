import Simulator

/// What ``NodePoolLoader`` read from a Karpenter manifest: the settings of one NodePool and its
/// node class, the cloud they belong to, and every warning.
public struct LoadedNodePool: Sendable {
    public var settings: KarpenterSettings
    /// `aws` (EC2NodeClass, EKS) or `azure` (AKSNodeClass, AKS node auto-provisioning), from the
    /// NodePool's `nodeClassRef.group`.
    public var provider: String
    /// `metadata.name` of the NodePool (empty if it has none).
    public var name: String
    /// `spec.template.spec.nodeClassRef.name`.
    public var nodeClassName: String
    /// Fields and documents that were not used, in file order.
    public var warnings: [ManifestWarning]

    public init(
        settings: KarpenterSettings, provider: String, name: String, nodeClassName: String,
        warnings: [ManifestWarning] = []
    ) {
        self.settings = settings
        self.provider = provider
        self.name = name
        self.nodeClassName = nodeClassName
        self.warnings = warnings
    }
}
