import Simulator
import Storage

/// Which regions the catalog prices, for checking a scenario's `cloud.region` and for messages
/// that list only the regions that matter (those selling the SKU or node asked for).
extension PriceCatalog {
    /// The regions where `provider` sells `sku` of `kind` (any snapshot, any capacity), sorted.
    public func regions(provider: String, kind: SKUKind, sku: String) throws(CostModelError) -> [String] {
        try distinct(
            "region", where: "provider = ?1 AND sku_kind = ?2 AND sku = ?3",
            [.text(provider), .text(kind.rawValue), .text(sku)])
    }

    /// The regions where `node` can be priced: its machine type (or platform) is sold there and, when
    /// the machine bundles no GPU but the node attaches one, the GPU is sold there too. Sorted.
    public func regions(for node: NodeSpec) throws(CostModelError) -> [String] {
        let machines = try regions(provider: node.provider, kind: machineKind(of: node), sku: node.machineType)
        guard node.gpuCount > 0, let gpu = node.gpuModel else { return machines }
        let bundled = try distinct(
            "region",
            where: "provider = ?1 AND sku_kind IN ('machine', 'platform') AND sku = ?2 AND gpu_count > 0",
            [.text(node.provider), .text(node.machineType)])
        let gpuCondition = "provider = ?1 AND sku_kind = 'gpu' AND (gpu_model = ?2 COLLATE NOCASE OR sku = ?2 "
            + "COLLATE NOCASE)"
        let gpus = Set(try distinct("region", where: gpuCondition, [.text(node.provider), .text(gpu)]))
        return machines.filter { bundled.contains($0) || gpus.contains($0) }
    }

    /// `nil` if the catalog has `node.region` for `node.provider` (an unknown provider is left to
    /// the price lookup); otherwise ``CostModelError/unknownRegion(provider:region:offering:known:)``
    /// listing the regions that price this node, or every region of the provider when none does.
    public func regionError(for node: NodeSpec) throws(CostModelError) -> CostModelError? {
        let all = try distinct(
            "region", where: "provider = ?1 AND sku_kind != 'fee'", [.text(node.provider)])
        guard !all.isEmpty, !all.contains(node.region) else { return nil }
        let offering = try regions(for: node)
        guard !offering.isEmpty else {
            return .unknownRegion(provider: node.provider, region: node.region, offering: nil, known: all)
        }
        let gpu = node.gpuModel.map { " + \(node.gpuCount) × \($0)" } ?? ""
        return .unknownRegion(
            provider: node.provider, region: node.region, offering: node.machineType + gpu, known: offering)
    }
}
