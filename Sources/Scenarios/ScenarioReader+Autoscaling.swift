import Simulator

/// Reading of `autoscaled:` deployment options (see docs/scenario-format.md).
extension ScenarioReader {
    func autoscaled(_ node: ConfigNode, cloud: Cloud) throws(ScenarioFileError) -> AutoscaledDeployment {
        let map = try node.mapping()
        let (kind, body) = try map.exactlyOne(of: ["keda", "knative"])
        let autoscaler: AutoscaledDeployment.Autoscaler =
            kind == "keda" ? .keda(try keda(body)) : .knative(try knative(body))
        let pool = try map.required("nodePool").mapping()
        let karpenterNode = map.optional("karpenter")
        // With Karpenter the node is the cheapest offering its requirements allow (from the catalog).
        let givenNode = karpenterNode == nil || regions?.offerings == nil
            ? try pool.required("node") : pool.optional("node")
        let given = try givenNode.map { node throws(ScenarioFileError) in try nodeSpec(node, cloud: cloud) }
        let minNode = pool.optional("min")
        let minNodes = try minNode?.int(in: 0...SimulationLimits.maxNodes) ?? 0
        let maxNodes = try pool.required("max").count(.nodePoolMax)
        try pool.finish()
        var karpenter: KarpenterSettings?
        if let karpenterNode {
            if let minNode, minNodes > 0 {
                throw minNode.error(
                    "Karpenter keeps no minimum node count; keep replicas warm with KEDA minReplicaCount")
            }
            karpenter = try karpenterSettings(karpenterNode, given: given, givenNode: givenNode, cloud: cloud)
        }
        guard let spec = karpenter?.offerings.first ?? given else {
            throw node.error("no Karpenter offering was resolved; give nodePool.node")
        }
        var deployment = AutoscaledDeployment(
            autoscaler: autoscaler, node: spec, minNodes: minNodes, maxNodes: maxNodes, karpenter: karpenter)
        if let hpa = map.optional("hpa") { deployment.hpa = try hpaSettings(hpa) }
        if let ca = map.optional("clusterAutoscaler") {
            if karpenterNode != nil {
                throw ca.error("karpenter provisions this pool's nodes; clusterAutoscaler settings would be unused")
            }
            deployment.clusterAutoscaler = try clusterAutoscaler(ca)
        }
        if let coldStart = map.optional("coldStart") {
            deployment.coldStart = try coldStartModel(coldStart, base: deployment.coldStart)
        }
        if let spot = map.optional("spot") {
            let fields = try spot.mapping()
            deployment.spot.preemptionsPerNodeHour =
                try fields.optional("preemptionsPerNodeHour")?.double(
                    in: 0...SimulationLimits.maxPreemptionsPerNodeHour) ?? deployment.spot.preemptionsPerNodeHour
            deployment.spot.noticeSeconds = try fields.optional("notice")?.seconds() ?? spotNotice(deployment)
            deployment.spot.stockoutProbability =
                try fields.optional("stockoutProbability")?.nonNegativeDouble() ?? deployment.spot.stockoutProbability
            try fields.finish()
        }
        if map.optional("spot") == nil { deployment.spot.noticeSeconds = spotNotice(deployment) }
        deployment.terminationGracePeriodSeconds =
            try map.optional("terminationGracePeriod")?.seconds() ?? deployment.terminationGracePeriodSeconds
        deployment.vmDeletionSeconds = try map.optional("vmDeletion")?.seconds() ?? deployment.vmDeletionSeconds
        if let outages = map.optional("scalerOutages") {
            deployment.scalerOutages = try outages.sequence().map { item throws(ScenarioFileError) in
                let fields = try item.mapping()
                let from = try fields.required("from").seconds()
                let to = try fields.required("to").seconds()
                try fields.finish()
                guard to > from else { throw item.error("'to' must be after 'from'") }
                return from..<to
            }
        }
        try map.finish()
        do { try deployment.validate() } catch { throw node.error(error.message) }
        return deployment
    }

