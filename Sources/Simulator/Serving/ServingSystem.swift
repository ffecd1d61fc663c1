import DequeModule

/// The serving path of the article's RPC pattern as an event-driven model: the API server
/// publishes each request to the broker's task queue, GPU worker pods consume it (RabbitMQ
/// round-robin among consumers with prefetch credit), run inference, and publish the reply;
/// the client waits at most the client timeout.
///
/// Its parts: the ``Broker`` (the queue and the messages in flight), the ``Cluster`` (nodes, pods,
/// the deployment's replica count), and the controllers that change it (``Controller``): a
/// ``PodAutoscaler`` (KEDA with the HPA, or Knative's KPA) and a ``NodeProvisioner`` (the
/// cluster autoscaler or Karpenter), each reacting to its own timer. A dedicated option has no controllers:
/// its nodes and pods exist from the start. Files: this one (events and the request path),
/// `+Cluster` (the cluster's events), `+Controllers` (the controllers' timers and quiet ticks).
struct ServingSystem: EventHandler {
    enum Event {
        /// The pending trace record arrives.
        case arrival
        /// `pod` finished the request in slot `request`; `token` identifies the service attempt.
        case serviceCompleted(pod: Int32, request: Int32, token: UInt32)
        /// VM boot finished: the kubelet registers the node (GPU not yet allocatable).
        case nodeRegistered(node: Int32)
        /// Driver and device plugin are up: the node's GPUs are allocatable.
        case nodeGPUReady(node: Int32)
        /// The VM stopped (deleted or preempted): billing ends.
        case nodeStopped(node: Int32)
        /// The spot VM receives its preemption notice.
        case preemptionNotice(node: Int32)
        /// Image pull, model load and readiness finished.
        case podStarted(pod: Int32)
        /// `terminationGracePeriodSeconds` ran out for a terminating pod.
        case podGraceExpired(pod: Int32)
        /// A controller's tick; events of a generation its timer no longer holds are ignored.
        case controllerTick(ControllerSlot, generation: UInt32)
        /// A time the node provisioner asked to be woken at (``NodeProvisioner/alarm(_:in:engine:)``),
        /// ranked with its ticks; it ignores generations it no longer holds.
        case provisionerAlarm(generation: UInt32)
        /// A serverless instance's idle timeout may have ended (``PlatformScaler``).
        case instanceIdleDeadline(node: Int32)
        /// The platform's pending wait for the request in slot `request` ended (``PlatformAdmission``).
        case pendingDeadline(request: Int32)
        /// The run has waited long enough for requests that may never finish.
        case drainDeadlineReached
    }

    // Configuration
    let scenario: Scenario
    /// The simulated option's name, for errors.
    var optionName = ""
    /// The simulated option's GPU speed: every service time is divided by its factor.
    var gpuSpeed = GPUSpeed.reference
    /// The run stops with ``SimulationError/overloaded(option:timeSeconds:requestsInSystem:)`` beyond this.
    var maxRequestsInSystem = SimulationLimits.maxRequestsInSystem
    let horizonSeconds: Double?
    let keepRecords: Bool
    let keepDecisions: Bool
    /// Requests one worker runs at once: the scenario's, or a serverless platform's per instance.
    var workerConcurrency: Int

    // Inputs
    var trace: any TraceSource
    var pendingRecord: TraceRecord?
    var traceExhausted = false
    /// What stopped the run early: a trace that failed to read, or an overload (``SimulationError``).
    var runError: (any Error)?
    var serviceNoise: Xoshiro256StarStar
    var coldStartRandom: Xoshiro256StarStar
    var preemptionRandom: Xoshiro256StarStar
    let controllerPhases: ControllerPhases

    // Broker and requests
    var broker = Broker()

    // Cluster
    var cluster = Cluster()
    var autoscaled: Shared<AutoscaledDeployment>?

