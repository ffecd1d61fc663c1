/// A managed serverless GPU platform an option can run on instead of a Kubernetes cluster: each
/// platform instance holds one GPU and runs one worker, billed from its start until it is removed.
///
/// The platforms' facts (GPUs, defaults, price SKUs) are in one file each: ``PerSecondPlatform``
/// (Modal, RunPod Serverless), ``CloudRunPlatform`` (Google Cloud Run with GPUs),
/// ``ContainerAppsPlatform`` (Azure Container Apps serverless GPUs), ``SageMakerAsyncPlatform``
/// (SageMaker asynchronous inference) and ``SageMakerRealtimePlatform`` (SageMaker real-time
/// inference components).
public enum ServerlessPlatform: String, Sendable, Hashable, CaseIterable {
    case modal
    case runpod
    case cloudRun = "cloud-run"
    case containerApps = "container-apps"
    case sagemakerAsync = "sagemaker-async"
    case sagemakerRealtime = "sagemaker-realtime"

    /// What the platform is, its GPUs and its defaults.
    public var profile: PlatformProfile {
        switch self {
        case .modal: PerSecondPlatform.modal
        case .runpod: PerSecondPlatform.runpod
        case .cloudRun: CloudRunPlatform.profile
        case .containerApps: ContainerAppsPlatform.profile
        case .sagemakerAsync: SageMakerAsyncPlatform.profile
        case .sagemakerRealtime: SageMakerRealtimePlatform.profile
        }
    }

    /// The names of the platforms whose profile has `property` (`cloud-run`, …), in declaration
    /// order: what a message says a setting applies to.
    static func names(where property: (PlatformProfile) -> Bool) -> [String] {
        allCases.filter { property($0.profile) }.map(\.rawValue)
    }
}

/// One platform's facts: the provider and regions its catalog rows use, the GPUs it offers, its
/// default settings and the sources of those defaults.
public struct PlatformProfile: Sendable, Hashable {
    /// The catalog's provider of its price rows (`modal`, `runpod`, `gcp`, …).
    public var provider: String
    /// The region its price rows use when the platform prices every region alike (`global`);
    /// `nil`: the scenario's region.
    public var fixedRegion: String?
    /// The SKU prefix of its price rows, e.g. `cloud-run` in `cloud-run/nvidia-l4`.
    public var skuPrefix: String
    /// The GPU models it offers, as costsim names them (`T4`, `L4`, `A10G`, …).
    public var gpus: [String]
    /// The GPU an option gets when it names none.
    public var defaultGPU: String
    /// The settings an option starts from.
    public var defaults: ServerlessSettings
    /// The platform's hard limits on the settings (e.g. Cloud Run's 60-minute request timeout).
    public var limits: ServerlessLimits
    /// SKUs that do not follow `prefix/nvidia-gpu` (SageMaker's `ml.*` instance types), by GPU.
    public var skuNames: [String: String] = [:]
    /// An option may name its machine (`serverless.instanceType`, SageMaker's `ml.*` types): its
    /// SKU is then `prefix/type` and its GPU the one that price row carries.
    public var takesInstanceType = false
    /// The SKU suffix of an instance without zonal redundancy (Cloud Run's `-no-zonal-redundancy`:
    /// best-effort capacity, a lower rate); `nil`: the platform offers no such choice.
    public var noZonalRedundancySuffix: String? = nil

    /// The price SKU of an instance with `gpu`, e.g. `cloud-run/nvidia-l4`: `prefix/instanceType`
    /// when the option names its machine, the GPU's SKU with ``noZonalRedundancySuffix`` when it
    /// turns zonal redundancy off.
    public func sku(gpu: String, instanceType: String? = nil, zonalRedundancy: Bool = true) -> String {
        if let instanceType { return "\(skuPrefix)/\(instanceType)" }
        let sku = skuNames[gpu] ?? "\(skuPrefix)/nvidia-\(gpu.lowercased())"
        guard !zonalRedundancy, let suffix = noZonalRedundancySuffix else { return sku }
        return sku + suffix
    }

    /// The GPU model among ``gpus`` named `name` (any case), or nil.
    public func gpu(named name: String) -> String? {
        gpus.first { $0.lowercased() == name.lowercased() }
    }
}

/// A platform's bounds on the settings, beyond costsim's own.
public struct ServerlessLimits: Sendable, Hashable {
    /// The longest request timeout the platform accepts, in seconds.
    public var maxRequestTimeoutSeconds: Double
    /// The most requests one instance may run at once.
    public var maxConcurrency: Int
    /// The longest idle timeout the platform accepts, in seconds (nil: no stated limit).
    public var maxIdleTimeoutSeconds: Double?
    /// How the platform decides its instance count.
    public var scaler = ScalerKind.requestDriven
    /// The longest pending wait at the maximum (``ServerlessSettings/pendingTimeoutSeconds``) it
    /// accepts; nil: the platform does not refuse requests at its maximum.
    public var maxPendingTimeoutSeconds: Double?
    /// A request that arrives while no instance is ready is rejected at once (SageMaker
    /// real-time: no queue outside the instances).
    public var rejectsWithoutReadyInstance = false

    /// The platform's scaler polls a metric (``ServerlessSettings/pollingIntervalSeconds``)
    /// instead of reacting to each request.
    public var polls: Bool { scaler != .requestDriven }

    /// The platform's scaler is CloudWatch alarms (``ServerlessSettings/alarmEvaluations``).
    public var usesAlarms: Bool { scaler == .cloudWatchAlarms || scaler == .noCapacityAlarms }

    /// How a platform decides its instance count.
    public enum ScalerKind: Sendable, Hashable {
        /// On each request's arrival, and an idle timeout per instance (Modal, RunPod, Cloud Run).
        case requestDriven
        /// KEDA scale rules polled with the HPA behind them (Azure Container Apps).
        case kedaRules
        /// CloudWatch alarms on one-minute datapoints of the backlog (SageMaker asynchronous inference).
        case cloudWatchAlarms
        /// CloudWatch alarms on one-minute counts of failed invocations and of invocations per
        /// copy (SageMaker real-time inference components).
        case noCapacityAlarms
    }
}
