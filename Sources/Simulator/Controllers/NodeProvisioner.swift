/// What adds and removes the autoscaled pool's GPU nodes (the cluster autoscaler): a controller
/// in the ``ControllerSlot/nodeProvisioner`` slot that reads the pending pods and the live GPU
/// nodes — the inputs ``Cluster/revision`` tracks — creates nodes through
/// ``ServingSystem/provisionNode(_:engine:)`` and deletes empty ones through
/// ``ServingSystem/deleteNode(_:afterSeconds:engine:)``.
protocol NodeProvisioner: Controller {
    /// Creates the pool's minimum nodes, at the start of the run (before the pod autoscaler starts).
    func addInitialNodes(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// Starts its timer, after the pod autoscaler's.
    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// Pods may have become pending or a node went away: a provisioner that reacts to that at once
    /// (the cluster autoscaler's frequent loops) runs now (``ServingSystem/runNow(_:engine:)``).
    func podsMayBePending(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)
}

extension NodeProvisioner {
    var slot: ControllerSlot { .nodeProvisioner }

    /// What a provisioner reads changes exactly when the cluster's revision does.
    func inputs(_ readings: ControllerReadings) -> ControllerInputs {
        ControllerInputs(revision: readings.clusterRevision)
    }
}