    // Controllers (``ServingSystem+Controllers``), indexed by ``ControllerSlot/index``, with their
    // timers and the inputs they parked with. Stored inline: an array's copy-on-write check on
    // every timer update showed in profiles (4 % of a scale-to-zero run).
    var podAutoscaler: (any PodAutoscaler)?
    var provisioner: (any NodeProvisioner)?
    /// The scaler of a serverless option's instances (``ServingSystem+Instances``).
    var platform: (any PlatformScaler)?
    var controllers = InlineArray<5, (any Controller)?>(repeating: nil)
    /// The same controllers as reached on every tick and event (``UnownedController``).
    var unownedControllers = InlineArray<5, UnownedController?>(repeating: nil)
    var timers = InlineArray<5, ControllerTimer?>(repeating: nil)
    var parkedInputs = InlineArray<5, ControllerInputs>(repeating: ControllerInputs())
    var parkedCount = 0
    /// Skip ticks that provably change nothing (off only to test that skipping changes no result).
    var skipQuietTicks = true
    var stopWhenDrained = false

    // Time integrals
    var lastClock = 0.0
    /// Seconds so far during which no ready pod existed (cold-start waits are differences of it).
    var zeroCapacitySeconds = 0.0

    // Results
    var statistics = RequestStatistics()
    var timeline: Timeline
    var records: [RequestRecord] = []
    var decisions: [ScalingDecision] = []
    /// Each node's run within the observation period, taken when it ended (``closeObservation(at:)``).
    var observedNodeRuns: [NodeRun]?
    /// The end of the observation period, once it has passed: the horizon, or a trace's last arrival.
    var observationEndSeconds: Double?
    var gpuNodesCreated = 0
    var activationsFromZero = 0
    var preemptions = 0

    init(
        scenario: Scenario, trace: any TraceSource, seed: UInt64, replication: Int, keepRecords: Bool,
        keepDecisions: Bool
    ) {
        self.scenario = scenario
        self.horizonSeconds = scenario.effectiveHorizonSeconds
        self.trace = trace
        self.keepRecords = keepRecords
        self.keepDecisions = keepDecisions
        self.workerConcurrency = scenario.workers.concurrency
        self.serviceNoise = RandomStream.serviceNoise.generator(seed: seed, replication: replication)
        self.coldStartRandom = RandomStream.coldStart.generator(seed: seed, replication: replication)
        self.preemptionRandom = RandomStream.preemption.generator(seed: seed, replication: replication)
        self.controllerPhases = ControllerPhases(seed: seed, replication: replication)
        self.timeline = Timeline(bucketSeconds: scenario.timelineBucketSeconds)
        let slots = ControllerSlot.allCases.count
        precondition(controllers.count == slots && timers.count == slots && parkedInputs.count == slots, "one per slot")
    }

    // MARK: Event handling

    mutating func handle(_ event: Event, engine: inout Engine<Event>) {
        // A tick integrates nothing: the time averages advance at the events that change what
        // they integrate (and before a tick's own changes, see ``setSpecReplicas(_:engine:)``).
        var rank: UInt8 = 0
        if case .controllerTick(let slot, _) = event { rank = slot.rawValue } else { advanceClock(to: engine.now) }
        switch event {
        case .arrival: arrive(engine: &engine)
        case .serviceCompleted(let pod, let request, let token):
            complete(request: request, on: pod, token: token, engine: &engine)
        case .nodeRegistered(let node): nodeRegistered(node, engine: &engine)
        case .nodeGPUReady(let node): nodeGPUReady(node, engine: &engine)
        case .nodeStopped(let node): nodeStopped(node, engine: &engine)
        case .preemptionNotice(let node): preemptionNotice(node, engine: &engine)
        case .podStarted(let pod): podStarted(pod, engine: &engine)
        case .podGraceExpired(let pod): podGraceExpired(pod, engine: &engine)
        case .instanceIdleDeadline(let node): platform?.idleDeadline(node: node, in: &self, engine: &engine)
        case .pendingDeadline(let request): pendingDeadline(request, engine: &engine)
        case .controllerTick(let slot, let generation):
            // A tick that changed nothing another controller reads leaves nothing to wake or draw.
            guard tick(slot, generation: generation, engine: &engine) else {
                stopIfDone(engine: &engine)
                return
            }
        case .provisionerAlarm(let generation):
            rank = ControllerSlot.nodeProvisioner.rawValue   // it wakes parked controllers as its ticks would
            provisioner?.alarm(generation, in: &self, engine: &engine)
        case .drainDeadlineReached:
            engine.stop()
            return
        }
        if parkedCount > 0 { wakeParkedControllers(afterEventOfRank: rank, engine: &engine) }
        observeTimeline(at: engine.now)
        stopIfDone(engine: &engine)
    }

