import Simulator

/// Reads the documents of a Karpenter manifest for ``NodePoolLoader``: picks the NodePool and
/// its node class, then reads the NodePool's fields (the node class: NodePoolReader+NodeClass).
final class NodePoolReader {
    /// A Karpenter object found in the file.
    struct Object {
        var node: ConfigNode
        var kind: String
        var group: String
        var version: String
        var name: String
        var label: String { name.isEmpty ? kind : "\(kind) '\(name)'" }
    }

    let file: String
    let otherDocuments: NodePoolLoader.OtherDocuments
    let log: ManifestWarningLog

    init(file: String, otherDocuments: NodePoolLoader.OtherDocuments) {
        self.file = file
        self.otherDocuments = otherDocuments
        self.log = ManifestWarningLog(file: file)
    }

    /// Node class kinds by API group, and the provider each one means.
    static let nodeClassKinds: [String: (kind: String, provider: String)] = [
        "karpenter.k8s.aws": ("EC2NodeClass", "aws"), "karpenter.azure.com": ("AKSNodeClass", "azure"),
    ]

    /// The NodePool of `documents`; `nil` when they hold no Karpenter object at all and
    /// `required` is false.
    func read(_ documents: [ConfigNode], required: Bool = true) throws(ScenarioFileError) -> LoadedNodePool? {
        var pools: [Object] = []
        var classes: [Object] = []
        for document in documents {
            guard let object = try classify(document) else { continue }
            if object.kind == "NodePool" { pools.append(object) } else { classes.append(object) }
        }
        if !required, pools.isEmpty, classes.isEmpty { return nil }
        guard let pool = pools.first else {
            throw ScenarioFileError(
                file: file, message: "no NodePool found (expected kind NodePool, apiVersion karpenter.sh/v1)")
        }
        if pools.count > 1 {
            throw ScenarioFileError(
                file: file, line: pools[1].node.line,
                message: "more than one NodePool in the file (\(pools.map(\.label).joined(separator: ", "))); "
                    + "costsim reads exactly one NodePool per file")
        }
        if classes.count > 1 {
            throw ScenarioFileError(
                file: file, line: classes[1].node.line,
                message: "more than one node class in the file (\(classes.map(\.label).joined(separator: ", "))); "
                    + "give only the one the NodePool's nodeClassRef names")
        }
        return try readNodePool(pool, nodeClass: classes.first)
    }

    /// The object if it is a NodePool or a node class; nil (with a warning where due) otherwise.
    private func classify(_ node: ConfigNode) throws(ScenarioFileError) -> Object? {
        guard node.isMapping else {
            if otherDocuments == .warn {
                log.warn(node, "document is not a Kubernetes object (expected a mapping); ignored")
            }
            return nil
        }
        let mapping = try node.mapping()
        guard let kind = try mapping.optional("kind")?.string(),
            let apiVersion = try mapping.optional("apiVersion")?.string()
        else {
            if otherDocuments == .warn { log.warn(node, "document has no kind or apiVersion; ignored") }
            return nil
        }
        let name = (try mapping.optional("metadata")?.mapping().optional("name")?.string()) ?? ""
        let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
        let group = parts.count == 2 ? parts[0] : ""
        let object = Object(node: node, kind: kind, group: group, version: parts.last ?? "", name: name)
        switch (group, kind) {
        case ("karpenter.sh", "NodePool"):
            guard object.version == "v1" else {
                throw ScenarioFileError(
                    file: file, line: node.line, field: "apiVersion",
                    message: "NodePool apiVersion '\(apiVersion)' is not karpenter.sh/v1 (Karpenter 1.0 and later); "
                        + "convert it with Karpenter's v1 migration guide")
            }
            return object
        case ("karpenter.k8s.aws", "EC2NodeClass"), ("karpenter.azure.com", "AKSNodeClass"):
            let expected = group == "karpenter.k8s.aws" ? ["v1"] : ["v1beta1", "v1alpha2"]
            if !expected.contains(object.version) {
                log.warn(
                    line: node.line, field: "apiVersion",
                    "\(kind) apiVersion '\(apiVersion)' is not \(group)/\(expected[0]); read as \(expected[0])")
            }
            return object
        case ("karpenter.sh", _), ("karpenter.k8s.aws", _), ("karpenter.azure.com", _):
            log.warn(
                line: node.line, field: nil,
                "\(object.label) (\(apiVersion)) ignored: costsim reads the NodePool and its node class")
            return nil
        default:
            if otherDocuments == .warn {
                log.warn(
                    line: node.line, field: nil,
                    "\(object.label) (\(apiVersion)) ignored: not a Karpenter NodePool or node class")
            }
            return nil
        }
    }

    private func readNodePool(_ pool: Object, nodeClass: Object?) throws(ScenarioFileError) -> LoadedNodePool {
        let root = try pool.node.manifestMapping()
        root.ignore("apiVersion", "kind", "status", "metadata")
        let spec = try root.required("spec").manifestMapping()
        root.finish(log)
        if let replicas = spec.optional("replicas") {
            throw replicas.error(
                "a static NodePool (replicas) keeps a fixed node count; costsim models it as a dedicated option, "
                    + "not as Karpenter")
        }
        let template = try spec.required("template").manifestMapping()
        template.ignore("metadata")
        let nodeSpec = try template.required("spec").manifestMapping()
        template.finish(log)

        let (provider, className) = try nodeClassRef(try nodeSpec.required("nodeClassRef"))
        var settings = KarpenterSettings()
        settings.requirements = try requirements(try nodeSpec.required("requirements"), provider: provider)
        for field in [KarpenterField.expireAfter, .terminationGracePeriod] {
            if let node = nodeSpec.optional(field.key) {
                field.apply(try field.parse(node, syntax: .manifest), to: &settings, provider: provider)
            }
        }
        // Taints only keep other pods off the nodes; startup taints are assumed gone when the GPU is allocatable.
        nodeSpec.ignore("taints", "startupTaints")
        nodeSpec.finish(log)

        if let disruption = try spec.optional("disruption")?.manifestMapping() {
            try readDisruption(disruption, into: &settings, provider: provider)
        }
        if let limits = try spec.optional("limits")?.manifestMapping() {
            try readLimits(limits, into: &settings, provider: provider)
        }
        if let weight = spec.optional("weight") {
            _ = try weight.int(in: 1...100)
            log.warn(weight, "weight orders several NodePools; costsim reads one, so it has no effect")
        }
        spec.finish(log)

        try readNodeClass(nodeClass, provider: provider, name: className, into: &settings)
        do { try settings.validate() } catch { throw pool.node.error(error.message) }
        return LoadedNodePool(
            settings: settings, provider: provider, name: pool.name, nodeClassName: className, warnings: log.warnings)
    }

