/// What one request saw, in seconds (recorded only when a run asks for per-request output).
public struct RequestRecord: Sendable, Hashable {
    public var arrivalSeconds: Double
    public var workSize: Double
    /// Time in the broker's ready queue and a worker's prefetch buffer while a worker was ready
    /// somewhere or busy: waiting behind other requests.
    public var queueWaitSeconds: Double
    /// Part of the wait during which no worker existed to take it (scale-from-zero); 0 for a
    /// dedicated deployment.
    public var coldStartWaitSeconds: Double
    /// GPU service time.
    public var serviceSeconds: Double
    /// When the reply was published, or `nil` if the message expired unserved or was rejected.
    public var completionSeconds: Double?
    /// The client gave up before the reply, or the platform rejected it (the request counts as failed).
    public var timedOut: Bool
    /// The platform answered with an error instead of serving it (``timedOut`` too); the wait
    /// fields then run until the rejection.
    public var rejected: Bool

    public init(
        arrivalSeconds: Double, workSize: Double, queueWaitSeconds: Double, coldStartWaitSeconds: Double,
        serviceSeconds: Double, completionSeconds: Double?, timedOut: Bool, rejected: Bool = false
    ) {
        self.arrivalSeconds = arrivalSeconds
        self.workSize = workSize
        self.queueWaitSeconds = queueWaitSeconds
        self.coldStartWaitSeconds = coldStartWaitSeconds
        self.serviceSeconds = serviceSeconds
        self.completionSeconds = completionSeconds
        self.timedOut = timedOut
        self.rejected = rejected
    }
}
