import Simulator

extension AutoscaledDeployment {
    /// Hands this pool's nodes to Karpenter with a NodePool read from a manifest on `provider`:
    /// its offerings are resolved by `regions` in the node's region, and the node becomes the
    /// cheapest. On AWS a spot notice still at ``Simulator/SpotModel``'s default becomes EC2's
    /// 2 minutes (``Simulator/KarpenterSettings/awsSpotNoticeSeconds``), as the scenario reader
    /// does when `spot.notice` is not given.
    public mutating func provision(
        with settings: KarpenterSettings, provider: String, regions: RegionCheck?
    ) throws(ParameterError) {
        guard provider == node.provider else {
            throw .invalidParameter(
                "the NodePool's node class is for \(provider), but the option's nodes run on \(node.provider); "
                    + "set the scenario's cloud.provider to \(provider)")
        }
        guard minNodes == 0 else {
            throw .invalidParameter(
                "Karpenter keeps no minimum node count (the option's nodePool.min is \(minNodes)); keep replicas "
                    + "warm with KEDA minReplicaCount")
        }
        var settings = settings
        if let offerings = try regions?.karpenterOfferings(settings, provider: provider, region: node.region) {
            settings.offerings = offerings
            node = offerings[0]
        }
        if karpenter == nil, provider == "aws", spot.noticeSeconds == SpotModel().noticeSeconds {
            spot.noticeSeconds = KarpenterSettings.awsSpotNoticeSeconds
        }
        karpenter = settings
    }
}
