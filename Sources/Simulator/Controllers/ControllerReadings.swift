/// Everything of the broker and the cluster a controller's inputs (``Controller/inputs(_:)``) may
/// depend on, read once for every controller that asks: besides these, a controller's inputs
/// depend only on its own state (and that of the controllers it reads, such as the HPA's KEDA).
struct ControllerReadings: Equatable {
    var readyMessages: Int
    var unacknowledged: Int
    var inSystem: Int
    var specReplicas: Int
    var activePods: Int
    var readyPods: Int
    /// ``Cluster/revision``: a node provisioner's inputs.
    var clusterRevision: UInt64
    /// Messages expire (a TTL equal to the client timeout): a query of the queue drops them.
    var dropsExpiredMessages: Bool
}
