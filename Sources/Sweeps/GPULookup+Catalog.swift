import CostModel
import Scenarios
import Simulator

extension GPULookup {
    /// The GPUs of `catalog`: a node's GPU is the one its machine row bundles or its GPU row names
    /// (``CostModel/PriceCatalog/gpuModel(of:)``); a catalog that cannot answer leaves it as written.
    public init(catalog: PriceCatalog) throws(CostModelError) {
        self.init(models: try catalog.gpuModels()) { node in
            do throws(CostModelError) {
                return try catalog.gpuModel(of: node)
            } catch {
                return node.gpuModel
            }
        }
    }
}
