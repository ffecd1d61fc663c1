/// How a GPU worker pod consumes the broker's task queue.
///
/// `concurrency` requests run at once per pod (each at the ``InferenceModel``'s speed); the
/// consumer holds at most `prefetch` unacknowledged messages (RabbitMQ `basic.qos`), so
/// `prefetch - concurrency` delivered messages can wait inside a busy pod. The article's worker
/// takes one message at a time: prefetch 1, concurrency 1.
public struct WorkerSettings: Sendable, Hashable {
    public var concurrency: Int
    public var prefetch: Int

    public init(concurrency: Int = 1, prefetch: Int = 1) {
        self.concurrency = concurrency
        self.prefetch = prefetch
    }

    public func validate() throws(ParameterError) {
        guard concurrency >= 1 else { throw .invalidParameter("worker concurrency must be >= 1") }
        guard prefetch <= SimulationLimits.maxWorkerSlots else {
            throw .invalidParameter("worker prefetch and concurrency must be at most \(SimulationLimits.maxWorkerSlots)")
        }
        guard prefetch >= concurrency else {
            throw .invalidParameter("prefetch (\(prefetch)) must be >= concurrency (\(concurrency)): a worker cannot run more messages than it holds")
        }
    }
}
