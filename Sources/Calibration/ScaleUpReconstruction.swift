import Foundation

/// Joins pods, nodes and events into one ``ScaleUpTimeline`` per GPU node scale-up.
///
/// A pod is a cold start when its node was created at or after the pod (or, when the node is not
/// in the exports, when a `TriggeredScaleUp` event names the pod or a Karpenter NodeClaim for a GPU
/// names the node and was created at or after the pod). Of the pods that landed on one
/// new node, the first scheduled is the node's scale-up; the others found it running. Pods known
/// only from events (deleted since) are included with what the events recorded.
public enum ScaleUpReconstruction {
    /// The scale-ups, ordered by when the pod was scheduled (else its first instant), then namespace and
    /// pod name; only nodes of `nodePool` when given (nodes without a pool label, or not in the exports,
    /// then drop out).
    public static func timelines(_ export: ClusterExport, nodePool: String? = nil) -> [ScaleUpTimeline] {
        struct PodKey: Hashable {
            var namespace, name: String
        }
        var podEvents: [PodKey: [EventRecord]] = [:]
        for event in export.events where event.kind == "Pod" {
            podEvents[PodKey(namespace: event.namespace, name: event.name), default: []].append(event)
        }
        var pods: [PodKey: PodRecord] = [:]
        for pod in export.pods { pods[PodKey(namespace: pod.namespace, name: pod.name)] = pod }
        let nodes = Dictionary(export.nodes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let claims = Dictionary(
            export.nodeClaims.compactMap { claim in claim.nodeName.map { ($0, claim) } },
            uniquingKeysWith: { first, _ in first })

        var byNode: [String: ScaleUpTimeline] = [:]
        var withoutNode: [ScaleUpTimeline] = []
        for key in Set(podEvents.keys).union(pods.keys) {
            let events = podEvents[key] ?? []
            guard let timeline = timeline(
                namespace: key.namespace, pod: key.name, pods[key], events, nodes, claims)
            else {
                continue
            }
            if let nodePool, timeline.pool != nodePool { continue }
            guard let node = timeline.node else {
                withoutNode.append(timeline)
                continue
            }
            if let earlier = byNode[node], Self.order(earlier, timeline) { continue }
            byNode[node] = timeline
        }
        return (Array(byNode.values) + withoutNode).sorted(by: order)
    }

    /// Scheduled (else first) instant, then namespace and pod name (a deterministic order).
    static func order(_ left: ScaleUpTimeline, _ right: ScaleUpTimeline) -> Bool {
        let leftKey = left.times[.scheduled] ?? left.start ?? .infinity
        let rightKey = right.times[.scheduled] ?? right.start ?? .infinity
        if leftKey != rightKey { return leftKey < rightKey }
        return (left.namespace, left.pod) < (right.namespace, right.pod)
    }

    /// The pod's timeline if it started a GPU node; `nil` if it landed on an existing or non-GPU node.
    private static func timeline(
        namespace: String, pod name: String, _ pod: PodRecord?, _ events: [EventRecord],
        _ nodes: [String: NodeRecord], _ claims: [String: NodeClaimRecord]
    ) -> ScaleUpTimeline? {
        func first(_ reason: String) -> EventRecord? {
            events.filter { $0.reason == reason }.min { $0.first < $1.first }
        }
        var timeline = ScaleUpTimeline(namespace: namespace, pod: name)
        timeline.times[.podCreated] = pod?.created
        timeline.times[.triggered] = first("TriggeredScaleUp")?.first
        let scheduledEvent = first("Scheduled")
        timeline.times[.scheduled] = pod?.scheduled ?? scheduledEvent?.first
        timeline.node = pod?.nodeName ?? scheduledEvent.flatMap { assignedNode($0.message) }
        for event in events where event.reason == "Pulled" {
            if let seconds = pullSeconds(event.message) {
                if seconds > (timeline.pullSeconds ?? -1) {
                    timeline.pullSeconds = seconds
                    timeline.times[.pulled] = event.first
                }
            } else if event.message.contains("already present on machine") {
                timeline.imageCached = true
            }
        }
        if timeline.pullSeconds != nil { timeline.imageCached = false }
        timeline.times[.started] = pod?.started ?? events.filter { $0.reason == "Started" }.map(\.first).max()
        timeline.times[.podReady] = pod?.ready

        // Karpenter: the claim's creation is the trigger, Initialized the GPU allocatable.
        let claim = timeline.node.flatMap { claims[$0] }
        if let claim {
            if timeline.times[.triggered] == nil { timeline.times[.triggered] = claim.created ?? claim.launched }
            timeline.gpuAllocatable = claim.initialized
        }
        guard let nodeName = timeline.node, let node = nodes[nodeName] else {
            if let claim {
                // The node is gone, its claim says when it was asked for and registered.
                guard claim.requestsGPU, let created = claim.created,
                    created >= timeline.times[.podCreated] ?? created
                else { return nil }
                timeline.pool = claim.pool
                timeline.times[.nodeCreated] = claim.registered
                return timeline
            }
            // The node is gone or was never exported: only the autoscaler's event says it was new.
            return timeline.times[.triggered] == nil ? nil : timeline
        }
        guard node.hasGPU || claim?.requestsGPU == true,
            let reference = timeline.times[.podCreated] ?? timeline.times[.triggered],
            let created = node.created, created >= reference
        else { return nil }
        timeline.pool = node.pool ?? claim?.pool
        timeline.times[.nodeCreated] = created
        timeline.times[.nodeReady] = node.ready
        return timeline
    }

    /// The node of the scheduler's `Successfully assigned <ns>/<pod> to <node>`.
    static func assignedNode(_ message: String) -> String? {
        guard message.hasPrefix("Successfully assigned "), let range = message.range(of: " to ", options: .backwards)
        else { return nil }
        let node = message[range.upperBound...].prefix { $0 != " " }
        return node.isEmpty ? nil : String(node)
    }

    /// The seconds of the kubelet's `Successfully pulled image "<image>" in <pull> (<total> including
    /// waiting)…`: the total when given, else the pull; `nil` for other messages.
    static func pullSeconds(_ message: String) -> Double? {
        guard message.hasPrefix("Successfully pulled image "), let range = message.range(of: "\" in ") else {
            return nil
        }
        func duration(_ text: Substring) -> Double? {
            GoDuration.seconds(text.hasSuffix(".") ? text.dropLast() : text)
        }
        let rest = message[range.upperBound...]
        let pull = rest.prefix { $0 != " " }
        if let open = rest.range(of: " ("), let close = rest.range(of: " including waiting)"),
            open.upperBound <= close.lowerBound, let total = duration(rest[open.upperBound..<close.lowerBound]) {
            return total
        }
        return duration(pull)
    }
}
