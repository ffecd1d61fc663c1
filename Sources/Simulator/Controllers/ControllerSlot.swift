/// A controller's place in the serving model: the rank of its ticks among events due at the same
/// instant, and which of the replication's phase draws starts its tick grid (``ControllerPhases``).
///
/// Ticks come after cluster and request events (rank 0), so a controller sees the state of that
/// instant; KEDA before the HPA it feeds; the node provisioner after them; a serverless
/// platform's polling scaler (an option without a cluster) last. An option runs at most one
/// controller per slot: a new node provisioner takes `.nodeProvisioner`.
enum ControllerSlot: UInt8, CaseIterable {
    case keda = 1, hpa, knative, nodeProvisioner, platform

    /// Position in per-slot storage (0-based).
    var index: Int { Int(rawValue) - 1 }
}