    /// `autoscaled.karpenter` on the option's provider, with its offerings resolved against the
    /// price catalog when the reader has one; a `nodePool.node` given beside it must be one of them.
    func karpenterSettings(
        _ node: ConfigNode, given: NodeSpec?, givenNode: ConfigNode?, cloud: Cloud
    ) throws(ScenarioFileError) -> KarpenterSettings {
        let provider = given?.provider ?? cloud.provider
        var settings = try node.karpenterSettings(provider: provider)
        do {
            guard let offerings = try regions?.karpenterOfferings(
                settings, provider: provider, region: given?.region ?? cloud.region)
            else { return settings }
            settings.offerings = offerings
        } catch {
            throw node.error(error.message)
        }
        if let given, let givenNode, !settings.offerings.contains(where: { $0.machineType == given.machineType }) {
            let allowed = Set(settings.offerings.map(\.machineType)).sorted().joined(separator: ", ")
            throw givenNode.error(
                "\(given.machineType) is not an instance type the karpenter requirements allow (allowed: \(allowed)); "
                    + "leave nodePool.node out: the cheapest offering is the node")
        }
        return settings
    }

    /// The spot interruption notice when the scenario does not set `spot.notice`: EC2's 2 minutes
    /// for a Karpenter pool on AWS (``Simulator/KarpenterSettings/awsSpotNoticeSeconds``), else
    /// ``Simulator/SpotModel``'s default.
    func spotNotice(_ deployment: AutoscaledDeployment) -> Double {
        deployment.karpenter != nil && deployment.node.provider == "aws"
            ? KarpenterSettings.awsSpotNoticeSeconds : deployment.spot.noticeSeconds
    }

    func keda(_ node: ConfigNode) throws(ScenarioFileError) -> KEDAConfiguration {
        let map = try node.mapping()
        var keda = KEDAConfiguration()
        if let preset = map.optional("preset") {
            keda = try preset.oneOf(["article": .article, "keda-defaults": KEDAConfiguration()])
        }
        for field in KEDAField.allCases where !field.isTriggerField {
            guard let value = map.optional(field.name) else { continue }
            field.apply(try field.parse(value, syntax: .scenario), to: &keda)
        }
        if let trigger = map.optional("trigger") {
            let fields = try trigger.mapping()
            for field in KEDAField.allCases where field.isTriggerField {
                guard let value = fields.optional(field.name) else { continue }
                field.apply(try field.parse(value, syntax: .scenario), to: &keda)
            }
            keda.trigger.excludeUnacknowledged = try fields.optional("excludeUnacknowledged")?.bool() ?? false
            keda.trigger.useCachedMetrics = try fields.optional("useCachedMetrics")?.bool() ?? false
            try fields.finish()
        }
        if let fallback = map.optional("fallback") {
            let fields = try fallback.mapping()
            keda.fallback = KEDAConfiguration.Fallback(
                failureThreshold: try fields.required("failureThreshold").int(atLeast: 0),
                replicas: try fields.required("replicas").int(in: 0...SimulationLimits.maxReplicas))
            try fields.finish()
        }
        if let behavior = map.optional("hpaBehavior") { keda.hpaBehavior = try hpaBehavior(behavior) }
        keda.phaseSeconds = try map.optional("phase")?.seconds() ?? keda.phaseSeconds
        try map.finish()
        do { try keda.validate() } catch { throw node.error(error.message) }
        return keda
    }

    func hpaBehavior(_ node: ConfigNode) throws(ScenarioFileError) -> HPABehavior {
        let map = try node.mapping()
        var behavior = HPABehavior()
        for direction in HPAField.Direction.allCases {
            guard let rules = map.optional(direction.rawValue) else { continue }
            let fields = try rules.mapping()
            for field in HPAField.allCases where field.direction == direction {
                guard let value = fields.optional(field.name) else { continue }
                field.apply(try field.parse(value, syntax: .scenario), to: &behavior)
            }
            try fields.finish()
        }
        try map.finish()
        return behavior
    }

    func hpaSettings(_ node: ConfigNode) throws(ScenarioFileError) -> HPASettings {
        let map = try node.mapping()
        var settings = HPASettings()
        for field in HPAField.allCases where field.direction == nil {
            guard let value = map.optional(field.name) else { continue }
            field.apply(try field.parse(value, syntax: .scenario), to: &settings)
        }
        settings.phaseSeconds = try map.optional("phase")?.seconds() ?? settings.phaseSeconds
        try map.finish()
        return settings
    }

