/// What adds and removes the autoscaled pool's GPU nodes (the cluster autoscaler, Karpenter): a
/// controller in the ``ControllerSlot/nodeProvisioner`` slot that reads the pending pods and the
/// live GPU nodes — the inputs ``Cluster/revision`` tracks — creates nodes through
/// ``ServingSystem/provisionNode(_:spec:engine:)`` and deletes them through
/// ``ServingSystem/deleteNode(_:afterSeconds:engine:)``.
///
/// Besides its ticks it hears about the cluster through the hooks below (all optional), and it
/// may ask to be woken at a time of its own (``ServingSystem/Event/provisionerAlarm(generation:)``).
protocol NodeProvisioner: Controller {
    /// Creates the pool's minimum nodes, at the start of the run (before the pod autoscaler starts).
    func addInitialNodes(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// Starts its timer, after the pod autoscaler's.
    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// Pods may have become pending or a node went away: a provisioner that reacts to that at once
    /// (the cluster autoscaler's frequent loops) runs now (``ServingSystem/runNow(_:engine:)``).
    func podsMayBePending(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// The kubelet of `node` registered (the VM booted).
    func nodeRegistered(_ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// `node`'s GPUs became allocatable: pods can bind to it.
    func nodeInitialized(_ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// A pod on `node` was bound, started terminating or ended.
    func podEvent(on node: Int32, at now: Double)

    /// The cloud warned that it reclaims spot `node` after the spot notice.
    func spotInterruptionNotice(
        _ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// The alarm of `generation` it asked for rang.
    func alarm(_ generation: UInt32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)
}

extension NodeProvisioner {
    var slot: ControllerSlot { .nodeProvisioner }

    /// What a provisioner reads changes exactly when the cluster's revision does.
    func inputs(_ readings: ControllerReadings) -> ControllerInputs {
        ControllerInputs(revision: readings.clusterRevision)
    }

    func nodeRegistered(_ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}
    func nodeInitialized(_ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}
    func podEvent(on node: Int32, at now: Double) {}
    func alarm(_ generation: UInt32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}

    /// By default the node shuts down gracefully within the notice (GKE's behaviour).
    func spotInterruptionNotice(
        _ node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>
    ) {
        system.reclaimAfterNotice(node, engine: &engine)
    }
}
