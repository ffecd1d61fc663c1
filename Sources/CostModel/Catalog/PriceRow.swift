/// One row of the price catalog: one SKU, in one region, at one capacity type, in one dated
/// price snapshot. Mirrors the `price` table of `pricing/schema.sql` column for column.
public struct PriceRow: Sendable, Hashable {
    /// Price list the row belongs to, e.g. `article-2023` or `2026-11-29`.
    public var snapshot: String
    /// First day the price applies, `YYYY-MM-DD`.
    public var effectiveDate: String
    public var provider: CloudProvider
    /// Region, or `global` for per-cluster fees.
    public var region: String
    public var kind: SKUKind
    /// Machine type, GPU SKU (`nvidia-tesla-t4`) or fee name (`gke-cluster-management`).
    public var sku: String
    public var capacity: CapacityType
    public var vcpus: Int?
    /// Memory in GiB, decimal text (e.g. `7.5`).
    public var memoryGiB: String?
    /// Bundled GPU model for machine rows; the model sold for GPU rows (e.g. `T4`).
    public var gpuModel: String?
    /// GPUs bundled in a machine row (0 if none); 1 for a per-GPU row.
    public var gpuCount: Int
    /// Total GPU memory in GiB, decimal text.
    public var gpuMemoryGiB: String?
    /// For GPU rows: machine-type prefixes the GPU attaches to (e.g. `["n1-"]`); empty means the
    /// row is a component price only (GCP's L4 inside G2) and cannot be added to a host.
    public var attachableTo: [String]
    /// Price per hour (per GPU for GPU rows, per cluster for fees), exact.
    public var pricePerHour: HourlyRate
    /// Billed time is rounded up to a multiple of this many seconds (1 = per-second billing).
    public var billingIncrementSeconds: Int64
    /// Minimum billed seconds per VM run (60 on GCP and AWS).
    public var billingMinimumSeconds: Int64
    /// ISO 4217 code; the catalog currently holds USD only.
    public var currency: String
    public var sourceURL: String?
    /// The date the source states (free text; `unknown (...)` when it gives none).
    public var sourceDate: String?
    public var notes: String?

    public init(
        snapshot: String, effectiveDate: String, provider: CloudProvider, region: String, kind: SKUKind,
        sku: String, capacity: CapacityType, vcpus: Int? = nil, memoryGiB: String? = nil,
        gpuModel: String? = nil, gpuCount: Int = 0, gpuMemoryGiB: String? = nil, attachableTo: [String] = [],
        pricePerHour: HourlyRate, billingIncrementSeconds: Int64 = 1, billingMinimumSeconds: Int64 = 0,
        currency: String = "USD", sourceURL: String? = nil, sourceDate: String? = nil, notes: String? = nil
    ) {
        self.snapshot = snapshot
        self.effectiveDate = effectiveDate
        self.provider = provider
        self.region = region
        self.kind = kind
        self.sku = sku
        self.capacity = capacity
        self.vcpus = vcpus
        self.memoryGiB = memoryGiB
        self.gpuModel = gpuModel
        self.gpuCount = gpuCount
        self.gpuMemoryGiB = gpuMemoryGiB
        self.attachableTo = attachableTo
        self.pricePerHour = pricePerHour
        self.billingIncrementSeconds = billingIncrementSeconds
        self.billingMinimumSeconds = billingMinimumSeconds
        self.currency = currency
        self.sourceURL = sourceURL
        self.sourceDate = sourceDate
        self.notes = notes
    }

    /// `true` if this GPU row may be added to a host of machine type `machineType`.
    public func attaches(to machineType: String) -> Bool {
        kind == .gpu && attachableTo.contains { machineType.hasPrefix($0) }
    }

    /// The primary key as text, for messages: `2026-11-29/gcp/us-central1/machine/e2-medium/spot`.
    public var keyDescription: String {
        "\(snapshot)/\(provider)/\(region)/\(kind)/\(sku)/\(capacity)"
    }
}