    /// Ends the run once the trace is over and everything admitted has been answered (and, with
    /// no horizon, the cluster has come to rest).
    @inline(__always)
    private mutating func stopIfDone(engine: inout Engine<Event>) {
        if traceExhausted && broker.inSystem == 0 && (stopWhenDrained || (horizonSeconds == nil && clusterAtRest)) {
            engine.stop()
        }
    }

    /// Reads the first record and schedules its arrival.
    mutating func start(engine: inout Engine<Event>) {
        scheduleNextArrival(engine: &engine)
        observeTimeline(at: 0)
    }

    private mutating func scheduleNextArrival(engine: inout Engine<Event>) {
        do {
            pendingRecord = try trace.next()
        } catch {
            runError = error
            pendingRecord = nil
            traceExhausted = true
            engine.stop()
            return
        }
        guard let record = pendingRecord, horizonSeconds.map({ record.arrivalSeconds < $0 }) ?? true else {
            pendingRecord = nil
            traceExhausted = true
            // Without a horizon, a trace is observed until its last arrival (now): every option
            // replaying it is priced over the same period, whatever its tail after the traffic.
            if horizonSeconds == nil && engine.now > 0 { closeObservation(at: engine.now) }
            // A configuration can keep a request from ever finishing (AMQP flapping with long
            // requests): the run stops this long after the last arrival (or the horizon).
            let deadline = Swift.max(horizonSeconds ?? engine.now, engine.now) + scenario.drainLimitSeconds
            engine.schedule(.drainDeadlineReached, at: deadline, rank: Self.drainDeadlineRank)
            return
        }
        // Only a trace without a horizon gets this far (``Scenario/validate()``).
        if record.arrivalSeconds > maxTimelineSeconds {
            runError = SimulationError.traceTooLong(
                spanSeconds: record.arrivalSeconds, bucketSeconds: scenario.timelineBucketSeconds)
            pendingRecord = nil
            traceExhausted = true
            engine.stop()
            return
        }
        engine.scheduleStreamEvent(.arrival, at: record.arrivalSeconds)
    }

    /// The longest run the timeline can hold (``Scenario/maxTimelineBuckets`` buckets).
    private var maxTimelineSeconds: Double { scenario.timelineBucketSeconds * Scenario.maxTimelineBuckets }

    private mutating func arrive(engine: inout Engine<Event>) {
        guard let record = pendingRecord else { return }
        let slot = broker.admit(Broker.Message(record: record, zeroCapacityMarkAtArrival: zeroCapacitySeconds))
        statistics.arrived += 1
        if broker.inSystem > maxRequestsInSystem {
            runError = SimulationError.overloaded(
                option: optionName, timeSeconds: engine.now, requestsInSystem: broker.inSystem)
            engine.stop()
            return
        }
        timeline.recordArrival(at: engine.now)
        broker.readyQueue.append(slot)
        dispatch(engine: &engine)
        if cluster.specReplicas == 0, let podAutoscaler {
            podAutoscaler.requestArrivedAtZero(in: &self, engine: &engine)
        }
        if let platform { admit(slot, platform.requestArrived(in: &self, engine: &engine), engine: &engine) }
        scheduleNextArrival(engine: &engine)
    }

