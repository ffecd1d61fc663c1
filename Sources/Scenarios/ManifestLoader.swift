import Foundation
import Simulator

/// Reads a real multi-document Kubernetes manifest into costsim's autoscaling configuration.
///
/// A file holds exactly one scaling object:
/// - a KEDA `ScaledObject` (`keda.sh/v1alpha1`) with one `rabbitmq` trigger, optionally with
///   its target `Deployment` (`apps/v1`, for `terminationGracePeriodSeconds`) and a
///   `HorizontalPodAutoscaler` (`autoscaling/v2`, whose `spec.behavior` is used only when the
///   ScaledObject has no `advanced.horizontalPodAutoscalerConfig.behavior`); or
/// - a Knative `Service` (`serving.knative.dev/v1`) with its autoscaling annotations.
///
/// Fields that do not change scaling are accepted; unknown fields and documents become
/// ``ManifestWarning``s naming the field and line. Fields that change scaling in ways costsim
/// does not model are errors or warnings, never silently ignored. `docs/manifests.md` lists them.
public enum ManifestLoader {
    /// Loads the manifest at `path`.
    public static func load(path: String) throws(ScenarioFileError) -> LoadedManifest {
        let text = try InputFile.text(atPath: path)
        return try parse(yaml: text, file: path)
    }

    /// Parses manifest YAML text; `file` is used in messages only.
    public static func parse(yaml: String, file: String) throws(ScenarioFileError) -> LoadedManifest {
        try ManifestReader(file: file).read(ManifestDocuments.documents(yaml: yaml, file: file))
    }
}

/// One Kubernetes object in the file.
struct ManifestObject {
    enum Role {
        case scaledObject, workload, horizontalPodAutoscaler, knativeService
    }

    var role: Role
    var node: ConfigNode
    var apiVersion: String
    var kind: String
    var name: String
    var namespace: String?
    /// 1-based position of the document in the file (for messages).
    var document: Int
    var line: Int? { node.line }
    var label: String { name.isEmpty ? "\(kind) (document \(document))" : "\(kind) '\(name)'" }
}

final class ManifestReader {
    let file: String
    let log: ManifestWarningLog

    init(file: String) {
        self.file = file
        self.log = ManifestWarningLog(file: file)
    }

    func read(_ documents: [ConfigNode]) throws(ScenarioFileError) -> LoadedManifest {
        var objects: [ManifestObject] = []
        var ignoredKinds: [String] = []
        for (index, document) in documents.enumerated() where !document.isNullScalar {
            for candidate in try ManifestDocuments.expandingLists(document) {
                if let object = try classify(candidate, document: index + 1) {
                    objects.append(object)
                } else if let kind = try? candidate.mapping().optional("kind")?.string() {
                    ignoredKinds.append(kind)
                }
            }
        }
        let scaling = objects.filter { $0.role == .scaledObject || $0.role == .knativeService }
        guard let main = scaling.first else {
            let found =
                ignoredKinds.isEmpty
                ? "the file has no Kubernetes objects" : "found: \(ignoredKinds.joined(separator: ", "))"
            throw ScenarioFileError(
                file: file, line: nil, field: nil,
                message:
                    "no ScaledObject or Knative Service found (expected kind ScaledObject, apiVersion "
                        + "keda.sh/v1alpha1, "
                    + "or kind Service, apiVersion serving.knative.dev/v1; \(found))")
        }
        if scaling.count > 1 {
            throw ScenarioFileError(
                file: file, line: scaling[1].line, field: nil,
                message: "more than one scaling object in the file (\(scaling.map(\.label).joined(separator: ", "))); "
                    + "costsim reads exactly one ScaledObject or one Knative Service per file")
        }
        let others = objects.filter { $0.role != .scaledObject && $0.role != .knativeService }
        switch main.role {
        case .scaledObject: return try readScaledObjectFile(main, others: others)
        default: return try readKnativeFile(main, others: others)
        }
    }

