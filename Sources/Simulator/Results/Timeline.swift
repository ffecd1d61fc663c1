/// The run as a few numbers per fixed time bucket, for charts: arrivals, the deepest queue,
/// the most busy workers, ready pods and running nodes seen in each bucket.
///
/// Values are the maxima within the bucket (counts for arrivals), so short spikes stay
/// visible however coarse the bucket; memory is one small row per bucket.
public struct Timeline: Sendable, Hashable {
    /// Width of one bucket in seconds.
    public let bucketSeconds: Double
    public internal(set) var arrivals: [UInt32] = []
    public internal(set) var queueDepth: [UInt32] = []
    public internal(set) var busyWorkers: [UInt32] = []
    public internal(set) var readyPods: [UInt32] = []
    public internal(set) var nodes: [UInt32] = []

    private var current = (queue: UInt32(0), busy: UInt32(0), pods: UInt32(0), nodes: UInt32(0))

    public init(bucketSeconds: Double) {
        precondition(bucketSeconds > 0, "timeline bucket must be positive")
        self.bucketSeconds = bucketSeconds
    }

    /// Number of buckets.
    public var count: Int { queueDepth.count }

    /// Start time of bucket `index`, in seconds.
    public func startSeconds(ofBucket index: Int) -> Double { Double(index) * bucketSeconds }

    @inline(__always)
    mutating func ensureBucket(at time: Double) -> Int {
        let index = Int(time / bucketSeconds)
        while queueDepth.count <= index {
            arrivals.append(0)
            queueDepth.append(current.queue)
            busyWorkers.append(current.busy)
            readyPods.append(current.pods)
            nodes.append(current.nodes)
        }
        return index
    }

    /// Counts one arrival at `time`.
    @inline(__always)
    mutating func recordArrival(at time: Double) {
        let index = ensureBucket(at: time)
        arrivals[index] &+= 1
    }

    /// Records the state after a change at `time`.
    @inline(__always)
    mutating func observe(at time: Double, queue: Int, busy: Int, pods: Int, nodes nodeCount: Int) {
        let index = ensureBucket(at: time)
        current = (UInt32(queue), UInt32(busy), UInt32(pods), UInt32(nodeCount))
        if current.queue > queueDepth[index] { queueDepth[index] = current.queue }
        if current.busy > busyWorkers[index] { busyWorkers[index] = current.busy }
        if current.pods > readyPods[index] { readyPods[index] = current.pods }
        if current.nodes > nodes[index] { nodes[index] = current.nodes }
    }

    /// Extends the timeline to `time` with the current state, and ends it there: a bucket that
    /// starts at `time` (opened by an event at exactly the end) is not part of the run.
    mutating func close(at time: Double) {
        let count = ensureBucket(at: Swift.max(0, time.nextDown)) + 1
        for series in [\Timeline.arrivals, \.queueDepth, \.busyWorkers, \.readyPods, \.nodes] {
            self[keyPath: series].removeLast(self[keyPath: series].count - count)
        }
    }

    public static func == (lhs: Timeline, rhs: Timeline) -> Bool {
        lhs.bucketSeconds == rhs.bucketSeconds && lhs.arrivals == rhs.arrivals && lhs.queueDepth == rhs.queueDepth
            && lhs.busyWorkers == rhs.busyWorkers && lhs.readyPods == rhs.readyPods && lhs.nodes == rhs.nodes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bucketSeconds)
        hasher.combine(queueDepth)
    }
}
