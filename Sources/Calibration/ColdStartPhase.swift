/// A measured interval of a scale-up and the ``Simulator/ColdStartModel`` phase it calibrates
/// (the mapping and its assumptions: docs/calibration.md).
public enum ColdStartPhase: String, CaseIterable, Sendable, Codable {
    /// `TriggeredScaleUp` (Karpenter: the NodeClaim's creation) → node Ready: VM creation, boot,
    /// kubelet registration and node Ready.
    case vmBoot
    /// Node Ready → pod scheduled on it (Karpenter: the NodeClaim's `Initialized`): the GPU driver and
    /// the device plugin (the pod binds only once `nvidia.com/gpu` is allocatable). Calibrates
    /// `driverInstall`; `devicePlugin` is set to 0.
    case driverInstall
    /// The kubelet's `Pulled` duration, including the wait in its pull queue.
    case imagePull
    /// Container started → pod Ready: model load, warm-up and the readiness probe. Calibrates
    /// `modelLoad`; `readiness` is set to 0.
    case modelLoad

    /// The interval, in words (table and fragment comments).
    public var interval: String {
        switch self {
        case .vmBoot: "TriggeredScaleUp or NodeClaim -> node Ready"
        case .driverInstall: "node Ready -> Initialized or pod scheduled"
        case .imagePull: "Pulled event duration, including waiting"
        case .modelLoad: "container started -> pod Ready"
        }
    }

    /// The `coldStart:` key set to 0 because this phase's measurement already contains it.
    public var foldedKey: String? {
        switch self {
        case .driverInstall: "devicePlugin"
        case .modelLoad: "readiness"
        case .vmBoot, .imagePull: nil
        }
    }
}
