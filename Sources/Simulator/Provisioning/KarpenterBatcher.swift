/// Karpenter's batcher of pending pods (kubernetes-sigs/karpenter v1.14.1
/// `pkg/controllers/provisioning/batcher.go` `Wait`): the first trigger opens a batch, each
/// trigger from a pod not yet in it pushes the idle deadline to that trigger + the idle
/// duration, and the batch closes at the idle or the max deadline, whichever comes first. A
/// trigger at or after the close belongs to the next batch. Times are seconds.
struct KarpenterBatcher {
    let idleSeconds: Double
    let maxSeconds: Double
    /// When the open batch opened; nil: none is open.
    private(set) var openedSeconds: Double?
    private var idleDeadline = 0.0
    /// Pods that triggered the open batch (a handful: an array beats a set).
    private var pods: [Int32] = []

    init(idleSeconds: Double, maxSeconds: Double) {
        self.idleSeconds = idleSeconds
        self.maxSeconds = maxSeconds
    }

    /// When the open batch closes; nil: none is open.
    var closesAt: Double? { openedSeconds.map { Swift.min(idleDeadline, $0 + maxSeconds) } }

    /// `pod` triggers at `now`, which must be before ``closesAt`` (close the batch first).
    mutating func trigger(pod: Int32, at now: Double) {
        guard openedSeconds != nil else {
            openedSeconds = now
            idleDeadline = now + idleSeconds
            pods = [pod]
            return
        }
        guard !pods.contains(pod) else { return }
        pods.append(pod)
        idleDeadline = now + idleSeconds
    }

    /// Closes the open batch.
    mutating func close() {
        openedSeconds = nil
        pods.removeAll(keepingCapacity: true)
    }
}
