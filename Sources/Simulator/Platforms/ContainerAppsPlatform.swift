/// Azure Container Apps serverless GPUs (Consumption GPU workload profiles: one NVIDIA T4 or A100
/// per replica). Replicas are scaled by KEDA rules: every `pollingInterval` (30 s) the HTTP rule
/// aims at `concurrentRequests` (10) requests per replica, between `minReplicas` (0) and
/// `maxReplicas` (10); with no request for `cooldownPeriod` (300 s, the `idleTimeout` here) the
/// app goes to zero. Billing is per second of vCPU, memory and GPU while a replica exists, with no
/// reduced idle rate for GPU apps. The HTTP ingress times requests out after 240 s. Price rows:
/// provider `azure`, the scenario's region, SKU `container-apps/nvidia-t4` (GPU, vCPU and memory of
/// the profile per hour). Start-up figures are not published: costsim's estimates.
public enum ContainerAppsPlatform {
    public static let profile = PlatformProfile(
        provider: "azure", fixedRegion: nil, skuPrefix: "container-apps", gpus: ["T4", "A100"], defaultGPU: "T4",
        defaults: ServerlessSettings(
            maxInstances: 10, idleTimeoutSeconds: 300, instanceStart: .constant(30),
            containerStart: ColdStartModel.typicalGKE.imagePull, modelLoad: ServerlessSettings.articleModelLoad,
            requestTimeoutSeconds: 240, pollingIntervalSeconds: 30, concurrentRequests: 10),
        limits: ServerlessLimits(
            maxRequestTimeoutSeconds: 240, maxConcurrency: SimulationLimits.maxWorkerSlots, maxIdleTimeoutSeconds: nil,
            scaler: .kedaRules))
}
