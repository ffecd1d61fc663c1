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
    /// One instance of a managed serverless GPU platform per hour, including the vCPU and memory
    /// its GPU requires (Cloud Run `cloud-run/nvidia-l4`, Modal `modal/nvidia-t4`, …). A node
    /// names it as its machine type and is priced like a ``machine`` row with bundled GPUs.
    case platform

    public var description: String { rawValue }

    /// `machine, gpu, fee, platform`, for messages.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