    func clusterAutoscaler(_ node: ConfigNode) throws(ScenarioFileError) -> ClusterAutoscalerSettings {
        let map = try node.mapping()
        var settings = try map.optional("profile")?.oneOf([
            "upstream-defaults": ClusterAutoscalerSettings.upstreamDefaults, "balanced": .upstreamDefaults,
            "gke-optimize-utilization": .gkeOptimizeUtilization,
        ]) ?? .upstreamDefaults
        for field in ClusterAutoscalerField.allCases {
            guard let value = map.optional(field.key) else { continue }
            field.apply(try field.parse(value), to: &settings)
        }
        settings.phaseSeconds = try map.optional("phase")?.seconds() ?? settings.phaseSeconds
        try map.finish()
        return settings
    }

    func coldStartModel(_ node: ConfigNode, base: ColdStartModel) throws(ScenarioFileError) -> ColdStartModel {
        let map = try node.mapping()
        var model = base
        if let value = map.optional("vmBoot") { model.vmBoot = try value.distribution(baseDirectory: baseDirectory) }
        if let value = map.optional("driverInstall") {
            model.driverInstall = try value.distribution(baseDirectory: baseDirectory)
        }
        if let value = map.optional("devicePlugin") {
            model.devicePlugin = try value.distribution(baseDirectory: baseDirectory)
        }
        if let value = map.optional("imagePull") {
            model.imagePull = try value.distribution(baseDirectory: baseDirectory)
        }
        if let value = map.optional("modelLoad") {
            model.modelLoad = try value.distribution(baseDirectory: baseDirectory)
        }
        if let value = map.optional("readiness") {
            model.readiness = try value.distribution(baseDirectory: baseDirectory)
        }
        model.imageCachedOnNode = try map.optional("imageCachedOnNode")?.bool() ?? model.imageCachedOnNode
        if let value = map.optional("calibrated") { model.calibrated = try calibratedPhases(value, in: map) }
        try map.finish()
        return model
    }

    /// `coldStart.calibrated: {source: "…", samples: {vmBoot: 14, …}}`: each phase named must be set
    /// in the same `coldStart` block, so a default is never reported as measured.
    func calibratedPhases(
        _ node: ConfigNode, in coldStart: ConfigMapping
    ) throws(ScenarioFileError) -> CalibratedPhases {
        let map = try node.mapping()
        let sourceNode = try map.required("source")
        let source = try sourceNode.string().trimmingSpaces()
        guard !source.isEmpty, source.count <= 500 else {
            throw sourceNode.error("must say where the measurements come from, in at most 500 characters")
        }
        var samples: [String: Int] = [:]
        for (phase, count) in try map.required("samples").mapping().children {
            guard ColdStartModel.phaseKeys.contains(phase) else {
                let known = ColdStartModel.phaseKeys.joined(separator: ", ")
                throw count.error("unknown cold-start phase '\(phase)' (known: \(known))")
            }
            guard coldStart.keys.contains(phase) else {
                throw count.error("phase '\(phase)' is not set in this coldStart block, so it was not calibrated")
            }
            samples[phase] = try count.int(in: 1...CalibratedPhases.maxSamples)
        }
        guard !samples.isEmpty else { throw node.error("samples: name at least one calibrated phase") }
        try map.finish()
        return CalibratedPhases(samples: samples, source: source)
    }

    func knative(_ node: ConfigNode) throws(ScenarioFileError) -> KnativeConfiguration {
        let map = try node.mapping()
        var knative = KnativeConfiguration()
        for field in KnativeField.allCases {
            guard let value = map.optional(field.key) else { continue }
            field.apply(try field.parse(value, syntax: .scenario), to: &knative)
        }
        knative.phaseSeconds = try map.optional("phase")?.seconds() ?? knative.phaseSeconds
        try map.finish()
        do { try knative.validate() } catch { throw node.error(error.message) }
        return knative
    }
}
