import Simulator

/// The offerings a Karpenter NodePool may launch in one region, read from the price catalog.
///
/// An offering is a GPU machine type (a machine row with bundled GPUs: a worker pod requests
/// `nvidia.com/gpu`) on one capacity type. Its labels are those Karpenter's providers put on the
/// type (aws/karpenter-provider-aws v1.14.1 `pkg/providers/instancetype/types.go`;
/// Azure/karpenter-provider-azure v1.14.2 `pkg/apis/v1beta1/labels.go`): instance type, family
/// (`g4dn` on AWS; the letter after `Standard_` on Azure, `N` for NC), GPU name (lower case on
/// AWS, `t4`; the model without its memory suffix on Azure, `T4`), count and manufacturer
/// (`nvidia`: every GPU the catalog prices is NVIDIA's).
extension PriceCatalog {
    /// What `settings.requirements` allow on `provider` in `region`, cheapest first (the on-demand
    /// price for on-demand offerings, the spot price for spot ones; ties: spot first, then by
    /// name), each as a ``Simulator/NodeSpec`` with `spot` set. Offerings without a price in
    /// `snapshot` are left out. On AWS, with on-demand allowed, spot offerings dearer than the
    /// cheapest on-demand one are dropped (aws `pkg/providers/instance/filter/filter.go`). Only
    /// offerings with the cheapest one's GPU count are kept: a simulated pool's nodes have one GPU
    /// count. `reserved` capacity is not priced, so it allows nothing.
    ///
    /// - Throws: ``CostModelError/invalidUsage(_:)`` naming the requirements, the region and the
    ///   nearest offering the catalog has when nothing is allowed, or when a requirement's
    ///   `minValues` is not met.
    public func karpenterOfferings(
        _ settings: KarpenterSettings, provider: String, region: String, snapshot: PriceSnapshot = .latest
    ) throws(CostModelError) -> [NodeSpec] {
        guard provider == "aws" || provider == "azure" else {
            throw .invalidUsage("Karpenter runs on aws (EKS) or azure (AKS node auto-provisioning), not on \(provider)")
        }
        var candidates: [(node: NodeSpec, rate: HourlyRate, labels: [String: String])] = []
        var seen = Set<String>()
        for row in try rows(matching: PriceFilter(provider: provider, region: region, kind: .machine))
        where row.gpuCount > 0 && seen.insert(row.sku).inserted {
            for capacity in [CapacityType.spot, .onDemand] {
                let priced: PriceRow
                do {
                    priced = try price(
                        .machine, sku: row.sku, provider: provider, region: region, capacity: capacity,
                        snapshot: snapshot)
                } catch .noPrice {
                    continue
                }
                var node = NodeSpec(provider: provider, region: region, machineType: priced.sku)
                node.gpuModel = priced.gpuModel
                node.gpuCount = priced.gpuCount
                node.spot = capacity == .spot
                candidates.append((node, priced.pricePerHour, Self.karpenterLabels(of: priced, provider: provider)))
            }
        }
        candidates.sort { a, b in
            a.rate != b.rate ? a.rate < b.rate
                : a.node.spot != b.node.spot ? a.node.spot : a.node.machineType < b.node.machineType
        }
        var allowed = candidates.filter { candidate in
            settings.requirements.allSatisfy { $0.admits(candidate.labels[$0.key]) }
        }
        if provider == "aws", let cheapestOnDemand = allowed.first(where: { !$0.node.spot })?.rate {
            allowed.removeAll { $0.node.spot && $0.rate > cheapestOnDemand }
        }
        guard let cheapest = allowed.first else {
            throw .invalidUsage(Self.nothingAllowed(settings, provider: provider, region: region, candidates))
        }
        // The simulated pool's nodes have one shape: the GPU count of the cheapest offering.
        allowed.removeAll { $0.node.gpuCount != cheapest.node.gpuCount }
        for requirement in settings.requirements {
            guard let minValues = requirement.minValues else { continue }
            let distinct = Set(allowed.compactMap { $0.labels[requirement.key] })
            if distinct.count < minValues {
                throw .invalidUsage(
                    "requirement \(Self.text(requirement)) asks for minValues \(minValues), but the catalog's "
                        + "offerings in \(provider)/\(region) allowed by the requirements have \(distinct.count) "
                        + "(\(distinct.sorted().joined(separator: ", ")))")
            }
        }
        return allowed.map(\.node)
    }

