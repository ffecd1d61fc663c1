import DequeModule

/// The serving path of the article's RPC pattern as an event-driven model: the API server
/// publishes each request to the broker's task queue, GPU worker pods consume it (RabbitMQ
/// round-robin among consumers with prefetch credit), run inference, and publish the reply;
/// the client waits at most the client timeout.
///
/// The model owns nodes and pods but no policy: which nodes and pods exist is decided by
/// whoever drives it (here the dedicated option; autoscalers plug in the same way, through
/// timers of their own and the node/pod operations below).
struct ServingSystem: EventHandler {
    enum Event {
        /// The pending trace record arrives.
        case arrival
        /// `pod` finished the request in slot `request`.
        case serviceCompleted(pod: Int32, request: Int32)
    }

    struct Pod {
        var node: Int32
        var ready: Bool
        var busy: Int = 0
        var credit: Int
        var buffered = Deque<Int32>()
    }

    struct Node {
        var pool: String
        var spec: NodeSpec
        var startSeconds: Double
        var readySeconds: Double?
        var state: NodeState
        var stateSince: Double
        var durations = NodeStateDurations()
        var busyWorkers = 0
        var deletedSeconds: Double?
        /// System nodes host no workers; their whole life counts as serving the cluster.
        var isSystem: Bool
    }

    struct InFlight {
        var record: TraceRecord
        var zeroCapacityMarkAtArrival: Double
        var serviceStartSeconds = 0.0
        var serviceSeconds = 0.0
        var coldStartWaitSeconds = 0.0
    }

    // Configuration
    let scenario: Scenario
    let horizonSeconds: Double?
    let keepRecords: Bool

    // Inputs
    private var trace: any TraceSource
    private var pendingRecord: TraceRecord?
    private(set) var traceError: (any Error)?
    private var serviceNoise: Xoshiro256StarStar

    // State
    private var requests: [InFlight] = []
    private var freeSlots: [Int32] = []
    private var readyQueue = Deque<Int32>()
    private var consumersWithCredit = Deque<Int32>()
    private(set) var pods: [Pod] = []
    private(set) var nodes: [Node] = []
    private var readyPodCount = 0
    private var liveNodeCount = 0
    private var busyWorkers = 0
    private var inSystem = 0
    private var lastClock = 0.0
    /// Seconds so far during which no ready pod existed (cold-start waits are differences of it).
    private var zeroCapacitySeconds = 0.0

    // Results
    private(set) var statistics = RequestStatistics()
    private(set) var timeline: Timeline
    private(set) var records: [RequestRecord] = []

    init(scenario: Scenario, trace: any TraceSource, seed: UInt64, replication: Int, keepRecords: Bool) {
        self.scenario = scenario
        self.horizonSeconds = scenario.effectiveHorizonSeconds
        self.trace = trace
        self.keepRecords = keepRecords
        self.serviceNoise = RandomStream.serviceNoise.generator(seed: seed, replication: replication)
        self.timeline = Timeline(bucketSeconds: scenario.timelineBucketSeconds)
    }

    // MARK: Event handling

