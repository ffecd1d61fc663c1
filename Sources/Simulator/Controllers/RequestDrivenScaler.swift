/// The scaler of a request-driven platform (Modal, RunPod, Cloud Run): it starts instances on a
/// request's arrival (``RequestDrivenScaling``) and removes an idle one when its idle timeout
/// ends. Instances are nodes of the cluster holding one worker pod each. With a pending timeout
/// (Cloud Run), a request that finds every slot taken at the maximum — instances starting
/// included — is refused unless it starts within that wait.
final class RequestDrivenScaler: PlatformScaler {
    private let deployment: ServerlessDeployment
    private let scaling: RequestDrivenScaling
    private let pool: String
    /// The live instances (not being removed): node → its worker pod.
    @exclusivity(unchecked) private var pods: [Int32: Int32] = [:]
    /// Idle instances: node → when its last request finished (or it became ready with nothing to do).
    @exclusivity(unchecked) private var idleSince: [Int32: Double] = [:]
    @exclusivity(unchecked) private var starting = 0

    init(deployment: ServerlessDeployment, concurrency: Int) {
        self.deployment = deployment
        self.pool = deployment.platform.rawValue
        let settings = deployment.settings
        scaling = RequestDrivenScaling(
            concurrency: concurrency, minInstances: settings.minInstances, maxInstances: settings.maxInstances,
            idleTimeoutSeconds: settings.idleTimeoutSeconds)
    }

    var isAtRest: Bool { starting == 0 && pods.count <= scaling.minInstances }

    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        for _ in 0..<scaling.minInstances {
            let (node, pod) = system.startInstance(
                deployment.instance, pool: pool, startupSeconds: nil, engine: &engine)
            pods[node] = pod
            idleSince[node] = engine.now
        }
    }

    func requestArrived(
        in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>
    ) -> PlatformAdmission {
        let count = scaling.instancesToStart(requestsInSystem: system.broker.inSystem, instances: pods.count)
        if count > 0 { start(count, in: &system, engine: &engine) }
        guard let pending = deployment.settings.pendingTimeoutSeconds,
              scaling.isFull(requestsInSystem: system.broker.inSystem, instances: pods.count) else { return .wait }
        return .rejectUnlessStarted(withinSeconds: pending)
    }

    /// Starts `count` instances now.
    private func start(_ count: Int, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        if pods.isEmpty { system.activationsFromZero += 1 }
        if system.keepDecisions {
            system.log(
                .platform, at: engine.now, rule: "requests need more instances (concurrency \(scaling.concurrency))",
                inputs: "inSystem=\(system.broker.inSystem)", from: pods.count, to: pods.count + count)
        }
        let settings = deployment.settings
        for _ in 0..<count {
            let startup = settings.instanceStart.sample(using: &system.coldStartRandom)
                + settings.containerStart.sample(using: &system.coldStartRandom)
                + settings.modelLoad.sample(using: &system.coldStartRandom)
            let (node, pod) = system.startInstance(
                deployment.instance, pool: pool, startupSeconds: startup, engine: &engine)
            pods[node] = pod
            starting += 1
        }
    }

    func instanceReady(pod: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        starting -= 1
        markIfIdle(pod: pod, in: &system, engine: &engine)
    }

    func requestFinished(pod: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        markIfIdle(pod: pod, in: &system, engine: &engine)
    }

    /// An instance with nothing to do is idle from now: its removal is due after the idle timeout
    /// (a deadline that finds it busy, or idle since later, does nothing).
    private func markIfIdle(pod: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        let node = system.cluster.pods[Int(pod)].node
        guard pods[node] == pod, system.cluster.pods[Int(pod)].inService.isEmpty else { return }
        idleSince[node] = engine.now
        engine.schedule(.instanceIdleDeadline(node: node), at: scaling.removalSeconds(idleSince: engine.now))
    }

    func idleDeadline(node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        guard let since = idleSince[node], let pod = pods[node],
              system.cluster.pods[Int(pod)].inService.isEmpty,
              scaling.removes(idleSince: since, at: engine.now, instances: pods.count) else { return }
        if system.keepDecisions {
            system.log(
                .platform, at: engine.now, rule: "idle timeout (\(KEDAScaler.format(scaling.idleTimeoutSeconds)) s)",
                inputs: "node=\(node) idleSince=\(KEDAScaler.format(since))", from: pods.count, to: pods.count - 1)
        }
        pods[node] = nil
        idleSince[node] = nil
        system.removeInstance(node: node, pod: pod, engine: &engine)
    }
}
