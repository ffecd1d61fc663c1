/// The offerings a Karpenter NodePool may launch — instance types on a capacity type, cheapest
/// first — and which of them are unavailable for now after a failed launch or a spot
/// interruption (aws/karpenter-provider-aws v1.14.1 `pkg/cache/cache.go`: 3 minutes).
///
/// AWS picks the first allowed capacity type that has an available offering (reserved, spot,
/// on-demand: `pkg/providers/instance/instance.go` `getCapacityType`), then its cheapest
/// offering; Azure picks strictly the cheapest available offering
/// (Azure/karpenter-provider-azure v1.14.2 `offering_rank.go`). Reserved capacity is not
/// modelled: an offering is spot or on-demand.
struct KarpenterOfferings {
    let offerings: [NodeSpec]
    private let capacityTypes: [KarpenterSettings.CapacityType]
    private let strictlyCheapest: Bool
    private var unavailableUntil: [Double]

    /// The settings' offerings, or `node` on each allowed capacity type (spot first, as it is the
    /// cheaper) when the settings list none.
    init(settings: KarpenterSettings, node: NodeSpec) {
        let allowed = settings.allowedCapacityTypes
        var offerings = settings.offerings
        if offerings.isEmpty {
            for type in allowed where type != .reserved {
                var spec = node
                spec.spot = type == .spot
                offerings.append(spec)
            }
        }
        self.offerings = offerings.filter { allowed.contains($0.spot ? .spot : .onDemand) }
        capacityTypes = allowed
        strictlyCheapest = node.provider == "azure"
        unavailableUntil = Array(repeating: -.infinity, count: self.offerings.count)
    }

    /// The offering a launch at `now` uses; nil when none is available.
    func choose(at now: Double) -> Int? {
        let available = offerings.indices.filter { unavailableUntil[$0] <= now }
        if strictlyCheapest { return available.first }
        for type in capacityTypes {
            if let index = available.first(where: { (offerings[$0].spot ? .spot : .onDemand) == type }) {
                return index
            }
        }
        return nil
    }

    /// Offering `index` cannot be launched before `until`.
    mutating func markUnavailable(_ index: Int, until: Double) {
        unavailableUntil[index] = Swift.max(unavailableUntil[index], until)
    }
}