    mutating func handle(_ event: Event, engine: inout Engine<Event>) {
        advanceClock(to: engine.now)
        switch event {
        case .arrival:
            arrive(engine: &engine)
        case .serviceCompleted(let pod, let request):
            complete(request: request, on: pod, engine: &engine)
        }
        observeTimeline(at: engine.now)
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
            traceError = error
            pendingRecord = nil
            engine.stop()
            return
        }
        guard let record = pendingRecord else { return }
        if let horizonSeconds, record.arrivalSeconds >= horizonSeconds {
            pendingRecord = nil
            return
        }
        engine.schedule(.arrival, at: record.arrivalSeconds)
    }

    private mutating func arrive(engine: inout Engine<Event>) {
        guard let record = pendingRecord else { return }
        let slot = allocate(InFlight(record: record, zeroCapacityMarkAtArrival: zeroCapacitySeconds))
        statistics.arrived += 1
        inSystem += 1
        timeline.recordArrival(at: engine.now)
        readyQueue.append(slot)
        dispatch(engine: &engine)
        scheduleNextArrival(engine: &engine)
    }

    private mutating func complete(request slot: Int32, on podIndex: Int32, engine: inout Engine<Event>) {
        let request = requests[Int(slot)]
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
                queueWaitSeconds: request.serviceStartSeconds - request.record.arrivalSeconds - request.coldStartWaitSeconds,
                coldStartWaitSeconds: request.coldStartWaitSeconds, serviceSeconds: request.serviceSeconds,
                completionSeconds: now, timedOut: timedOut))
        }
        release(slot)
        inSystem -= 1

        let index = Int(podIndex)
        pods[index].busy -= 1
        changeBusyWorkers(on: pods[index].node, by: -1, at: now)
        pods[index].credit += 1                       // the reply is published and the message acked
        if pods[index].credit == 1 && pods[index].ready { consumersWithCredit.append(podIndex) }
        if let next = pods[index].buffered.popFirst() {
            startService(next, on: podIndex, engine: &engine)
        }
        dispatch(engine: &engine)
    }

    // MARK: Broker

    /// Delivers ready messages to consumers with credit, round-robin.
    private mutating func dispatch(engine: inout Engine<Event>) {
        dropExpiredMessages(at: engine.now)
        while !readyQueue.isEmpty, let podIndex = consumersWithCredit.popFirst() {
            let slot = readyQueue.removeFirst()
            let index = Int(podIndex)
            pods[index].credit -= 1
            if pods[index].credit > 0 { consumersWithCredit.append(podIndex) }
            if pods[index].busy < scenario.workers.concurrency {
                startService(slot, on: podIndex, engine: &engine)
            } else {
                pods[index].buffered.append(slot)
            }
            dropExpiredMessages(at: engine.now)
        }
    }

    /// With a message TTL equal to the client timeout, expired messages are discarded at the head
    /// of the queue (uniform TTL keeps them in arrival order, so they always form a prefix).
    private mutating func dropExpiredMessages(at now: Double) {
        guard scenario.dropExpiredMessages else { return }
        while let head = readyQueue.first,
              requests[Int(head)].record.arrivalSeconds + scenario.clientTimeoutSeconds <= now {
            readyQueue.removeFirst()
            let request = requests[Int(head)]
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
            release(head)
            inSystem -= 1
        }
    }

    private mutating func startService(_ slot: Int32, on podIndex: Int32, engine: inout Engine<Event>) {
        let index = Int(slot)
        let now = engine.now
        let coldWait = zeroCapacitySeconds - requests[index].zeroCapacityMarkAtArrival
        if coldWait > 0 {
            statistics.waitedForColdStart += 1
            statistics.coldStartWait.record(coldWait)
        }
        let service = scenario.inference.serviceSeconds(for: requests[index].record, using: &serviceNoise)
        requests[index].serviceStartSeconds = now
        requests[index].serviceSeconds = service
        requests[index].coldStartWaitSeconds = coldWait
        pods[Int(podIndex)].busy += 1
        changeBusyWorkers(on: pods[Int(podIndex)].node, by: 1, at: now)
        engine.schedule(.serviceCompleted(pod: podIndex, request: slot), after: service)
    }

    // MARK: Nodes and pods

    /// Adds a node (billing starts now); it is ready at once if `ready`.
    @discardableResult
    mutating func addNode(pool: String, spec: NodeSpec, at now: Double, ready: Bool, isSystem: Bool = false) -> Int32 {
        let state: NodeState = isSystem ? .serving : (ready ? .idle : .coldStart)
        nodes.append(Node(
            pool: pool, spec: spec, startSeconds: now, readySeconds: ready ? now : nil,
            state: state, stateSince: now, isSystem: isSystem))
        liveNodeCount += 1
        return Int32(nodes.count - 1)
    }

    /// Adds a worker pod on `node`; a ready pod starts consuming at once.
    @discardableResult
    mutating func addPod(on node: Int32, ready: Bool, engine: inout Engine<Event>) -> Int32 {
        pods.append(Pod(node: node, ready: false, credit: scenario.workers.prefetch))
        let index = Int32(pods.count - 1)
        if ready { markPodReady(index, engine: &engine) }
        return index
    }

    mutating func markPodReady(_ podIndex: Int32, engine: inout Engine<Event>) {
        let index = Int(podIndex)
        guard !pods[index].ready else { return }
        advanceClock(to: engine.now)
        pods[index].ready = true
        readyPodCount += 1
        let node = Int(pods[index].node)
        if nodes[node].readySeconds == nil { nodes[node].readySeconds = engine.now }
        if nodes[node].state == .coldStart { setState(of: node, to: .idle, at: engine.now) }
        if pods[index].credit > 0 { consumersWithCredit.append(podIndex) }
        dispatch(engine: &engine)
    }

    private mutating func changeBusyWorkers(on node: Int32, by delta: Int, at now: Double) {
        busyWorkers += delta
        let index = Int(node)
        let before = nodes[index].busyWorkers
        nodes[index].busyWorkers += delta
        if before == 0 && delta > 0 { setState(of: index, to: .serving, at: now) }
        if nodes[index].busyWorkers == 0 && before > 0 { setState(of: index, to: .idle, at: now) }
    }

    private mutating func setState(of node: Int, to state: NodeState, at now: Double) {
        nodes[node].durations[nodes[node].state] += now - nodes[node].stateSince
        nodes[node].state = state
        nodes[node].stateSince = now
    }

    // MARK: Bookkeeping

    /// Integrates the time averages up to `now`.
    @inline(__always)
    private mutating func advanceClock(to now: Double) {
        let elapsed = now - lastClock
        guard elapsed > 0 else { return }
        statistics.requestSecondsInSystem += Double(inSystem) * elapsed
        statistics.requestSecondsInQueue += Double(readyQueue.count) * elapsed
        if readyPodCount == 0 { zeroCapacitySeconds += elapsed }
        lastClock = now
    }

    @inline(__always)
    private mutating func observeTimeline(at now: Double) {
        timeline.observe(at: now, queue: readyQueue.count, busy: busyWorkers, pods: readyPodCount, nodes: liveNodeCount)
    }

    private mutating func allocate(_ request: InFlight) -> Int32 {
        if let slot = freeSlots.popLast() {
            requests[Int(slot)] = request
            return slot
        }
        requests.append(request)
        return Int32(requests.count - 1)
    }

    private mutating func release(_ slot: Int32) { freeSlots.append(slot) }

    /// Closes the books at `end`: node durations, time averages and the timeline.
    mutating func finish(at end: Double) -> [NodeRun] {
        advanceClock(to: end)
        timeline.close(at: end)
        return nodes.indices.map { index in
            let node = nodes[index]
            let stop = node.deletedSeconds ?? end
            var durations = node.durations
            if node.deletedSeconds == nil { durations[node.state] += end - node.stateSince }
            return NodeRun(
                nodeID: index, pool: node.pool, machine: node.spec, startSeconds: node.startSeconds, endSeconds: stop,
                readySeconds: node.readySeconds, runningAtEnd: node.deletedSeconds == nil, durations: durations)
        }
    }
}
