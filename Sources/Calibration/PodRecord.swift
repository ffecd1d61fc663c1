/// What a `kubectl get pods -o json` item says about one pod's start (apiserver and node clocks mixed:
/// see docs/calibration.md).
public struct PodRecord: Sendable, Hashable {
    public var namespace: String
    public var name: String
    /// `metadata.creationTimestamp` (apiserver clock).
    public var created: Double?
    /// `PodScheduled` condition's `lastTransitionTime` when True: the bind to a node.
    public var scheduled: Double?
    /// `spec.nodeName`.
    public var nodeName: String?
    /// The latest `state.running.startedAt` of its containers (node clock).
    public var started: Double?
    /// `Ready` condition's `lastTransitionTime` when True.
    public var ready: Double?

    init(_ item: JSONObject) throws(CalibrationError) {
        let metadata = try item.object("metadata")
        guard let metadata, let name = try metadata.string("name") else {
            throw item.error("metadata.name", "is missing")
        }
        self.name = name
        namespace = try metadata.string("namespace") ?? "default"
        created = try metadata.time("creationTimestamp")
        nodeName = try item.object("spec")?.string("nodeName")
        let status = try item.object("status")
        scheduled = try status?.trueConditionTime("PodScheduled")
        ready = try status?.trueConditionTime("Ready")
        var latest: Double?
        for container in try status?.objects("containerStatuses") ?? [] {
            guard let startedAt = try container.object("state")?.object("running")?.time("startedAt") else { continue }
            latest = max(latest ?? startedAt, startedAt)
        }
        started = latest
    }

    /// Fills the fields `self` lacks from `other` (the same pod in another snapshot).
    mutating func merge(_ other: PodRecord) {
        created = created ?? other.created
        scheduled = scheduled ?? other.scheduled
        nodeName = nodeName ?? other.nodeName
        started = started ?? other.started
        ready = ready ?? other.ready
    }
}
