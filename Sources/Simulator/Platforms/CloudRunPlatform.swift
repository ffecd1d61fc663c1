/// Google Cloud Run services with a GPU (one NVIDIA L4 per instance, at least 4 vCPU and 16 GiB).
/// GPU services need instance-based billing: GPU, CPU and memory are billed for the instance's
/// whole life — start-up, requests, idle and shutdown. Scaling from zero starts only on a request,
/// which waits for the instance; an idle instance may be kept for up to 15 minutes before scale-in
/// (not configurable: sweep `idleTimeout` to see what it costs). Requests time out after 5 minutes
/// by default, 60 at most. At the maximum instances, a request with no free slot waits up to
/// 10 s for one, then gets HTTP 429 (``ServerlessSettings/pendingTimeoutSeconds``). Startup: the
/// instance with its drivers in about 5 s, then image streaming and the serving engine (about
/// 6–17 s measured), then the model. Price rows: provider `gcp`, the scenario's region, SKU
/// `cloud-run/nvidia-l4` (GPU + 4 vCPU + 16 GiB per hour, with zonal redundancy, Cloud Run's
/// default) or, with `zonalRedundancy: false`, `cloud-run/nvidia-l4-no-zonal-redundancy`
/// (best-effort capacity after a zonal outage, a lower rate).
public enum CloudRunPlatform {
    public static let profile = PlatformProfile(
        provider: "gcp", fixedRegion: nil, skuPrefix: "cloud-run", gpus: ["L4"], defaultGPU: "L4",
        defaults: ServerlessSettings(
            maxInstances: 100, idleTimeoutSeconds: 900, instanceStart: .constant(5),
            containerStart: .uniform(lower: 6, upper: 17), modelLoad: ServerlessSettings.articleModelLoad,
            requestTimeoutSeconds: 300, pendingTimeoutSeconds: 10),
        limits: ServerlessLimits(
            maxRequestTimeoutSeconds: 3600, maxConcurrency: 1000, maxIdleTimeoutSeconds: nil,
            maxPendingTimeoutSeconds: 3600),
        noZonalRedundancySuffix: "-no-zonal-redundancy")
}