    private mutating func complete(
        request slot: Int32, on podIndex: Int32, token: UInt32, engine: inout Engine<Event>
    ) {
        let index = Int(podIndex)
        guard broker.messages[Int(slot)].serviceToken == token,
              let position = cluster.pods[index].inService.firstIndex(of: slot) else {
            return   // the pod was killed and the request re-queued; this attempt no longer counts
        }
        let request = broker.messages[Int(slot)]
        let now = engine.now
        let sojourn = now - request.record.arrivalSeconds
        let timedOut = sojourn > scenario.clientTimeoutSeconds
        statistics.served += 1
        statistics.sojourn.record(sojourn)
        statistics.response.record(Swift.min(sojourn, scenario.clientTimeoutSeconds))
        statistics.wait.record(request.serviceStartSeconds - request.record.arrivalSeconds)
        statistics.service.record(request.serviceSeconds)
        if timedOut { statistics.timedOut += 1 }
        if keepRecords {
            records.append(RequestRecord(
                arrivalSeconds: request.record.arrivalSeconds, workSize: request.record.workSize,
                queueWaitSeconds:
                    request.serviceStartSeconds - request.record.arrivalSeconds - request.coldStartWaitSeconds,
                coldStartWaitSeconds: request.coldStartWaitSeconds, serviceSeconds: request.serviceSeconds,
                completionSeconds: now, timedOut: timedOut))
        }
        broker.remove(slot)
        broker.unacknowledged -= 1

        cluster.pods[index].inService.remove(at: position)
        cluster.changeBusyWorkers(on: cluster.pods[index].node, by: -1, at: lastClock)
        if cluster.pods[index].state == .terminating {
            if cluster.pods[index].inService.isEmpty { podGone(podIndex, engine: &engine) }
        } else {
            cluster.pods[index].credit += 1                   // the reply is published and the message acked
            if cluster.pods[index].credit == 1 && cluster.pods[index].state == .ready {
                broker.consumersWithCredit.append(podIndex)
            }
            if let next = cluster.pods[index].buffered.popFirst() { startService(next, on: podIndex, engine: &engine) }
        }
        dispatch(engine: &engine)
        if let platform { platform.requestFinished(pod: podIndex, in: &self, engine: &engine) }
    }

    // MARK: Broker

    /// Delivers ready messages to consumers with credit, round-robin.
    mutating func dispatch(engine: inout Engine<Event>) {
        dropExpiredMessages(at: engine.now)
        while !broker.readyQueue.isEmpty, let podIndex = broker.consumersWithCredit.popFirst() {
            let index = Int(podIndex)
            guard cluster.pods[index].state == .ready, cluster.pods[index].credit > 0 else { continue }   // stale entry
            let slot = broker.readyQueue.removeFirst()
            broker.unacknowledged += 1
            cluster.pods[index].credit -= 1
            if cluster.pods[index].credit > 0 { broker.consumersWithCredit.append(podIndex) }
            if cluster.pods[index].inService.count < workerConcurrency {
                startService(slot, on: podIndex, engine: &engine)
            } else {
                cluster.pods[index].buffered.append(slot)
            }
            dropExpiredMessages(at: engine.now)
        }
    }

    /// With a message TTL equal to the client timeout, expired messages are discarded at the head
    /// of the queue (uniform TTL keeps them in arrival order, so they always form a prefix).
    mutating func dropExpiredMessages(at now: Double) {
        guard scenario.dropExpiredMessages else { return }
        while let head = broker.readyQueue.first,
              broker.messages[Int(head)].record.arrivalSeconds + scenario.clientTimeoutSeconds <= now {
            advanceClock(to: now)                     // a controller's query can drop messages: integrate first
            broker.readyQueue.removeFirst()
            let request = broker.messages[Int(head)]
            statistics.timedOut += 1
            statistics.expiredUnserved += 1
            statistics.response.record(scenario.clientTimeoutSeconds)
            if keepRecords {
                let coldWait = zeroCapacitySeconds - request.zeroCapacityMarkAtArrival
                records.append(RequestRecord(
                    arrivalSeconds: request.record.arrivalSeconds, workSize: request.record.workSize,
                    queueWaitSeconds: now - request.record.arrivalSeconds - coldWait, coldStartWaitSeconds: coldWait,
                    serviceSeconds: 0, completionSeconds: nil, timedOut: true))
            }
            broker.remove(head)
        }
    }

