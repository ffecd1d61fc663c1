import Simulator

/// What a catalog row sells.
public enum SKUKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A whole VM. GPU-bearing machine types (GCP G2/A2/A3, AWS g4dn/g5/g6/p4d, Azure NC…)
    /// include their bundled GPUs in this price; the row's `gpuModel`/`gpuCount` say which.
    case machine
    /// A per-GPU add-on priced on top of a host VM (GCP T4/V100/P4 on N1). Only rows with
    /// ``PriceRow/attachableTo`` prefixes may be added to a host.
    case gpu
    /// A per-cluster-hour charge, such as the GKE or EKS cluster management fee.
    case fee
    /// One instance of a managed serverless GPU platform per hour (Cloud Run, Modal, RunPod, …),
    /// with the vCPU and memory its GPU requires; SKUs are `platform/gpu`, e.g. `cloud-run/nvidia-l4`.
    /// Priced like a machine row for a node whose machine type is the SKU.
    case platform

    public var description: String { rawValue }

    /// The kind of row that prices `node` as a whole: a platform row when its machine type is a
    /// platform SKU (`platform/gpu`, the only SKUs with a slash), else a machine row.
    static func pricing(_ node: NodeSpec) -> SKUKind { node.machineType.contains("/") ? .platform : .machine }
}
