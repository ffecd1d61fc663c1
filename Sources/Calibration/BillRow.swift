import CostModel

/// One line of a cloud bill that concerns GPU nodes: a GPU usage line (hours of a GPU SKU or of a
/// VM type with GPUs), or on GCP another line of a GPU node pool (its vCPUs and memory), which
/// counts for cost only.
public struct BillRow: Sendable, Hashable {
    /// What ``hours`` counts.
    public enum Unit: String, Sendable, Hashable, Codable {
        /// Hours of one GPU (GCP bills the GPU apart from the VM).
        case gpuHours
        /// Hours of one VM that carries its GPUs (AWS and Azure bill the VM type).
        case nodeHours
        /// Not a GPU line: another line of a GPU node pool (cost only).
        case none
    }

    /// 1-based line of the CSV file.
    public var line: Int
    /// The usage interval, Unix seconds.
    public var startSeconds: Double
    public var endSeconds: Double
    public var hours: Double
    public var unit: Unit
    /// The GPU SKU (GCP) or the VM type (AWS, Azure) the line bills.
    public var sku: String
    /// The node pool (GKE label, EKS node group or Karpenter node pool tag, AKS scale set), when the
    /// line names one.
    public var pool: String?
    public var spot: Bool
    /// The line's cost (credits included on GCP), in the bill's currency.
    public var cost: Money
}
