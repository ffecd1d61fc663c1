import Simulator

/// The catalog rows that price one VM shape (a ``Simulator/NodeSpec``): the machine row (or the
/// ``SKUKind/platform`` row of a serverless platform instance, priced the same way), plus a
/// per-GPU add-on row when GPUs are attached rather than bundled.
///
/// How GPUs are handled is decided by catalog data alone:
/// - a **machine row with `gpu_count > 0`** (GCP G2/A2/A3, AWS g4dn/g5/g6/p4d, Azure NC…)
///   already includes its GPUs, so no GPU row is added (the node's `gpuModel`, if given, must
///   match the bundled model);
/// - otherwise, if the node has `gpuCount > 0`, the GPU row for `gpuModel` is added
///   `gpuCount` times, provided the row's `attachable_to` prefixes admit the machine type
///   (GCP T4/V100/P4 attach to `n1-`; the L4 row is a G2 component price and attaches to nothing).
///
/// So the article's N1 + T4 node costs `n1-highmem-4` + 1 × `nvidia-tesla-t4`.
///
/// Made only by ``PriceCatalog/nodePrice(for:snapshot:)``, which checks that ``hourlyRate`` fits
/// in ``HourlyRate``.
public struct NodePrice: Sendable, Hashable {
    /// The machine (VM) row, or the platform row of a serverless platform instance.
    public let machine: PriceRow
    /// The attached-GPU row, or `nil` for CPU-only nodes and bundled GPUs.
    public let gpu: PriceRow?
    /// How many ``gpu`` rows are added (0 when bundled or none).
    public let attachedGPUCount: Int
    /// Machine + GPU × count, per hour.
    public let hourlyRate: HourlyRate

    /// The rows for one node; `nil` if machine + GPU × count leaves ``HourlyRate``'s range.
    init?(machine: PriceRow, gpu: PriceRow?, attachedGPUCount: Int) {
        var rate = machine.pricePerHour
        if let gpu {
            guard let gpus = gpu.pricePerHour.multiplied(by: attachedGPUCount), let sum = rate.adding(gpus) else {
                return nil
            }
            rate = sum
        }
        self.machine = machine
        self.gpu = gpu
        self.attachedGPUCount = attachedGPUCount
        self.hourlyRate = rate
    }

    /// `true` if the node carries GPUs (bundled or attached).
    public var isGPUNode: Bool { machine.gpuCount > 0 || attachedGPUCount > 0 }
}

extension PriceCatalog {
    /// Looks up the rows that price `node` (see ``NodePrice`` for the GPU rule), at the spot rate
    /// if `node.spot`.
    public func nodePrice(for node: NodeSpec, snapshot: PriceSnapshot = .latest) throws(CostModelError) -> NodePrice {
        guard node.gpuCount >= 0, node.gpuCount <= 64 else {
            throw .invalidUsage("node \(node.machineType) has \(node.gpuCount) GPUs")
        }
        let capacity = CapacityType(spot: node.spot)
        let machine = try price(
            machineKind(of: node), sku: node.machineType, provider: node.provider, region: node.region,
            capacity: capacity, snapshot: snapshot)
        if machine.gpuCount > 0 {
            if let requested = node.gpuModel, let bundled = machine.gpuModel,
               requested.lowercased() != bundled.lowercased() {
                throw .bundledGPUMismatch(machineType: node.machineType, bundled: bundled, requested: requested)
            }
            return try Self.combine(machine, nil, 0, for: node)
        }
        guard node.gpuCount > 0 else { return try Self.combine(machine, nil, 0, for: node) }
        guard let model = node.gpuModel else {
            throw .gpuModelMissing(machineType: node.machineType, gpuCount: node.gpuCount)
        }
        let gpu = try gpuPrice(
            model: model, provider: node.provider, region: node.region, capacity: capacity, snapshot: snapshot)
        guard gpu.attaches(to: node.machineType) else {
            throw .gpuNotAttachable(gpuModel: model, machineType: node.machineType, attachableTo: gpu.attachableTo)
        }
        return try Self.combine(machine, gpu, node.gpuCount, for: node)
    }

    /// ``SKUKind/platform`` if the catalog sells `node.machineType` as a serverless platform
    /// instance, else ``SKUKind/machine``: both price a node the same way.
    func machineKind(of node: NodeSpec) throws(CostModelError) -> SKUKind {
        let platform = try query(
            "SELECT 1 FROM price WHERE provider = ?1 AND sku_kind = 'platform' AND sku = ?2 LIMIT 1",
            [.text(node.provider), .text(node.machineType)])
        return platform.isEmpty ? .machine : .platform
    }

    private static func combine(
        _ machine: PriceRow, _ gpu: PriceRow?, _ count: Int, for node: NodeSpec
    ) throws(CostModelError) -> NodePrice {
        guard let price = NodePrice(machine: machine, gpu: gpu, attachedGPUCount: count) else {
            throw .overflow(
                "hourly rate of node \(node.machineType) + \(count) × \(gpu?.sku ?? "GPU") is above the "
                    + "\(HourlyRate(femtoDollarsPerHour: .max).dollarsPerHourText) USD/h that HourlyRate holds")
        }
        return price
    }
}
