import CostModel
import Simulator

/// A simulated run seen the way a cluster records itself, on the wall clock: the GPU VMs with their
/// charges, and each ``ObservedMetric`` as a step function of Unix time (what `costsim validate`
/// compares with the recorded data; docs/calibration.md).
public struct SimulatedCluster: Sendable {
    /// One GPU VM within the observation period.
    public struct Node: Sendable, Hashable {
        /// Unix seconds of VM creation and deletion (or the end of the period).
        public var start, end: Double
        public var pool: String
        public var spot: Bool
        /// Machine and GPU charge of the run, and the GPU part alone.
        public var charge: Money
        public var gpuCharge: Money
        /// VM creation → its first pod ready; `nil` if no pod became ready.
        public var coldStartSeconds: Double?
    }

    /// A metric's value before ``changes`` and each change (Unix seconds, value after), in time order.
    public struct Steps: Sendable {
        public var initial: Double
        public var changes: [(time: Double, value: Double)]

        /// The value at `time`.
        public func value(at time: Double) -> Double {
            var low = 0, high = changes.count
            while low < high {
                let middle = (low + high) / 2
                if changes[middle].time <= time { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? initial : changes[low - 1].value
        }

        /// The times within (from, to] at which the value goes up.
        public func rises(from: Double, to: Double) -> [Double] {
            var previous = value(at: from), times: [Double] = []
            for change in changes where change.time > from && change.time <= to {
                if change.value > previous { times.append(change.time) }
                previous = change.value
            }
            return times
        }
    }

    /// Unix seconds of simulated time 0, and of the end of the observation period.
    public var periodStart: Double
    public var periodEnd: Double
    public var nodes: [Node]
    /// GPUs per GPU node (to turn GPU-hours into node-hours).
    public var gpusPerNode: Int
    /// The scenario's GPU node is spot.
    public var spot: Bool
    /// Each metric's steps; `replicas` is absent when the run made no scaling decision (dedicated).
    public var steps: [ObservedMetric: Steps]
    /// A simulated node counts in the `nodes` steps from VM creation plus this (the scenario's mean
    /// vmBoot: kubelet registration) until VM deletion less the scenario's VM deletion time.
    public var registrationSeconds: Double

    /// `result` (run with its decisions kept) and its charges, with simulated time 0 at Unix `origin`.
    public init(result: SimulationResult, charges: [NodeRunCharge], origin: Double) {
        periodStart = origin
        periodEnd = origin + result.horizonSeconds
        var chargeOf: [String: NodeRunCharge] = [:]
        for charge in charges { chargeOf["\(charge.pool)/\(charge.nodeID)"] = charge }
        nodes = result.gpuNodeRuns.map { run in
            let charge = chargeOf["\(run.pool)/\(run.nodeID)"]
            return Node(
                start: origin + run.startSeconds, end: origin + run.endSeconds, pool: run.pool, spot: run.machine.spot,
                charge: charge?.total ?? .zero, gpuCharge: charge?.gpuCost ?? .zero,
                coldStartSeconds: run.readySeconds.map { $0 - run.startSeconds })
        }
        let gpuNode: NodeSpec
        // A Node object exists from kubelet registration (the end of the model's vmBoot) until the
        // autoscaler deletes it, before the VM stops: what kube-state-metrics counts.
        var registration = 0.0, deletion = 0.0
        switch result.option.kind {
        case .dedicated(let dedicated): gpuNode = dedicated.node
        case .autoscaled(let autoscaled):
            gpuNode = autoscaled.node
            registration = autoscaled.coldStart.vmBoot.mean
            deletion = autoscaled.vmDeletionSeconds
        case .serverless(let serverless): gpuNode = serverless.instance
        }
        registrationSeconds = registration
        gpusPerNode = max(1, gpuNode.gpuCount)
        spot = gpuNode.spot

        var steps: [ObservedMetric: Steps] = [:]
        var nodeChanges: [(time: Double, delta: Double)] = []
        for node in nodes {
            let registered = node.start + registration, deleted = node.end - deletion
            guard registered < deleted else { continue }
            nodeChanges.append((registered, 1))
            if node.end < periodEnd { nodeChanges.append((deleted, -1)) }
        }
        nodeChanges.sort { $0.time < $1.time }
        var count = 0.0
        var nodeSteps = Steps(initial: 0, changes: [])
        for (index, change) in nodeChanges.enumerated() {
            count += change.delta
            if index + 1 < nodeChanges.count, nodeChanges[index + 1].time == change.time { continue }
            nodeSteps.changes.append((change.time, count))
        }
        steps[.nodes] = nodeSteps
        let scaling = result.decisions.filter { [.keda, .hpa, .knative].contains($0.actor) }
        if let first = scaling.first {
            steps[.replicas] = Steps(
                initial: Double(first.from), changes: scaling.map { (origin + $0.timeSeconds, Double($0.to)) })
        }
        let timeline = result.timeline
        func bucketSteps(_ values: [UInt32]) -> Steps {
            var series = Steps(initial: Double(values.first ?? 0), changes: [])
            for index in values.indices.dropFirst() where values[index] != values[index - 1] {
                series.changes.append((origin + timeline.startSeconds(ofBucket: index), Double(values[index])))
            }
            return series
        }
        steps[.ready] = bucketSteps(timeline.readyPods)
        steps[.queue] = bucketSteps(timeline.queueDepth)
        self.steps = steps
    }

    /// GPU node-seconds within `intervals` (disjoint, Unix seconds).
    public func nodeSeconds(within intervals: [(start: Double, end: Double)]) -> Double {
        nodes.reduce(0) { sum, node in sum + Self.overlap(node.start, node.end, intervals) }
    }

    /// The charges of the GPU VMs apportioned to `intervals` by their seconds in them (all of it, or
    /// the GPU part alone).
    public func charge(within intervals: [(start: Double, end: Double)], gpuOnly: Bool) -> Money {
        nodes.reduce(Money.zero) { sum, node in
            let seconds = node.end - node.start
            guard seconds > 0 else { return sum }
            let share = Self.overlap(node.start, node.end, intervals) / seconds
            let total = Double((gpuOnly ? node.gpuCharge : node.charge).nanoDollars)
            return sum + Money(nanoDollars: Int64((total * share).rounded()))
        }
    }

    static func overlap(_ start: Double, _ end: Double, _ intervals: [(start: Double, end: Double)]) -> Double {
        intervals.reduce(0) { $0 + max(0, min(end, $1.end) - max(start, $1.start)) }
    }
}
