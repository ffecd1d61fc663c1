/// How a serverless GPU option scales and starts its instances: one worker per instance running
/// `concurrency` requests at once, `minInstances` always warm (ready from the start of the run),
/// at most `maxInstances`, and an idle instance above the minimum removed `idleTimeoutSeconds`
/// after its last request. A new instance serves after instance start + container start + model
/// load. Each platform's defaults and their sources are in its ``PlatformProfile``.
public struct ServerlessSettings: Sendable, Hashable {
    /// Requests one instance runs at once; `nil`: the scenario's `workers.concurrency`.
    public var concurrency: Int?
    public var minInstances: Int
    public var maxInstances: Int
    /// Seconds an idle instance above the minimum stays (and is billed) before it is removed.
    public var idleTimeoutSeconds: Double
    /// From the scale-up decision to the container starting (the platform's own start).
    public var instanceStart: Distribution
    /// Image pull or streaming and the serving engine's start.
    public var containerStart: Distribution
    /// Loading the model into GPU memory.
    public var modelLoad: Distribution
    /// The platform ends a request that has not been answered this long after it arrived; it
    /// counts as timed out (the run's timeout is the smaller of this and the client's).
    public var requestTimeoutSeconds: Double
    /// A polling platform's scaler (Azure Container Apps): its period; nil for a platform that
    /// scales on each request.
    public var pollingIntervalSeconds: Double?
    /// A polling platform's scale rule: requests in the system per instance it aims at (the HTTP
    /// rule's `concurrentRequests`); nil for a platform that scales on each request.
    public var concurrentRequests: Int?
    /// A polling platform's first poll after the run starts; nil: drawn per replication, as for
    /// KEDA (``ControllerPhases``).
    public var pollingPhaseSeconds: Double?
    /// A request that finds every slot taken at `maxInstances` is refused (HTTP 429) unless it
    /// starts within this many seconds of its arrival (Cloud Run); nil: it waits.
    public var pendingTimeoutSeconds: Double?
    /// An alarm-driven platform (SageMaker): datapoints in a row with a backlog (asynchronous) or
    /// a failed invocation (real-time) and no instance before the step alarm adds one; nil elsewhere.
    public var alarmEvaluations: Int?

    public init(
        concurrency: Int? = nil, minInstances: Int = 0, maxInstances: Int, idleTimeoutSeconds: Double,
        instanceStart: Distribution, containerStart: Distribution, modelLoad: Distribution,
        requestTimeoutSeconds: Double, pollingIntervalSeconds: Double? = nil, concurrentRequests: Int? = nil,
        pollingPhaseSeconds: Double? = nil, alarmEvaluations: Int? = nil, pendingTimeoutSeconds: Double? = nil
    ) {
        self.concurrency = concurrency
        self.minInstances = minInstances
        self.maxInstances = maxInstances
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.instanceStart = instanceStart
        self.containerStart = containerStart
        self.modelLoad = modelLoad
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.pollingIntervalSeconds = pollingIntervalSeconds
        self.concurrentRequests = concurrentRequests
        self.pollingPhaseSeconds = pollingPhaseSeconds
        self.alarmEvaluations = alarmEvaluations
        self.pendingTimeoutSeconds = pendingTimeoutSeconds
    }

    /// The model load of the article's model, as the Kubernetes options use it
    /// (``ColdStartModel/typicalGKE``): the model is the same whatever runs it.
    public static let articleModelLoad = ColdStartModel.typicalGKE.modelLoad

