import Simulator

/// What the scenario reader asks the price catalog while it reads, so a problem is reported at
/// the field that causes it with file and line: whether a node's region is priced (an unknown
/// one is reported at `cloud.region` or at the node's own `region`), and which offerings a
/// Karpenter NodePool's requirements allow there (reported at `autoscaled.karpenter`), and which
/// machines a serverless platform has where (reported at `serverless.instanceType` or the region).
/// Scenarios knows no prices: the caller builds the check from its catalog.
public struct RegionCheck: Sendable {
    /// What is wrong with `node`'s region, in words (e.g. the regions that do price the node), or
    /// `nil` if the catalog has the region.
    public let problem: @Sendable (NodeSpec) -> String?
    /// The offerings `settings`' requirements allow on a provider in a region, cheapest first,
    /// or why there are none (``Simulator/KarpenterSettings/offerings``); `nil`: not resolved,
    /// the option's `node` is the only instance type.
    public let offerings: (@Sendable (_ settings: KarpenterSettings, _ provider: String, _ region: String)
        -> Result<[NodeSpec], ParameterError>)?
    /// The catalog's platform rows of `provider` whose SKU is `skuPrefix/…` (any region and
    /// snapshot), each as a node: region, SKU as machine type, GPU model and count
    /// (``serverlessMachine(_:gpuGiven:)``); `nil`: not resolved, an option's instance is priced as named.
    public let platformMachines: (@Sendable (_ provider: String, _ skuPrefix: String)
        -> Result<[NodeSpec], ParameterError>)?

    public init(
        _ problem: @escaping @Sendable (NodeSpec) -> String?,
        offerings: (@Sendable (KarpenterSettings, String, String) -> Result<[NodeSpec], ParameterError>)? = nil,
        platformMachines: (@Sendable (String, String) -> Result<[NodeSpec], ParameterError>)? = nil
    ) {
        self.problem = problem
        self.offerings = offerings
        self.platformMachines = platformMachines
    }
}

extension RegionCheck {
    /// ``offerings`` for `settings` on `provider` in `region`: nil when this check resolves none,
    /// otherwise at least one offering, cheapest first.
    public func karpenterOfferings(
        _ settings: KarpenterSettings, provider: String, region: String
    ) throws(ParameterError) -> [NodeSpec]? {
        guard let offerings else { return nil }
        let resolved = try offerings(settings, provider, region).get()
        guard !resolved.isEmpty else {
            throw .invalidParameter("the price catalog allows no Karpenter offering in \(provider)/\(region)")
        }
        return resolved
    }
}