    /// `nodeClassRef`: its group decides the provider.
    private func nodeClassRef(_ node: ConfigNode) throws(ScenarioFileError) -> (provider: String, name: String) {
        let ref = try node.manifestMapping()
        let groupNode = try ref.required("group")
        let group = try groupNode.string()
        guard let (kind, provider) = Self.nodeClassKinds[group] else {
            throw groupNode.error(
                "'\(group)' is not a node class group costsim knows (karpenter.k8s.aws for EKS, "
                    + "karpenter.azure.com for AKS)")
        }
        let kindNode = try ref.required("kind")
        guard try kindNode.string() == kind else {
            throw kindNode.error("the node class of group \(group) is \(kind), not '\(try kindNode.string())'")
        }
        let name = try ref.required("name").string()
        ref.finish(log)
        return (provider, name)
    }

    /// `requirements`: every entry checked as the CRD does; entries on labels costsim cannot
    /// match against its catalog are dropped with a warning.
    private func requirements(_ node: ConfigNode, provider: String) throws(ScenarioFileError) -> [NodeRequirement] {
        var result: [NodeRequirement] = []
        for item in try node.sequence() {
            let fields = try item.manifestMapping()
            let keyNode = try fields.required("key")
            let key = try keyNode.string()
            let operatorNode = try fields.required("operator")
            let choices = Dictionary(uniqueKeysWithValues: NodeRequirement.Operator.allCases.map { ($0.rawValue, $0) })
            let op = try operatorNode.oneOf(choices)
            let values =
                try fields.optional("values")?.sequence().map { value throws(ScenarioFileError) in
                    try value.string()
                } ?? []
            let minValues = try fields.optional("minValues")?.int(in: 1...50)
            fields.finish(log)
            let requirement = NodeRequirement(key: key, operator: op, values: values, minValues: minValues)
            if let problem = requirement.problem { throw item.error(problem) }
            if KarpenterLabels.evaluated(provider: provider).contains(key) {
                result.append(requirement)
            } else {
                log.warn(
                    keyNode,
                    key == KarpenterLabels.zone
                        ? "zones are not modelled (costsim prices one region); requirement dropped"
                        : "requirement on '\(key)' is not checked against costsim's catalog; dropped")
            }
        }
        return result
    }

    private func readDisruption(
        _ disruption: ManifestMapping, into settings: inout KarpenterSettings, provider: String
    ) throws(ScenarioFileError) {
        for field in [KarpenterField.consolidationPolicy, .consolidateAfter] {
            // The CRD requires consolidateAfter once `disruption` is given (its default applies only without it).
            let node = field == .consolidateAfter ? try disruption.required(field.key) : disruption.optional(field.key)
            if let node { field.apply(try field.parse(node, syntax: .manifest), to: &settings, provider: provider) }
        }
        if let list = disruption.optional("budgets") {
            var budgets: [DisruptionBudget] = []
            for item in try list.sequence() {
                let fields = try item.manifestMapping()
                let nodes = try fields.optional("nodes")?.budgetNodes() ?? .percent(10)
                let reasons = try fields.optional("reasons")?.budgetReasons()
                let scheduled = fields.has("schedule") || fields.has("duration")
                fields.ignore("schedule", "duration")
                fields.finish(log)
                if scheduled {
                    log.warn(
                        item, "scheduled budgets are not modelled; this budget is ignored (treated as never active)")
                } else {
                    budgets.append(DisruptionBudget(nodes: nodes, reasons: reasons))
                }
            }
            // No budget left (an empty list, or scheduled ones only): nothing limits disruption,
            // as in Karpenter with an explicit `budgets: []`.
            let value = KarpenterField.Value.budgets(
                budgets.isEmpty ? [DisruptionBudget(nodes: .percent(100))] : budgets)
            if let problem = KarpenterField.budgets.problem(with: value) { throw list.error(problem) }
            KarpenterField.budgets.apply(value, to: &settings, provider: provider)
        }
        if let stray = disruption.optional("expireAfter") {
            log.warn(
                stray,
                "expireAfter belongs under spec.template.spec in karpenter.sh/v1 (spec.disruption.expireAfter is "
                    + "the v1beta1 place); ignored here")
        }
        disruption.finish(log)
    }

    private func readLimits(
        _ limits: ManifestMapping, into settings: inout KarpenterSettings, provider: String
    ) throws(ScenarioFileError) {
        for (key, field) in [("nodes", KarpenterField.limitsNodes), ("nvidia.com/gpu", .limitsGPUs)] {
            if let node = limits.optional(key) {
                field.apply(try field.parse(node, syntax: .manifest), to: &settings, provider: provider)
            }
        }
        limits.finish(log, "limit not modelled (costsim limits a pool by nodes and nvidia.com/gpu); ignored")
    }
}
