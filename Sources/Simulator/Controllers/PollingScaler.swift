/// The scaler of a polling platform (Azure Container Apps, SageMaker inference): a
/// controller in the ``ControllerSlot/platform`` slot that polls the requests in the system every
/// polling interval and sets the instance count by its ``PollingRules``. Scale-in removes
/// instances that are starting or idle, newest first; a busy instance stays until a later poll
/// finds it idle.
final class PollingScaler: PlatformScaler, Controller {
    private let deployment: ServerlessDeployment
    private let pool: String
    @exclusivity(unchecked) private var rules: any PollingRules
    /// The live instances, in creation order: node and worker pod.
    @exclusivity(unchecked) private var instances: [(node: Int32, pod: Int32)] = []

    private let rejectsWithoutReadyInstance: Bool

    init(deployment: ServerlessDeployment, rules: any PollingRules) {
        self.deployment = deployment
        rejectsWithoutReadyInstance = deployment.platform.profile.limits.rejectsWithoutReadyInstance
        self.pool = deployment.platform.rawValue
        self.rules = rules
    }

    var slot: ControllerSlot { .platform }

    var isAtRest: Bool { instances.count <= deployment.settings.minInstances }

    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        for _ in 0..<deployment.settings.minInstances {
            instances.append(
                system.startInstance(deployment.instance, pool: pool, startupSeconds: nil, engine: &engine))
        }
        let settings = deployment.settings
        system.startTimer(
            of: self, period: settings.pollingIntervalSeconds ?? 30, phase: settings.pollingPhaseSeconds,
            engine: &engine)
    }

    /// A platform without a queue of its own (SageMaker real-time) rejects a request while no
    /// instance is ready; the others keep it waiting.
    func requestArrived(
        in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>
    ) -> PlatformAdmission {
        rejectsWithoutReadyInstance && system.cluster.readyPodCount == 0 ? .reject : .wait
    }
    func instanceReady(pod: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}
    func requestFinished(pod: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}
    func idleDeadline(node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}

    /// The poll reads the requests in the system; the cooldown and the window move with the
    /// clock, so every poll runs (``isPredictable(before:after:)``).
    func inputs(_ readings: ControllerReadings) -> ControllerInputs {
        ControllerInputs(first: readings.inSystem, second: instances.count)
    }

    func isPredictable(before: ControllerInputs, after: ControllerInputs) -> Bool { false }

    func tick(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> Double {
        let now = engine.now
        let requests = system.broker.inSystem
        let before = instances.count
        let reading = PollReading(
            inSystem: requests, arrived: system.statistics.arrived, rejected: system.statistics.rejected)
        let target = rules.poll(at: now, reading: reading, instances: before)
        if target > before {
            if before == 0 { system.activationsFromZero += 1 }
            let settings = deployment.settings
            for _ in before..<target {
                let startup = settings.instanceStart.sample(using: &system.coldStartRandom)
                    + settings.containerStart.sample(using: &system.coldStartRandom)
                    + settings.modelLoad.sample(using: &system.coldStartRandom)
                instances.append(
                    system.startInstance(deployment.instance, pool: pool, startupSeconds: startup, engine: &engine))
            }
        } else if target < before {
            removeIdle(count: before - target, in: &system, engine: &engine)
        }
        if system.keepDecisions && instances.count != before {
            system.log(
                .platform, at: now, rule: rules.rule(from: before, to: instances.count), inputs: "requests=\(requests)",
                from: before, to: instances.count)
        }
        return now
    }

    /// Removes up to `count` instances that are starting or idle, newest first.
    private func removeIdle(count: Int, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        var left = count
        for index in instances.indices.reversed() where left > 0 {
            let (node, pod) = instances[index]
            let state = system.cluster.pods[Int(pod)].state
            guard state == .starting || (state == .ready && system.cluster.pods[Int(pod)].inService.isEmpty) else {
                continue
            }
            instances.remove(at: index)
            system.removeInstance(node: node, pod: pod, engine: &engine)
            left -= 1
        }
    }
}
