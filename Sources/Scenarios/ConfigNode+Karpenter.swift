import Simulator

extension ConfigNode {
    /// Reads scenario keys under `autoscaled.karpenter` (the rows of ``KarpenterField``, `limits`
    /// as a nested mapping) on top of `base`; unknown keys are errors. `provider` is the scenario's
    /// cloud: Karpenter runs on `aws` (EKS) and `azure` (AKS node auto-provisioning).
    package func karpenterSettings(
        provider: String, base: KarpenterSettings = KarpenterSettings()
    ) throws(ScenarioFileError) -> KarpenterSettings {
        guard provider == "aws" || provider == "azure" else {
            throw error(
                "Karpenter runs on aws (EKS) or azure (AKS node auto-provisioning), not on \(provider); "
                    + "use clusterAutoscaler for GKE")
        }
        let map = try mapping()
        var nested: [String: ConfigMapping] = [:]
        var settings = base
        for field in KarpenterField.allCases {
            let parts = field.key.split(separator: ".", maxSplits: 1).map(String.init)
            let node: ConfigNode?
            if parts.count == 2 {
                if nested[parts[0]] == nil, let group = map.optional(parts[0]) {
                    nested[parts[0]] = try group.mapping()
                }
                node = nested[parts[0]]?.optional(parts[1])
            } else {
                node = map.optional(field.key)
            }
            guard let node else { continue }
            let value = try field.parse(node)
            if field == .interruptionQueue, value == .flag(true), provider != "aws" {
                throw node.error("an interruption queue exists on aws only (Azure has no SQS interruption controller)")
            }
            field.apply(value, to: &settings, provider: provider)
        }
        try map.finish()
        for key in nested.keys.sorted() { try nested[key]?.finish() }
        do { try settings.validate() } catch { throw self.error(error.message) }
        return settings
    }
}
