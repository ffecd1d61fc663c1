/// A serverless option's instances: each is a node of the cluster (billed from its start until it
/// is removed) holding one worker pod, started and removed by the platform's scaler
/// (``PlatformScaler``) instead of a pod autoscaler and a node provisioner.
extension ServingSystem {
    /// Sets up `deployment`'s scaler and starts its always-warm instances.
    mutating func configurePlatform(_ deployment: ServerlessDeployment, engine: inout Engine<Event>) {
        let concurrency = deployment.settings.concurrency ?? scenario.workers.concurrency
        workerConcurrency = concurrency
        let scaler = deployment.makeScaler(concurrency: concurrency)
        platform = scaler
        scaler.start(in: &self, engine: &engine)
    }

    /// Starts an instance of `spec` now (billing starts now) whose worker serves after
    /// `startupSeconds`, or at once if nil (an always-warm instance at the start of the run).
    mutating func startInstance(
        _ spec: NodeSpec, pool: String, startupSeconds: Double?, engine: inout Engine<Event>
    ) -> (node: Int32, pod: Int32) {
        let node = addNode(pool: pool, spec: spec, at: engine.now, phase: .ready)
        let pod = cluster.addStartingPod(on: node, at: engine.now, credit: workerConcurrency)
        if let startupSeconds {
            gpuNodesCreated += 1
            cluster.refreshNodeState(Int(node), at: engine.now)
            engine.schedule(.podStarted(pod: pod), after: Swift.max(0, startupSeconds))
        } else {
            markPodReady(pod, engine: &engine)
        }
        return (node, pod)
    }

    /// Removes an idle instance now: its worker goes and its billing stops.
    mutating func removeInstance(node: Int32, pod: Int32, engine: inout Engine<Event>) {
        advanceClock(to: engine.now)
        terminatePod(pod, gracePeriod: 0, engine: &engine)
        cluster.specReplicas -= 1
        deleteNode(node, afterSeconds: 0, engine: &engine)
    }
}
