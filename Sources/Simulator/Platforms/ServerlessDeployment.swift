/// GPU workers on a managed serverless platform (``ServerlessPlatform``): the platform starts an
/// instance — one GPU, one worker running ``ServerlessSettings/concurrency`` requests — when
/// requests wait and no instance has room, and removes an instance above the minimum after its
/// idle timeout. Each instance is billed from its start until it is removed, at the platform's
/// price row for ``instance``.
public struct ServerlessDeployment: Sendable, Hashable {
    public var platform: ServerlessPlatform
    /// The GPU model, one of the platform's ``PlatformProfile/gpus``.
    public var gpu: String
    /// The region of a platform priced per region (Cloud Run); ignored by platforms with one
    /// global price (Modal, RunPod).
    public var region: String
    public var settings: ServerlessSettings

    /// `platform` with its default GPU and settings unless given.
    public init(
        platform: ServerlessPlatform, gpu: String? = nil, region: String = "us-central1",
        settings: ServerlessSettings? = nil
    ) {
        self.platform = platform
        self.gpu = gpu ?? platform.profile.defaultGPU
        self.region = region
        self.settings = settings ?? platform.profile.defaults
    }

    /// What one instance is, as the cost model prices it: the platform's SKU for the GPU in its
    /// provider and region (e.g. `gcp`, `us-central1`, `cloud-run/nvidia-l4`).
    public var instance: NodeSpec {
        let profile = platform.profile
        return NodeSpec(
            provider: profile.provider, region: profile.fixedRegion ?? region, machineType: profile.sku(gpu: gpu),
            gpuModel: gpu, gpuCount: 1)
    }

    /// `scenario` with the client's timeout cut to the platform's request timeout: a request the
    /// platform ends unanswered counts as timed out.
    public func limitingTimeout(of scenario: Scenario) -> Scenario {
        var limited = scenario
        limited.clientTimeoutSeconds = Swift.min(scenario.clientTimeoutSeconds, settings.requestTimeoutSeconds)
        return limited
    }

    public func validate() throws(ParameterError) {
        let profile = platform.profile
        guard profile.gpus.contains(gpu) else {
            throw .invalidParameter(
                "serverless.gpu '\(gpu)' is not offered by \(platform.rawValue) (offered: "
                    + "\(profile.gpus.joined(separator: ", ")))")
        }
        try settings.validate(limits: profile.limits)
    }
}