    /// Checks each setting against costsim's bounds and the platform's `limits`; errors name the field.
    public func validate(limits: ServerlessLimits) throws(ParameterError) {
        if let concurrency, !(1...limits.maxConcurrency).contains(concurrency) {
            throw .invalidParameter(
                "serverless.concurrency must be within 1 … \(limits.maxConcurrency), got \(concurrency)")
        }
        guard (0...SimulationLimits.maxNodes).contains(minInstances) else {
            throw .invalidParameter(
                "serverless.minInstances must be within 0 … \(SimulationLimits.maxNodes), got \(minInstances)")
        }
        guard (1...SimulationLimits.maxNodes).contains(maxInstances) else {
            throw .invalidParameter(
                "serverless.maxInstances must be within 1 … \(SimulationLimits.maxNodes), got \(maxInstances)")
        }
        guard minInstances <= maxInstances else {
            throw .invalidParameter(
                "serverless.minInstances (\(minInstances)) must be <= serverless.maxInstances (\(maxInstances))")
        }
        let longestIdle = limits.maxIdleTimeoutSeconds ?? SimulationLimits.maxDurationSeconds
        guard idleTimeoutSeconds >= 0, idleTimeoutSeconds <= longestIdle else {
            throw .invalidParameter(
                "serverless.idleTimeout must be within 0 … \(KEDAScaler.format(longestIdle)) s, got "
                    + "\(KEDAScaler.format(idleTimeoutSeconds)) s")
        }
        guard requestTimeoutSeconds > 0, requestTimeoutSeconds <= limits.maxRequestTimeoutSeconds else {
            throw .invalidParameter(
                "serverless.requestTimeout must be within 0 … \(KEDAScaler.format(limits.maxRequestTimeoutSeconds)) s"
                    + " (excluding 0), got \(KEDAScaler.format(requestTimeoutSeconds)) s")
        }
        try validatePolling(limits: limits)
        try validatePendingTimeout(limits: limits)
        for (name, phase) in [
            ("instanceStart", instanceStart), ("containerStart", containerStart), ("modelLoad", modelLoad),
        ] {
            do { try phase.validate() } catch { throw .invalidParameter("serverless.\(name): \(error.message)") }
        }
    }

    /// A pending timeout belongs to a platform that refuses requests at its maximum (Cloud Run).
    private func validatePendingTimeout(limits: ServerlessLimits) throws(ParameterError) {
        guard let pending = pendingTimeoutSeconds else { return }
        guard let longest = limits.maxPendingTimeoutSeconds else {
            let platforms = ServerlessPlatform.names { $0.limits.maxPendingTimeoutSeconds != nil }
            throw .invalidParameter("serverless.pendingTimeout applies to \(platforms.joined(separator: ", ")) only")
        }
        guard pending > 0, pending <= longest else {
            throw .invalidParameter(
                "serverless.pendingTimeout must be within 0 … \(KEDAScaler.format(longest)) s (excluding 0), got "
                    + "\(KEDAScaler.format(pending)) s")
        }
    }

    /// A polling platform needs its period and scale rule, an alarm-driven one its evaluations;
    /// the others take none of them.
    private func validatePolling(limits: ServerlessLimits) throws(ParameterError) {
        if alarmEvaluations != nil, !limits.usesAlarms {
            let platforms = ServerlessPlatform.names { $0.limits.usesAlarms }
            throw .invalidParameter(
                "serverless.alarmEvaluations applies to \(platforms.joined(separator: " and ")) only")
        }
        if limits.usesAlarms, !(1...100).contains(alarmEvaluations ?? 0) {
            let given = alarmEvaluations.map(String.init) ?? "none"
            throw .invalidParameter("serverless.alarmEvaluations must be within 1 … 100, got \(given)")
        }
        guard limits.polls else {
            if pollingIntervalSeconds != nil || concurrentRequests != nil {
                let key = pollingIntervalSeconds != nil ? "pollingInterval" : "concurrentRequests"
                throw .invalidParameter(
                    "serverless.\(key) applies to a polling platform ("
                        + ServerlessPlatform.names { $0.limits.polls }.joined(separator: ", ")
                        + "); this one scales on each request")
            }
            return
        }
        guard let interval = pollingIntervalSeconds, interval > 0, interval <= SimulationLimits.maxDurationSeconds
        else {
            throw .invalidParameter("serverless.pollingInterval must be longer than 0 s")
        }
        guard let target = concurrentRequests, (1...SimulationLimits.maxWorkerSlots).contains(target) else {
            throw .invalidParameter(
                "serverless.concurrentRequests must be within 1 … \(SimulationLimits.maxWorkerSlots), got "
                    + "\(concurrentRequests.map(String.init) ?? "none")")
        }
        guard ControllerPhases.isValid(pollingPhaseSeconds) else {
            throw .invalidParameter("serverless polling phase must be a time >= 0")
        }
    }
}