    private mutating func startService(_ slot: Int32, on podIndex: Int32, engine: inout Engine<Event>) {
        let index = Int(slot)
        let now = engine.now
        let coldWait = zeroCapacitySeconds - broker.messages[index].zeroCapacityMarkAtArrival
        if coldWait > 0 && broker.messages[index].coldStartWaitSeconds == 0 {
            statistics.waitedForColdStart += 1
            statistics.coldStartWait.record(coldWait)
        }
        // A measured service time is the trace's own (taken on its GPU); a modelled one follows the option's GPU.
        let record = broker.messages[index].record
        let modelled = scenario.inference.serviceSeconds(for: record, using: &serviceNoise)
        let service = record.serviceSeconds == nil ? gpuSpeed.serviceSeconds(modelled) : modelled
        let token = broker.nextServiceToken()
        broker.messages[index].serviceStartSeconds = now
        broker.messages[index].serviceSeconds = service
        broker.messages[index].coldStartWaitSeconds = coldWait
        broker.messages[index].serviceToken = token
        broker.clearPendingDeadline(slot)
        cluster.pods[Int(podIndex)].inService.append(slot)
        cluster.changeBusyWorkers(on: cluster.pods[Int(podIndex)].node, by: 1, at: lastClock)
        engine.schedule(.serviceCompleted(pod: podIndex, request: slot, token: token), after: service)
    }

    // MARK: Bookkeeping

    /// Integrates the time averages up to `now`.
    @inline(__always)
    mutating func advanceClock(to now: Double) {
        let elapsed = now - lastClock
        guard elapsed > 0 else { return }
        statistics.requestSecondsInSystem += Double(broker.inSystem) * elapsed
        statistics.requestSecondsInQueue += Double(broker.readyQueue.count) * elapsed
        if cluster.readyPodCount == 0 { zeroCapacitySeconds += elapsed }
        lastClock = now
    }

    /// The integral of requests in the system up to `now` (seconds × requests), without advancing the clock.
    func requestSecondsInSystem(at now: Double) -> Double {
        statistics.requestSecondsInSystem + Double(broker.inSystem) * Swift.max(0, now - lastClock)
    }

    @inline(__always)
    private mutating func observeTimeline(at now: Double) {
        timeline.observe(
            at: now, queue: broker.readyQueue.count, busy: cluster.busyWorkers, pods: cluster.readyPodCount,
            nodes: cluster.liveGPUNodes.count)
    }

    /// Records a decision if the run keeps them. Callers check ``keepDecisions`` too, before they
    /// build the texts (formatting them on every scaling action cost ~15 % of a run).
    mutating func log(
        _ actor: ScalingDecision.Actor, at now: Double, rule: String, inputs: String, from: Int, to: Int
    ) {
        guard keepDecisions else { return }
        decisions.append(
            ScalingDecision(timeSeconds: now, actor: actor, rule: rule, inputs: inputs, from: from, to: to))
    }

    /// Ends the observation period now (`end`): keeps each node's run up to it, for the costs.
    mutating func closeObservation(at end: Double) {
        guard observationEndSeconds == nil else { return }
        observationEndSeconds = end
        observedNodeRuns = cluster.nodeRuns(upTo: end)
    }

    /// Closes the books at `end`: requests never answered, time averages and the timeline.
    /// Returns the node runs of the observation period (closed at `end` if still open) and of
    /// the whole run.
    mutating func finish(at end: Double) -> (observed: [NodeRun], toEnd: [NodeRun]) {
        advanceClock(to: end)
        for slot in broker.slotsInSystem {
            let waited = end - broker.messages[Int(slot)].record.arrivalSeconds
            statistics.unanswered += 1
            statistics.timedOut += 1
            statistics.response.record(Swift.min(waited, scenario.clientTimeoutSeconds))
        }
        timeline.close(at: end)
        let toEnd = cluster.nodeRuns(upTo: end)
        return (observedNodeRuns ?? toEnd, toEnd)
    }
}
