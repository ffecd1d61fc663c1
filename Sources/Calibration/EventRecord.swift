/// One Kubernetes event, from either API shape: core/v1 (`involvedObject`, `message`,
/// `firstTimestamp`, `count`) or events.k8s.io/v1 (`regarding`, `note`, `eventTime`,
/// `deprecatedFirstTimestamp`, `series`).
public struct EventRecord: Sendable, Hashable {
    /// The object the event is about (`Pod`, `Node`, …).
    public var kind: String
    public var namespace: String
    public var name: String
    public var reason: String
    public var message: String
    /// The first occurrence: `firstTimestamp` (core/v1) or `deprecatedFirstTimestamp`, else `eventTime`,
    /// else `metadata.creationTimestamp` (events written through events.k8s.io leave the first two null).
    public var first: Double
    /// How many times it happened (`count`, `series.count` or `deprecatedCount`; 1 when absent).
    public var count: Int

    /// The most repetitions an event may claim (a bound on user numbers, not a Kubernetes limit).
    static let maxCount = 1_000_000_000

    init(_ item: JSONObject, newAPI: Bool) throws(CalibrationError) {
        let objectKey = newAPI ? "regarding" : "involvedObject"
        guard let object = try item.object(objectKey) else { throw item.error(objectKey, "is missing") }
        kind = try object.string("kind") ?? ""
        name = try object.string("name") ?? ""
        let metadata = try item.object("metadata")
        let metadataNamespace = try metadata?.string("namespace")
        namespace = try object.string("namespace") ?? metadataNamespace ?? "default"
        guard let reason = try item.string("reason") else { throw item.error("reason", "is missing") }
        self.reason = reason
        message = try item.string(newAPI ? "note" : "message") ?? ""
        let firstKey = newAPI ? "deprecatedFirstTimestamp" : "firstTimestamp"
        let firstTimestamp = try item.time(firstKey), eventTime = try item.time("eventTime")
        let created = try metadata?.time("creationTimestamp")
        guard let first = firstTimestamp ?? eventTime ?? created else {
            throw item.error(firstKey, "is null, and so are eventTime and metadata.creationTimestamp")
        }
        self.first = first
        let range = 1...Self.maxCount
        let series = try item.object("series")?.integer("count", in: range)
        // events.k8s.io/v1 writes `deprecatedCount: 0` for events that were never repeated.
        let deprecated = try item.integer("deprecatedCount", in: 0...Self.maxCount).flatMap { $0 > 0 ? $0 : nil }
        let core = try item.integer("count", in: range)
        count = newAPI ? series ?? deprecated ?? 1 : core ?? series ?? 1
    }
}
