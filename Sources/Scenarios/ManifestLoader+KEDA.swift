import Simulator

/// KEDA ScaledObject, its target Deployment and an optional HorizontalPodAutoscaler.
/// Semantics and defaults: scaling-semantics.md §1–3 (KEDA `scaledobject_types.go`,
/// `rabbitmq_scaler.go`, Kubernetes `pkg/apis/autoscaling/v2/defaults.go`).
extension ManifestReader {
    func readScaledObjectFile(
        _ object: ManifestObject, others: [ManifestObject]
    ) throws(ScenarioFileError) -> LoadedManifest {
        let (root, metadata) = try topLevel(object)
        if let annotations = try metadata?.optional("annotations")?.manifestMapping() {
            try readKEDAAnnotations(annotations)
        }
        let spec = try root.required("spec").manifestMapping()
        root.finish(log)

        let targetRef = try spec.required("scaleTargetRef").manifestMapping()
        let nameNode = try targetRef.required("name")
        let targetName = try nameNode.string()
        guard !targetName.isEmpty else { throw nameNode.error("must name the Deployment the ScaledObject scales") }
        let kindNode = targetRef.optional("kind")
        let targetKind = try kindNode?.string() ?? "Deployment"
        if let kindNode, !["Deployment", "StatefulSet"].contains(targetKind) {
            log.warn(
                kindNode,
                "costsim models the pods of a Deployment (or StatefulSet); '\(targetKind)' is simulated as one")
        }
        targetRef.ignore("apiVersion", "envSourceContainerName")
        targetRef.finish(log)

        var keda = KEDAConfiguration()
        func read(_ field: KEDAField) throws(ScenarioFileError) -> ConfigNode? {
            guard let node = spec.optional(field.name) else { return nil }
            field.apply(try field.parse(node, syntax: .manifest), to: &keda)
            return node
        }
        for field in [KEDAField.pollingInterval, .cooldownPeriod, .initialCooldownPeriod] { _ = try read(field) }
        let minNode = try read(.minReplicaCount)
        let maxNode = try read(.maxReplicaCount)
        if keda.minReplicaCount > keda.maxReplicaCount {
            let node = minNode ?? maxNode!
            throw node.error(
                "minReplicaCount (\(keda.minReplicaCount)) must not exceed maxReplicaCount "
                    + "(\(keda.maxReplicaCount)\(maxNode == nil ? ", KEDA's default" : ""))")
        }
        if let idleNode = try read(.idleReplicaCount), let idle = keda.idleReplicaCount, idle >= keda.minReplicaCount {
            throw idleNode.error(
                "idleReplicaCount (\(idle)) must be below minReplicaCount "
                    + "(\(keda.minReplicaCount)\(minNode == nil ? ", KEDA's default" : ""))")
        }
        if let node = spec.optional("fallback") { keda.fallback = try readFallback(node) }
        if let node = spec.optional("advanced") { keda.hpaBehavior = try readAdvanced(node) }
        try readTriggers(try spec.required("triggers"), into: &keda)
        spec.finish(log)
        try validated(object) { () throws(ParameterError) in try keda.validate() }

        let grace = try targetGracePeriod(of: object, targetKind: targetKind, targetName: targetName, in: others)
        if let behavior = try behaviorFromHPA(
            of: object, targetKind: targetKind, targetName: targetName, in: others,
            scaledObjectHasBehavior: keda.hpaBehavior != nil)
        {
            keda.hpaBehavior = behavior
        }
        for other in others where other.role == .knativeService {
            log.warn(line: other.line, field: nil, "\(other.label) ignored")
        }
        return LoadedManifest(
            autoscaler: .keda(keda), terminationGracePeriodSeconds: grace, warnings: log.warnings, name: object.name)
    }

    // MARK: - metadata.annotations

    private func readKEDAAnnotations(_ annotations: ManifestMapping) throws(ScenarioFileError) {
        let prefix = "autoscaling.keda.sh/"
        for key in annotations.keys {
            guard key.hasPrefix(prefix), let node = annotations.optional(key) else { continue }
            let value = try node.string()
            switch String(key.dropFirst(prefix.count)) {
            case "paused":
                if value.lowercased() == "true" {
                    log.warn(
                        node,
                        "the ScaledObject is paused (KEDA neither polls nor scales it); costsim simulates it as "
                            + "not paused")
                }
            case "paused-replicas":
                log.warn(
                    node,
                    "KEDA would pin the target at \(value) replicas and stop scaling; costsim simulates the "
                        + "ScaledObject as not paused")
            case "paused-scale-in":
                if value.lowercased() == "true" {
                    log.warn(
                        node,
                        "scale-in pause (no scale to zero, HPA scaleDown disabled) is not modelled; costsim scales "
                            + "in normally")
                }
            case "paused-scale-out":
                if value.lowercased() == "true" {
                    log.warn(node, "scale-out pause is not modelled; costsim scales out normally")
                }
            case "force-activation":
                if value.lowercased() == "true" {
                    log.warn(
                        node,
                        "forced activation (always active, never scales to zero) is not modelled; costsim activates on "
                            + "the trigger")
                }
            default:
                log.warn(node, "unknown KEDA annotation, ignored")
            }
        }
    }

    // MARK: - spec.fallback, spec.advanced

    private func readFallback(_ node: ConfigNode) throws(ScenarioFileError) -> KEDAConfiguration.Fallback {
        let mapping = try node.manifestMapping()
        let threshold = try mapping.required("failureThreshold").int(in: 0...Int.max)
        let replicas = try mapping.required("replicas").int(in: 0...SimulationLimits.maxReplicas)
        if let behaviorNode = mapping.optional("behavior") {
            switch try behaviorNode.string() {
            case "static": break
            case "currentReplicas", "currentReplicasIfHigher", "currentReplicasIfLower":
                log.warn(
                    behaviorNode,
                    "fallback behavior '\(try behaviorNode.string())' is not modelled; costsim uses 'static' "
                        + "(fallback.replicas)")
            case let other:
                throw behaviorNode.error(
                    "'\(other)' is not one of: static, currentReplicas, currentReplicasIfHigher, currentReplicasIfLower"
                )
            }
        }
        mapping.finish(log)
        return KEDAConfiguration.Fallback(failureThreshold: threshold, replicas: replicas)
    }

    /// `spec.advanced`: the HPA behavior, if any.
    private func readAdvanced(_ node: ConfigNode) throws(ScenarioFileError) -> HPABehavior? {
        let advanced = try node.manifestMapping()
        // Only used when the ScaledObject is deleted.
        advanced.ignore("restoreToOriginalReplicaCount")
        if let modifiers = advanced.optional("scalingModifiers") {
            throw modifiers.error(
                "scalingModifiers (a composite metric formula) is not supported: costsim scales on the rabbitmq "
                    + "trigger's queue length")
        }
        var behavior: HPABehavior?
        if let configNode = advanced.optional("horizontalPodAutoscalerConfig") {
            let config = try configNode.manifestMapping()
            config.ignore("name")
            if let behaviorNode = config.optional("behavior") { behavior = try readHPABehavior(behaviorNode) }
            config.finish(log)
        }
        advanced.finish(log)
        return behavior
    }

    // MARK: - spec.triggers

    private func readTriggers(_ node: ConfigNode, into keda: inout KEDAConfiguration) throws(ScenarioFileError) {
        let triggers = try node.sequence()
        var rabbit: [ConfigNode] = []
        var unsupported: [(node: ConfigNode, type: String)] = []
        for trigger in triggers {
            let typeNode = try trigger.manifestMapping().required("type")
            let type = try typeNode.string()
            if type == "rabbitmq" { rabbit.append(trigger) } else { unsupported.append((typeNode, type)) }
        }
        guard let first = rabbit.first else {
            if let (typeNode, type) = unsupported.first {
                throw typeNode.error("unsupported trigger type '\(type)': costsim models KEDA's rabbitmq scaler only")
            }
            throw node.error("needs one trigger of type rabbitmq")
        }
        if rabbit.count > 1 {
            throw rabbit[1].error("more than one rabbitmq trigger: costsim models one queue per ScaledObject")
        }
        for (typeNode, type) in unsupported {
            log.warn(
                typeNode,
                "trigger type '\(type)' ignored: costsim scales on the rabbitmq trigger only, whereas KEDA would scale "
                    + "on the highest proposal of all triggers")
        }
        try readRabbitMQTrigger(first, into: &keda)
    }

    /// The rabbitmq trigger's settings, onto `keda.trigger` (KEDA's defaults until then).
    private func readRabbitMQTrigger(
        _ node: ConfigNode, into keda: inout KEDAConfiguration
    ) throws(ScenarioFileError) {
        let trigger = try node.manifestMapping()
        trigger.ignore("type", "name", "authenticationRef")
        func apply(_ field: KEDAField, _ node: ConfigNode) throws(ScenarioFileError) {
            field.apply(try field.parse(node, syntax: .manifest), to: &keda)
        }
        if let cached = trigger.optional("useCachedMetrics") { keda.trigger.useCachedMetrics = try cached.bool() }
        if let metricType = trigger.optional("metricType") {
            let type = try metricType.string()
            guard type == "AverageValue" else {
                throw metricType.error(
                    "unsupported metricType '\(type)': costsim models AverageValue (the KEDA default) only")
            }
        }
        let metadataNode = try trigger.required("metadata")
        let metadata = try metadataNode.manifestMapping()

        // mode / value / deprecated queueLength (rabbitmq_scaler.go: value 20 only when none is given).
        let modeNode = metadata.optional("mode")
        let valueNode = metadata.optional(KEDAField.value.name)
        let queueLengthNode = metadata.optional("queueLength")
        if let modeNode {
            let mode = try modeNode.string()
            guard mode == "QueueLength" else {
                throw modeNode.error("unsupported mode '\(mode)': costsim models the QueueLength mode only")
            }
        }
        if let queueLengthNode {
            guard modeNode == nil, valueNode == nil else {
                throw queueLengthNode.error("queueLength is deprecated and cannot be combined with mode and value")
            }
            try apply(.value, queueLengthNode)   // the deprecated name of value
            log.warn(
                queueLengthNode,
                "queueLength is deprecated in KEDA; read as mode: QueueLength, value: "
                    + "\(keda.trigger.targetValue.formattedForManifest)")
        } else if let valueNode {
            guard modeNode != nil else {
                throw ScenarioFileError(
                    file: file, line: valueNode.line, field: metadata.node.path + ".mode",
                    message: "required when value is set")
            }
            try apply(.value, valueNode)
        } else if modeNode != nil {
            throw ScenarioFileError(
                file: file, line: metadata.line, field: metadata.node.path + ".value",
                message: "required when mode is set")
        }
        if let activation = metadata.optional(KEDAField.activationValue.name) {
            try apply(.activationValue, activation)
        }

        // protocol: auto (from the host's scheme), amqp or http.
        let protocolNode = metadata.optional(KEDAField.queueProtocol.name)
        let hostNode = metadata.optional("host")
        let declared = try protocolNode.map { node throws(ScenarioFileError) in
            try KEDAField.queueProtocol.parse(node, syntax: .manifest)
        }
        if let declared, declared != .queueProtocol(nil) {
            KEDAField.queueProtocol.apply(declared, to: &keda)
        } else if let hostNode {
            let host = try hostNode.string()
            let scheme = host.range(of: "://").map { host[..<$0.lowerBound].lowercased() } ?? ""
            switch scheme {
            case "amqp", "amqps": KEDAField.queueProtocol.apply(.queueProtocol(.amqp), to: &keda)
            case "http", "https": KEDAField.queueProtocol.apply(.queueProtocol(.http), to: &keda)
            default:
                throw hostNode.error(
                    "cannot tell the protocol from the host's scheme '\(scheme)' (expected amqp, amqps, http or "
                        + "https); set protocol")
            }
        } else {
            KEDAField.queueProtocol.apply(.queueProtocol(.amqp), to: &keda)
            log.warn(
                metadataNode,
                "no host and no protocol: the protocol is unknown (host from the environment or a "
                    + "TriggerAuthentication); assuming amqp, which counts ready messages only")
        }
        if let exclude = metadata.optional("excludeUnacknowledged") {
            keda.trigger.excludeUnacknowledged = try exclude.bool()
            if keda.trigger.excludeUnacknowledged && keda.trigger.queueProtocol == .amqp {
                throw exclude.error("excludeUnacknowledged needs the http protocol (KEDA rejects it with amqp)")
            }
        }
        if let regex = metadata.optional("useRegex"), try regex.bool() {
            log.warn(
                regex,
                "queues matched by a regex are modelled as one queue (operation "
                    + "'\((try metadata.optional("operation")?.string()) ?? "sum")')")
        }
        // Connection details: they do not change what the scaler computes.
        metadata.ignore(
            "queueName", "vhostName", "hostFromEnv", "operation", "pageSize", "timeout", "unsafeSsl", "metricName",
            "usernameFromEnv", "passwordFromEnv", "username", "password", "tls", "ca", "cert", "key", "keyPassword")
        metadata.finish(log)
        trigger.finish(log)
    }

    // MARK: - HPA behavior

    /// An autoscaling/v2 `behavior`; an omitted direction or field takes the API server default.
    func readHPABehavior(_ node: ConfigNode) throws(ScenarioFileError) -> HPABehavior {
        let mapping = try node.manifestMapping()
        var behavior = HPABehavior()
        for direction in HPAField.Direction.allCases {
            guard let rules = mapping.optional(direction.rawValue) else { continue }
            try readRules(rules, direction: direction, into: &behavior)
        }
        mapping.finish(log)
        return behavior
    }

    private func readRules(
        _ node: ConfigNode, direction: HPAField.Direction, into behavior: inout HPABehavior
    ) throws(ScenarioFileError) {
        let mapping = try node.manifestMapping()
        // The window, the policies, then the select policy: the first bad one is the error reported.
        let fields: [HPAField] = direction == .scaleUp
            ? [.scaleUpStabilizationWindow, .scaleUpPolicies, .scaleUpSelectPolicy]
            : [.scaleDownStabilizationWindow, .scaleDownPolicies, .scaleDownSelectPolicy]
        for field in fields {
            guard let value = mapping.optional(field.manifestName) else { continue }
            field.apply(try field.parse(value, syntax: .manifest, log: log), to: &behavior)
        }
        if let tolerance = mapping.optional("tolerance") {
            log.warn(
                tolerance, "per-direction tolerance is not modelled; costsim uses the controller-wide tolerance (0.1)")
        }
        mapping.finish(log)
    }

    // MARK: - Deployment and HorizontalPodAutoscaler documents

    private func matches(_ scaledObject: ManifestObject, _ other: ManifestObject, kind: String, name: String) -> Bool {
        let sameNamespace =
            scaledObject.namespace == nil || other.namespace == nil || scaledObject.namespace == other.namespace
        return other.kind == kind && other.name == name && sameNamespace
    }

    private func targetGracePeriod(
        of scaledObject: ManifestObject, targetKind: String, targetName: String, in others: [ManifestObject]
    ) throws(ScenarioFileError) -> Double? {
        var found: ManifestObject?
        for workload in others where workload.role == .workload {
            guard matches(scaledObject, workload, kind: targetKind, name: targetName) else {
                log.warn(
                    line: workload.line, field: nil,
                    "\(workload.label) ignored: it is not the ScaledObject's scaleTargetRef (\(targetKind) "
                        + "'\(targetName)')")
                continue
            }
            guard found == nil else {
                log.warn(
                    line: workload.line, field: nil,
                    "\(workload.label) ignored: a second \(targetKind) with the target's name")
                continue
            }
            found = workload
        }
        guard let found else { return nil }
        // Everything else in a Deployment (containers, resources, replicas, which KEDA owns) is
        // described by the scenario or overridden by KEDA, so it is not read and not warned about.
        var node: ConfigNode? = found.node
        for key in ["spec", "template", "spec"] {
            guard let current = node else { return nil }
            guard current.isMapping else { throw current.error("must be a mapping") }
            node = try current.mapping().optional(key)
        }
        guard let podSpec = node else { return nil }
        guard podSpec.isMapping else { throw podSpec.error("must be a mapping") }
        guard let grace = try podSpec.mapping().optional("terminationGracePeriodSeconds") else { return nil }
        return Double(try grace.int(in: 0...Int(SimulationLimits.maxDurationSeconds)))
    }

    private func behaviorFromHPA(
        of scaledObject: ManifestObject, targetKind: String, targetName: String, in others: [ManifestObject],
        scaledObjectHasBehavior: Bool
    ) throws(ScenarioFileError) -> HPABehavior? {
        var result: HPABehavior?
        for hpa in others where hpa.role == .horizontalPodAutoscaler {
            let (root, _) = try topLevel(hpa)
            let spec = try root.required("spec").manifestMapping()
            root.finish(log)
            let ref = try spec.required("scaleTargetRef").mapping()
            let refName = try ref.required("name").string()
            let refKind = try ref.optional("kind")?.string() ?? "Deployment"
            let sameNamespace =
                scaledObject.namespace == nil || hpa.namespace == nil || scaledObject.namespace == hpa.namespace
            guard refName == targetName, refKind == targetKind, sameNamespace else {
                log.warn(
                    line: hpa.line, field: nil,
                    "\(hpa.label) ignored: it does not scale the ScaledObject's target (\(targetKind) '\(targetName)')")
                continue
            }
            // KEDA owns its HPA's bounds and metrics; they follow from the ScaledObject.
            spec.ignore("scaleTargetRef", "minReplicas", "maxReplicas", "metrics")
            let behaviorNode = spec.optional("behavior")
            spec.finish(log)
            guard let behaviorNode else { continue }
            if scaledObjectHasBehavior {
                log.warn(
                    behaviorNode,
                    "ignored: the ScaledObject's spec.advanced.horizontalPodAutoscalerConfig.behavior takes precedence")
            } else if result != nil {
                log.warn(behaviorNode, "ignored: behavior already taken from an earlier HorizontalPodAutoscaler")
            } else {
                result = try readHPABehavior(behaviorNode)
                log.warn(behaviorNode,
                    "used because the ScaledObject has no advanced.horizontalPodAutoscalerConfig.behavior; in a "
                        + "cluster KEDA "
                    + "rewrites the HPA it owns from the ScaledObject, so move this behavior there")
            }
        }
        return result
    }
}
