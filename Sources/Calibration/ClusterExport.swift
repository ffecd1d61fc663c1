import Foundation

/// The pods, nodes and events of one or several `kubectl … -o json` exports.
///
/// Each file is a `List` (what kubectl prints), a `PodList`, `NodeList`, `EventList` or
/// `NodeClaimList` (the API's own list kinds), or a single `Pod`, `Node`, `Event` or Karpenter
/// `NodeClaim`. A pod or node found in several files (periodic snapshots) is merged: each field from
/// the first file that has it.
public struct ClusterExport: Sendable {
    public private(set) var files: [String] = []
    public private(set) var pods: [PodRecord] = []
    public private(set) var nodes: [NodeRecord] = []
    public private(set) var events: [EventRecord] = []
    /// Karpenter NodeClaims (the first of each name read).
    public private(set) var nodeClaims: [NodeClaimRecord] = []
    private var podIndex: [String: Int] = [:]
    private var nodeIndex: [String: Int] = [:]

    public init() {}

    /// Reads every path: a file, or a directory whose `*.json` files are read in name order.
    public static func read(paths: [String]) throws(CalibrationError) -> ClusterExport {
        var export = ClusterExport()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CalibrationError(file: path, "no such file or directory")
            }
            guard isDirectory.boolValue else {
                try export.read(file: path)
                continue
            }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw CalibrationError(file: path, "cannot list the directory: \(error.localizedDescription)")
            }
            let files = names.filter { $0.hasSuffix(".json") }.sorted()
            guard !files.isEmpty else { throw CalibrationError(file: path, "the directory has no .json file") }
            for name in files { try export.read(file: (path as NSString).appendingPathComponent(name)) }
        }
        return export
    }

    /// Adds the objects of one file.
    public mutating func read(file: String) throws(CalibrationError) {
        guard let root = try ExportFile.json(file, what: "kubectl get … -o json") as? [String: Any] else {
            throw CalibrationError(file: file, "is not a JSON object (kubectl get … -o json)")
        }
        try add(JSONObject(fields: root, path: "", file: file, times: RFC3339()))
        files.append(file)
    }

    private static let listKinds = ["List", "PodList", "NodeList", "EventList", "NodeClaimList"]
    private static let supported = "List, PodList, NodeList, EventList, NodeClaimList, Pod, Node, Event or NodeClaim"

    private mutating func add(_ root: JSONObject) throws(CalibrationError) {
        guard let kind = try root.string("kind") else {
            throw root.error("kind", "is missing: not a Kubernetes export")
        }
        guard Self.listKinds.contains(kind) else { return try add(item: root, kind: kind) }
        for item in try root.objects("items") {
            // The API's own lists leave `kind` out of their items.
            let itemKind = try item.string("kind") ?? (kind == "List" ? "" : String(kind.dropLast(4)))
            if kind != "List", itemKind != String(kind.dropLast(4)) {
                throw item.error("kind", "\"\(itemKind)\" in a \(kind)")
            }
            try add(item: item, kind: itemKind)
        }
    }

    private mutating func add(item: JSONObject, kind: String) throws(CalibrationError) {
        switch kind {
        case "Pod":
            let pod = try PodRecord(item)
            let key = pod.namespace + "/" + pod.name
            if let index = podIndex[key] { pods[index].merge(pod) } else {
                podIndex[key] = pods.count
                pods.append(pod)
            }
        case "Node":
            let node = try NodeRecord(item)
            if let index = nodeIndex[node.name] { nodes[index].merge(node) } else {
                nodeIndex[node.name] = nodes.count
                nodes.append(node)
            }
        case "NodeClaim":
            let claim = try NodeClaimRecord(item)
            if !nodeClaims.contains(where: { $0.name == claim.name }) { nodeClaims.append(claim) }
        case "Event":
            let apiVersion = try item.string("apiVersion") ?? "v1"
            events.append(try EventRecord(item, newAPI: apiVersion.hasPrefix("events.k8s.io/")))
        default:
            throw item.error("kind", "\"\(kind)\" is not one of \(Self.supported)")
        }
    }
}
