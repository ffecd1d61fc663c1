/// Per-second serverless GPU clouds: Modal and RunPod Serverless. A container (worker) starts when
/// requests wait and none has room, is billed per second from its start until it stops —
/// start, model load, requests and the idle window included — and stops after the idle window
/// (Modal's `scaledown_window`, RunPod's idle timeout) with nothing to do. Price rows:
/// provider `modal`/`runpod`, region `global`, SKU `modal/nvidia-t4`, `runpod/nvidia-l4`, ….
public enum PerSecondPlatform {
    /// Modal: `scaledown_window` 60 s by default (2 … 1200 s), `timeout` 300 s (at most 24 h),
    /// container start about 1 s before the model's own load; no maximum unless `max_containers`.
    public static let modal = PlatformProfile(
        provider: "modal", fixedRegion: "global", skuPrefix: "modal",
        gpus: ["T4", "L4", "A10G", "L40S", "A100", "A100-80GB", "H100", "H200", "B200"], defaultGPU: "T4",
        defaults: ServerlessSettings(
            maxInstances: 100, idleTimeoutSeconds: 60, instanceStart: .constant(1), containerStart: .constant(0),
            modelLoad: ServerlessSettings.articleModelLoad, requestTimeoutSeconds: 300),
        limits: ServerlessLimits(
            maxRequestTimeoutSeconds: 86_400, maxConcurrency: SimulationLimits.maxWorkerSlots,
            maxIdleTimeoutSeconds: 1200))

    /// RunPod Serverless (flex workers): idle timeout 5 s, max workers 3, execution timeout 600 s
    /// (5 s … 7 days); FlashBoot starts a cached worker in a few seconds (2 s here, an estimate).
    /// No T4 in its price list.
    public static let runpod = PlatformProfile(
        provider: "runpod", fixedRegion: "global", skuPrefix: "runpod",
        gpus: ["L4", "A4000", "A5000", "A6000", "L40S", "A100", "H100"], defaultGPU: "L4",
        defaults: ServerlessSettings(
            maxInstances: 3, idleTimeoutSeconds: 5, instanceStart: .constant(2), containerStart: .constant(0),
            modelLoad: ServerlessSettings.articleModelLoad, requestTimeoutSeconds: 600),
        limits: ServerlessLimits(
            maxRequestTimeoutSeconds: 7 * 86_400, maxConcurrency: SimulationLimits.maxWorkerSlots,
            maxIdleTimeoutSeconds: nil),
        skuNames: [
            "A4000": "runpod/nvidia-rtx-a4000", "A5000": "runpod/nvidia-rtx-a5000", "A6000": "runpod/nvidia-rtx-a6000",
            "A100": "runpod/nvidia-a100-80gb",
        ])
}
