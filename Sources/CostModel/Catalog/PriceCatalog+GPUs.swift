import Simulator

/// Which GPU a node carries, as the catalog names it, for matching the scenario's GPU speeds.
extension PriceCatalog {
    /// Every GPU model the catalog prices (bundled in a machine or attached), sorted.
    public func gpuModels() throws(CostModelError) -> [String] {
        try distinct("gpu_model", where: "gpu_model IS NOT NULL AND gpu_model != ''", [])
    }

    /// The GPU model `node` carries, as the catalog names it: the model a machine row of its
    /// provider bundles (GCP G2/A2, AWS g4dn/g5/g6, Azure NC…, whatever the node's `gpuModel`
    /// says), else the model of the GPU row its `gpuModel` names (`nvidia-tesla-t4` → `T4`), else
    /// `gpuModel` as written; `nil` for a node without GPUs. Any region and snapshot: a machine
    /// type carries the same GPU everywhere.
    public func gpuModel(of node: NodeSpec) throws(CostModelError) -> String? {
        let bundled = try distinct(
            "gpu_model",
            where: "provider = ?1 AND sku_kind = 'machine' AND sku = ?2 AND gpu_count > 0 AND gpu_model IS NOT NULL",
            [.text(node.provider), .text(node.machineType)])
        if let model = bundled.first { return model }
        guard node.gpuCount > 0, let written = node.gpuModel else { return nil }
        let attached = try distinct(
            "gpu_model",
            where: "provider = ?1 AND sku_kind = 'gpu' AND (gpu_model = ?2 COLLATE NOCASE OR sku = ?2 COLLATE NOCASE) "
                + "AND gpu_model IS NOT NULL",
            [.text(node.provider), .text(written)])
        return attached.first ?? written
    }
}