    /// ``karpenterOfferings(_:provider:region:snapshot:)`` with the failure in words alone, as a
    /// scenario reader or a sweep reports it at the field that set the requirements.
    public func karpenterOfferingsResult(
        _ settings: KarpenterSettings, provider: String, region: String, snapshot: PriceSnapshot = .latest
    ) -> Result<[NodeSpec], ParameterError> {
        Result { () throws(ParameterError) in
            do throws(CostModelError) {
                return try karpenterOfferings(settings, provider: provider, region: region, snapshot: snapshot)
            } catch .invalidUsage(let message) {
                throw .invalidParameter(message)
            } catch {
                throw .invalidParameter(error.description)
            }
        }
    }

    /// The labels Karpenter matches requirements against, for a GPU machine row at its capacity.
    static func karpenterLabels(of row: PriceRow, provider: String) -> [String: String] {
        let azure = provider == "azure"
        let gpuPrefix = azure ? "karpenter.azure.com/sku-gpu-" : "karpenter.k8s.aws/instance-gpu-"
        let family =
            azure
            ? String(row.sku.dropFirst("Standard_".count).prefix(1)).uppercased()
            : String(row.sku.split(separator: ".").first ?? "")
        var labels = [
            KarpenterSettings.capacityTypeKey: row.capacity.rawValue,
            KarpenterLabels.instanceType: row.sku,
            KarpenterLabels.instanceFamily(provider: provider): family,
            gpuPrefix + "count": String(row.gpuCount),
            gpuPrefix + "manufacturer": "nvidia",
        ]
        if let model = row.gpuModel {
            let name = String(model.split(separator: "-").first ?? "")
            labels[gpuPrefix + "name"] = azure ? name.uppercased() : name.lowercased()
        }
        return labels
    }

    /// `key Operator [values]`, as a requirement reads in messages.
    static func text(_ requirement: NodeRequirement) -> String {
        let values = requirement.values.isEmpty ? "" : " [" + requirement.values.joined(separator: ", ") + "]"
        return "\(requirement.key) \(requirement.operator.rawValue)\(values)"
    }

    /// Why no offering is allowed: the requirements, the region, and the catalog's offering that
    /// fails the fewest requirements (the cheapest of those), with the ones it fails.
    private static func nothingAllowed(
        _ settings: KarpenterSettings, provider: String, region: String,
        _ candidates: [(node: NodeSpec, rate: HourlyRate, labels: [String: String])]
    ) -> String {
        let requirements = settings.requirements.map(text).joined(separator: "; ")
        let head =
            "no offering in the price catalog's \(provider)/\(region) satisfies the Karpenter requirements "
            + "(\(requirements.isEmpty ? "none" : requirements))"
        let failing = candidates.map { candidate in
            (candidate, settings.requirements.filter { !$0.admits(candidate.labels[$0.key]) })
        }
        guard let (nearest, fails) = failing.min(by: { $0.1.count < $1.1.count }) else {
            return head + "; the catalog prices no GPU machine type there (see costsim pricing list --provider "
                + "\(provider))"
        }
        let capacity = nearest.node.spot ? "spot" : "on-demand"
        let gpu = nearest.node.gpuModel.map { ", \(nearest.node.gpuCount) × \($0)" } ?? ""
        let why =
            fails.isEmpty
            ? "a spot offering dearer than the cheapest on-demand one"
            : "fails \(fails.map(text).joined(separator: "; "))"
        return head + "; nearest: \(nearest.node.machineType) on \(capacity)\(gpu) (\(why))"
    }
}
