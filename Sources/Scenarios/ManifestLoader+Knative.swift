import Simulator

/// A Knative Service's revision template: the per-revision autoscaling annotations
/// (`spec.template.metadata.annotations`) and `spec.template.spec.containerConcurrency`.
/// Cluster-wide `config-autoscaler` settings are Knative's defaults (scaling-semantics.md §5.1).
extension ManifestReader {
    private static let knativePrefix = "autoscaling.knative.dev/"

    /// Annotation names (without the prefix) and the legacy camelCase spellings Knative also accepts.
    private static let knativeAliases: [String: String] = [
        "minScale": "min-scale", "maxScale": "max-scale", "initialScale": "initial-scale",
        "targetUtilizationPercentage": "target-utilization-percentage",
        "panicWindowPercentage": "panic-window-percentage", "panicThresholdPercentage": "panic-threshold-percentage",
        "scaleToZeroPodRetentionPeriod": "scale-to-zero-pod-retention-period", "scaleDownDelay": "scale-down-delay",
        "targetBurstCapacity": "target-burst-capacity", "activationScale": "activation-scale",
    ]

    /// The table's fields by the annotation that sets them.
    private static let knativeFields: [String: KnativeField] = Dictionary(
        uniqueKeysWithValues: KnativeField.allCases.compactMap { field in field.annotation.map { ($0, field) } })

    func readKnativeFile(_ object: ManifestObject, others: [ManifestObject]) throws(ScenarioFileError) -> LoadedManifest
    {
        let (root, metadata) = try topLevel(object)
        if let annotations = try metadata?.optional("annotations")?.manifestMapping() {
            for key in annotations.keys where key.hasPrefix(Self.knativePrefix) {
                if let node = annotations.optional(key) {
                    log.warn(
                        node,
                        "autoscaling annotations take effect on the revision template; put it under "
                            + "spec.template.metadata.annotations (ignored here)")
                }
            }
        }
        let spec = try root.required("spec").manifestMapping()
        root.finish(log)
        spec.ignore("traffic")
        let template = try spec.required("template").manifestMapping()
        spec.finish(log)

        var knative = KnativeConfiguration()
        var target: (value: Double, node: ConfigNode)?
        var minScaleNode: ConfigNode?
        if let templateMetadata = try template.optional("metadata")?.manifestMapping(),
            let annotations = try templateMetadata.optional("annotations")?.manifestMapping()
        {
            var seen: [String: ConfigNode] = [:]
            for key in annotations.keys where key.hasPrefix(Self.knativePrefix) {
                guard let node = annotations.optional(key) else { continue }
                let raw = String(key.dropFirst(Self.knativePrefix.count))
                let name = Self.knativeAliases[raw] ?? raw
                if let earlier = seen[name] {
                    throw node.error("'\(raw)' repeats \(earlier.path); give it once")
                }
                seen[name] = node
                if let field = Self.knativeFields[name] {
                    field.apply(try field.parse(node, syntax: .manifest), to: &knative)
                    if field == .minScale { minScaleNode = node }
                    if field == .initialScale, knative.initialScale == 0 {
                        log.warn(
                            node,
                            "initial-scale 0 needs allow-zero-initial-scale: true in config-autoscaler (not read; "
                                + "assumed set)")
                    }
                    continue
                }
                switch name {
                case "class":
                    let value = try node.string()
                    guard value == "kpa.autoscaling.knative.dev" else {
                        throw node.error(
                            "unsupported autoscaler class '\(value)': costsim models the Knative Pod Autoscaler "
                                + "(kpa.autoscaling.knative.dev) only")
                    }
                case "metric":
                    let value = try node.string()
                    guard value == "concurrency" else {
                        throw node.error("unsupported metric '\(value)': costsim models the concurrency metric only")
                    }
                case "target":
                    target = (try node.double(in: 0.01 ... .infinity), node)
                case "scale-down-delay":
                    if try node.goDuration() > 0 {
                        log.warn(
                            node, "scale-down-delay is not supported by costsim's KPA model; scaling down without delay"
                        )
                    }
                case "activation-scale":
                    if try node.int(in: 1...Int.max) > 1 {
                        log.warn(
                            node,
                            "activation-scale is not supported by costsim's KPA model; activating to the "
                                + "decider's count")
                    }
                default:
                    log.warn(node, "unknown Knative autoscaling annotation, ignored")
                }
            }
            // Other annotations and labels do not change scaling.
        }
        if knative.maxScale > 0, knative.minScale > knative.maxScale, let minScaleNode {
            throw minScaleNode.error("min-scale (\(knative.minScale)) must not exceed max-scale (\(knative.maxScale))")
        }

        knative.containerConcurrency = 0  // Knative's default: unlimited
        if let podSpec = try template.optional("spec")?.manifestMapping() {
            if let node = podSpec.optional(KnativeField.containerConcurrency.key) {
                KnativeField.containerConcurrency.apply(
                    try KnativeField.containerConcurrency.parse(node, syntax: .manifest), to: &knative)
            }
            if let timeout = podSpec.optional("timeoutSeconds") {
                log.warn(
                    timeout, "the revision's request timeout is not read; costsim uses the scenario's client timeout")
            }
            // containers, resources, service account and the rest are described by the scenario.
        }
        // Target per pod (knative resources/target.go): the `target` annotation, capped by a
        // non-zero containerConcurrency; else containerConcurrency; else the default 100.
        let containerConcurrency = knative.containerConcurrency
        if let target {
            if containerConcurrency == 0 || target.value < Double(containerConcurrency) {
                // KnativeConfiguration uses containerConcurrency only for the target; express a
                // target below it through the default target with containerConcurrency 0.
                knative.containerConcurrency = 0
                knative.targetConcurrencyDefault = target.value
            } else if target.value > Double(containerConcurrency) {
                log.warn(
                    target.node,
                    "target \(target.value.formattedForManifest) exceeds containerConcurrency \(containerConcurrency); "
                        + "Knative caps it at \(containerConcurrency)")
            }
        }
        try validated(object) { () throws(ParameterError) in try knative.validate() }
        for other in others {
            log.warn(
                line: other.line, field: nil,
                "\(other.label) ignored: Knative manages the revision's Deployment and scaling itself")
        }
        return LoadedManifest(
            autoscaler: .knative(knative), terminationGracePeriodSeconds: nil, warnings: log.warnings, name: object.name
        )
    }
}
