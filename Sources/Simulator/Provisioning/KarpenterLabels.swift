/// The well-known node labels a Karpenter NodePool's requirements select instance types by,
/// per provider (aws/karpenter-provider-aws v1.14.1 `docs/concepts/scheduling.md`;
/// Azure/karpenter-provider-azure v1.14.2 `pkg/apis/v1beta1/labels.go`). These are the keys
/// costsim can check against its price catalog; requirements on other keys are dropped with a
/// warning when a manifest is read.
public enum KarpenterLabels {
    public static let instanceType = "node.kubernetes.io/instance-type"
    public static let zone = "topology.kubernetes.io/zone"

    /// `karpenter.k8s.aws/instance-family` (`g4dn`) or `karpenter.azure.com/sku-family` (`N`).
    public static func instanceFamily(provider: String) -> String {
        provider == "azure" ? "karpenter.azure.com/sku-family" : "karpenter.k8s.aws/instance-family"
    }

    /// Requirement keys costsim evaluates against the catalog on `provider`: capacity type,
    /// instance type and family, and the GPU's name, count and manufacturer.
    public static func evaluated(provider: String) -> Set<String> {
        let prefix = provider == "azure" ? "karpenter.azure.com/sku-gpu-" : "karpenter.k8s.aws/instance-gpu-"
        return Set([KarpenterSettings.capacityTypeKey, instanceType, instanceFamily(provider: provider)])
            .union(["name", "count", "manufacturer"].map { prefix + $0 })
    }
}