    /// The object's role, or nil (with a warning) for documents that do not affect scaling.
    private func classify(_ node: ConfigNode, document: Int) throws(ScenarioFileError) -> ManifestObject? {
        guard node.isMapping else {
            log.warn(node, "document \(document) is not a Kubernetes object (expected a mapping); ignored")
            return nil
        }
        let mapping = try node.mapping()
        guard let kind = try mapping.optional("kind")?.string(),
            let apiVersion = try mapping.optional("apiVersion")?.string()
        else {
            log.warn(node, "document \(document) has no kind or apiVersion; ignored")
            return nil
        }
        let metadata = try mapping.optional("metadata")?.mapping()
        let name = (try metadata?.optional("name")?.string()) ?? ""
        let namespace = try metadata?.optional("namespace")?.string()
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        let version = String(apiVersion.split(separator: "/").last ?? "")
        func object(_ role: ManifestObject.Role) -> ManifestObject {
            ManifestObject(
                role: role, node: node, apiVersion: apiVersion, kind: kind, name: name, namespace: namespace,
                document: document)
        }
        let label = name.isEmpty ? "\(kind) (\(apiVersion))" : "\(kind) '\(name)' (\(apiVersion))"
        switch (group, kind) {
        case ("keda.sh", "ScaledObject"):
            if version != "v1alpha1" {
                log.warn(
                    line: node.line, field: "apiVersion",
                    "ScaledObject apiVersion '\(apiVersion)' is not keda.sh/v1alpha1; read as v1alpha1")
            }
            return object(.scaledObject)
        case ("serving.knative.dev", "Service"):
            if version != "v1" {
                log.warn(
                    line: node.line, field: "apiVersion",
                    "Knative Service apiVersion '\(apiVersion)' is not serving.knative.dev/v1; read as v1")
            }
            return object(.knativeService)
        case ("apps", "Deployment"), ("apps", "StatefulSet"):
            return object(.workload)
        case ("autoscaling", "HorizontalPodAutoscaler"):
            guard version == "v2" || version == "v2beta2" else {
                log.warn(
                    line: node.line, field: nil,
                    "\(label) ignored: only autoscaling/v2 HorizontalPodAutoscalers carry spec.behavior")
                return nil
            }
            return object(.horizontalPodAutoscaler)
        case ("keda.sh", "ScaledJob"):
            log.warn(
                line: node.line, field: nil,
                "\(label) ignored: costsim models a ScaledObject driving a Deployment, not a ScaledJob")
            return nil
        case ("karpenter.sh", "NodePool"), ("karpenter.k8s.aws", "EC2NodeClass"),
            ("karpenter.azure.com", "AKSNodeClass"):
            return nil   // read by NodePoolLoader.loadIfPresent, which warns about its own fields
        case ("", "ConfigMap") where name == "config-autoscaler":
            log.warn(
                line: node.line, field: nil,
                "\(label) ignored: cluster-wide Knative autoscaler settings are not read; costsim uses Knative's "
                    + "defaults (docs/manifests.md)")
            return nil
        default:
            log.warn(line: node.line, field: nil, "\(label) ignored: it does not change scaling")
            return nil
        }
    }

    /// Maps a model `validate()` failure to a located error.
    func validated(_ object: ManifestObject, _ check: () throws(ParameterError) -> Void) throws(ScenarioFileError) {
        do { try check() } catch {
            throw ScenarioFileError(file: file, line: object.line, field: "spec", message: error.message)
        }
    }

    /// Reads the top-level keys every object has; unknown top-level keys warn.
    func topLevel(_ object: ManifestObject) throws(ScenarioFileError) -> (ManifestMapping, ManifestMapping?) {
        let root = try object.node.manifestMapping()
        root.ignore("apiVersion", "kind", "status")
        let metadata = try root.optional("metadata")?.manifestMapping()
        return (root, metadata)
    }
}
