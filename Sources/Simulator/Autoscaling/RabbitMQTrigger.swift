/// KEDA's RabbitMQ scaler in `QueueLength` mode: what queue count it reads and when the
/// ScaledObject counts as active.
///
/// Source: kedacore/keda `pkg/scalers/rabbitmq_scaler.go` (docs/model.md, "RabbitMQ scaler").
public struct RabbitMQTrigger: Sendable, Hashable {
    /// How the scaler talks to RabbitMQ, which decides what "queue length" counts.
    public enum QueueProtocol: String, Sendable, Hashable, CaseIterable {
        /// AMQP passive declare: `message-count` is **ready messages only**; messages delivered
        /// to a worker and not yet acked are invisible (the flapping case, kedacore/keda#356).
        case amqp
        /// Management HTTP API: `messages` = ready + unacknowledged, or ready only with
        /// `excludeUnacknowledged`.
        case http
    }

    /// Per-replica target (`value`), the HPA's `averageValue`. KEDA default 20.
    public var targetValue: Double
    /// Active iff the count is strictly greater than this (`activationValue`, default 0).
    public var activationValue: Double
    public var queueProtocol: QueueProtocol
    /// HTTP only: count ready messages only.
    public var excludeUnacknowledged: Bool
    /// The HPA reads the value cached at the last KEDA poll instead of a live query.
    public var useCachedMetrics: Bool

    public init(
        targetValue: Double = 20, activationValue: Double = 0, queueProtocol: QueueProtocol = .amqp,
        excludeUnacknowledged: Bool = false, useCachedMetrics: Bool = false
    ) {
        self.targetValue = targetValue
        self.activationValue = activationValue
        self.queueProtocol = queueProtocol
        self.excludeUnacknowledged = excludeUnacknowledged
        self.useCachedMetrics = useCachedMetrics
    }

    /// The queue length this scaler reports, given the broker's ready and unacknowledged counts.
    public func queueLength(ready: Int, unacknowledged: Int) -> Int {
        switch queueProtocol {
        case .amqp: ready
        case .http: excludeUnacknowledged ? ready : ready + unacknowledged
        }
    }

    /// KEDA's activity rule for QueueLength: `messages > activationValue`.
    public func isActive(queueLength: Int) -> Bool { Double(queueLength) > activationValue }

    public func validate() throws(ParameterError) {
        guard targetValue > 0, targetValue.isFinite else { throw .invalidParameter("rabbitmq value must be > 0") }
        guard activationValue >= 0, activationValue.isFinite else { throw .invalidParameter("rabbitmq activationValue must be >= 0") }
        if excludeUnacknowledged && queueProtocol == .amqp {
            throw .invalidParameter("excludeUnacknowledged needs the HTTP protocol (KEDA rejects it with AMQP)")
        }
    }
}
