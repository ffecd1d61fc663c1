import CostModel
import Scenarios
import Simulator

extension RegionCheck {
    /// The checks of `catalog`: an unknown region is reported with the regions that price the node
    /// (``CostModel/PriceCatalog/regionError(for:)``), Karpenter's offerings are resolved from
    /// `snapshot`'s prices, and a serverless platform's machines are its `platform` rows.
    public init(catalog: PriceCatalog, snapshot: PriceSnapshot) {
        self.init(
            { node in
                do throws(CostModelError) {
                    return try catalog.regionError(for: node)?.description
                } catch {
                    return error.description
                }
            },
            offerings: { settings, provider, region in
                catalog.karpenterOfferingsResult(settings, provider: provider, region: region, snapshot: snapshot)
            },
            platformMachines: { provider, prefix in
                do throws(CostModelError) {
                    let rows = try catalog.rows(matching: PriceFilter(provider: provider, kind: .platform))
                    return .success(
                        rows.filter { $0.sku.hasPrefix(prefix + "/") }.map { row in
                            NodeSpec(
                                provider: provider, region: row.region, machineType: row.sku, gpuModel: row.gpuModel,
                                gpuCount: row.gpuCount)
                        })
                } catch {
                    return .failure(.invalidParameter(error.description))
                }
            })
    }
}
