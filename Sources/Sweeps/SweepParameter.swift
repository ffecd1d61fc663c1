import Scenarios
import Simulator

/// A scenario setting a sweep can vary, by the name used in grid files (``rawValue``).
///
/// Every parameter applies to one deployment option of the scenario (the *swept option*);
/// `traffic.scale` changes the workload, which all options share, and `inference.*` the
/// inference model, whose GPU speeds the swept option's service times follow.
public enum SweepParameter: Sendable, Hashable {
    case kedaPollingInterval, kedaCooldownPeriod, kedaMinReplicaCount, kedaMaxReplicaCount, kedaValue, kedaProtocol
    case kedaInitialCooldownPeriod, kedaIdleReplicaCount, kedaActivationValue
    case hpaBehavior
    // The HPA's numeric settings, named `hpa.<key>` and read, bounded and applied by ``HPAField``.
    case hpaSyncPeriod, hpaTolerance, hpaDownscaleStabilization
    case hpaScaleUpStabilizationWindow, hpaScaleDownStabilizationWindow
    case caScaleDownUnneededTime, caScaleDownDelayAfterAdd, caProfile
    case nodeMaxNodes, gpu, nodeMachineType, nodeSpot, providerRegion
    case trafficScale, dedicatedNodes, inferenceSecondsPerWorkUnit
    /// `inference.gpuSpeed.GPU`: the speed-up of one GPU (as the price catalog names it).
    case inferenceGPUSpeed(String)
    // Karpenter's fields, named `karpenter.<key>` and read, bounded and applied by ``KarpenterField``.
    case karpenterBatchIdleDuration, karpenterBatchMaxDuration, karpenterInterruptionQueue
    case karpenterConsolidationPolicy, karpenterConsolidateAfter, karpenterExpireAfter
    case karpenterTerminationGracePeriod, karpenterCapacityTypes, karpenterInstanceFamilies, karpenterInstanceTypes
    case karpenterLimitsNodes, karpenterLimitsGPUs
    // A serverless option's settings, named `serverless.<key>` and read, bounded and applied by
    // ``ServerlessField`` (``serverlessCases``).
    case serverlessGPU, serverlessInstanceType, serverlessZonalRedundancy, serverlessRegion
    case serverlessConcurrency, serverlessMinInstances, serverlessMaxInstances
    case serverlessIdleTimeout, serverlessInstanceStart, serverlessContainerStart, serverlessModelLoad
    case serverlessRequestTimeout, serverlessPollingInterval, serverlessConcurrentRequests, serverlessAlarmEvaluations
    case serverlessPendingTimeout

    /// The serverless parameters and the fields they set (whose ``Scenarios/ServerlessField/sweepName`` is their name).
    private static let serverlessCases: [(parameter: SweepParameter, field: ServerlessField)] = [
        (.serverlessGPU, .gpu), (.serverlessInstanceType, .instanceType),
        (.serverlessZonalRedundancy, .zonalRedundancy), (.serverlessRegion, .region),
        (.serverlessConcurrency, .concurrency),
        (.serverlessMinInstances, .minInstances), (.serverlessMaxInstances, .maxInstances),
        (.serverlessIdleTimeout, .idleTimeout), (.serverlessInstanceStart, .instanceStart),
        (.serverlessContainerStart, .containerStart), (.serverlessModelLoad, .modelLoad),
        (.serverlessRequestTimeout, .requestTimeout), (.serverlessPollingInterval, .pollingInterval),
        (.serverlessConcurrentRequests, .concurrentRequests), (.serverlessAlarmEvaluations, .alarmEvaluations),
        (.serverlessPendingTimeout, .pendingTimeout),
    ]

    /// The serverless setting this parameter sets, if it is one.
    var serverlessField: ServerlessField? { Self.serverlessCases.first { $0.parameter == self }?.field }

    /// The parameters with fixed names, and their names in grid files.
    private static let named: [(parameter: SweepParameter, name: String)] = [
        (.kedaPollingInterval, "keda.pollingInterval"), (.kedaCooldownPeriod, "keda.cooldownPeriod"),
        (.kedaMinReplicaCount, "keda.minReplicaCount"), (.kedaMaxReplicaCount, "keda.maxReplicaCount"),
        (.kedaValue, "keda.value"), (.kedaProtocol, "keda.protocol"),
        (.kedaInitialCooldownPeriod, "keda.initialCooldownPeriod"), (.kedaIdleReplicaCount, "keda.idleReplicaCount"),
        (.kedaActivationValue, "keda.activationValue"), (.hpaBehavior, "hpa.behavior"),
        (.hpaSyncPeriod, "hpa.syncPeriod"), (.hpaTolerance, "hpa.tolerance"),
        (.hpaDownscaleStabilization, "hpa.downscaleStabilization"),
        (.hpaScaleUpStabilizationWindow, "hpa.scaleUp.stabilizationWindow"),
        (.hpaScaleDownStabilizationWindow, "hpa.scaleDown.stabilizationWindow"),
        (.caScaleDownUnneededTime, "ca.scaleDownUnneededTime"),
        (.caScaleDownDelayAfterAdd, "ca.scaleDownDelayAfterAdd"),
        (.caProfile, "ca.profile"), (.nodeMaxNodes, "node.maxNodes"), (.gpu, "gpu"),
        (.nodeMachineType, "node.machineType"), (.nodeSpot, "node.spot"), (.providerRegion, "provider/region"),
        (.trafficScale, "traffic.scale"), (.dedicatedNodes, "dedicated.nodes"),
        (.inferenceSecondsPerWorkUnit, "inference.secondsPerWorkUnit"),
        (.karpenterBatchIdleDuration, "karpenter.batchIdleDuration"),
        (.karpenterBatchMaxDuration, "karpenter.batchMaxDuration"),
        (.karpenterInterruptionQueue, "karpenter.interruptionQueue"),
        (.karpenterConsolidationPolicy, "karpenter.consolidationPolicy"),
        (.karpenterConsolidateAfter, "karpenter.consolidateAfter"), (.karpenterExpireAfter, "karpenter.expireAfter"),
        (.karpenterTerminationGracePeriod, "karpenter.terminationGracePeriod"),
        (.karpenterCapacityTypes, "karpenter.capacityTypes"),
        (.karpenterInstanceFamilies, "karpenter.instanceFamilies"),
        (.karpenterInstanceTypes, "karpenter.instanceTypes"), (.karpenterLimitsNodes, "karpenter.limits.nodes"),
        (.karpenterLimitsGPUs, "karpenter.limits.gpus"),
    ] + serverlessCases.map { ($0.parameter, $0.field.sweepName) }

    /// The prefix of `inference.gpuSpeed.GPU`.
    static let gpuSpeedPrefix = "inference.gpuSpeed."

    /// Every parameter name a grid accepts, `inference.gpuSpeed.GPU` standing for one per GPU.
    public static var names: [String] { named.map(\.name) + [gpuSpeedPrefix + "GPU"] }

    public var rawValue: String {
        if case .inferenceGPUSpeed(let gpu) = self { return Self.gpuSpeedPrefix + gpu }
        return Self.named.first { $0.parameter == self }?.name ?? ""
    }

    public init?(rawValue: String) {
        if rawValue.hasPrefix(Self.gpuSpeedPrefix), rawValue.count > Self.gpuSpeedPrefix.count {
            self = .inferenceGPUSpeed(String(rawValue.dropFirst(Self.gpuSpeedPrefix.count)))
            return
        }
        guard let found = Self.named.first(where: { $0.name == rawValue }) else { return nil }
        self = found.parameter
    }

    /// When a configuration applies the parameter: the preset `ca.profile` first, so it never undoes an
    /// explicit `ca.*` setting; an HPA behavior's windows last, on the behavior `hpa.behavior` may have set.
    var applicationRank: Int { self == .caProfile ? 0 : hpaField?.direction != nil ? 2 : 1 }

    /// Changes the GPU the swept option runs on, or the GPU speeds: its service-time speed is resolved again.
    var changesGPUSpeed: Bool {
        switch self {
        case .gpu, .nodeMachineType, .providerRegion, .inferenceGPUSpeed, .serverlessGPU, .serverlessInstanceType: true
        default: false
        }
    }

    /// Changes which price row a serverless option's instance is, so the sweep checks it against
    /// the catalog again (``Scenarios/RegionCheck/serverlessMachine(_:gpuGiven:)``).
    var changesServerlessMachine: Bool {
        switch self {
        case .serverlessGPU, .serverlessInstanceType, .serverlessZonalRedundancy, .serverlessRegion: true
        default: false
        }
    }

    /// What kind of value the parameter takes.
    public enum ValueKind: Sendable { case seconds, count, number, choice([String]), bool, text }

    /// The Karpenter field a `karpenter.*` parameter sets (its ``Scenarios/KarpenterField/sweepName``).
    package var karpenterField: KarpenterField? {
        KarpenterField.allCases.first { $0.sweepName == rawValue }
    }

    /// The KEDA field a `keda.*` parameter sets (its ``Scenarios/KEDAField/sweepName``).
    package var kedaField: KEDAField? {
        KEDAField.allCases.first { $0.sweepName == rawValue }
    }

    /// The HPA field an `hpa.*` parameter other than `hpa.behavior` sets (its ``Scenarios/HPAField/sweepName``).
    package var hpaField: HPAField? {
        HPAField.allCases.first { $0.sweepName == rawValue }
    }

    /// The cluster-autoscaler field a `ca.*` parameter other than `ca.profile` sets.
    package var clusterAutoscalerField: ClusterAutoscalerField? {
        ClusterAutoscalerField.allCases.first { $0.sweepName == rawValue }
    }

    public var valueKind: ValueKind {
        if let field = serverlessField {
            if field == .zonalRedundancy { return .bool }
            switch field.rule {
            case .duration?: return .seconds
            case .count?: return .count
            default: return .text
            }
        }
        if let field = kedaField { return field.valueKind }
        if let field = hpaField { return field.valueKind }
        if let field = clusterAutoscalerField { return field.rule == .duration ? .seconds : .number }
        if let field = karpenterField {
            switch field {
            case .batchIdleDuration, .batchMaxDuration, .consolidateAfter, .expireAfter, .terminationGracePeriod:
                return .seconds
            case .limitsNodes, .limitsGPUs: return .count
            case .interruptionQueue: return .bool
            case .consolidationPolicy: return .choice(KarpenterSettings.ConsolidationPolicy.allCases.map(\.rawValue))
            case .capacityTypes, .instanceFamilies, .instanceTypes, .budgets: return .text
            }
        }
        return switch self {
        case .dedicatedNodes, .nodeMaxNodes: .count
        case .trafficScale, .inferenceSecondsPerWorkUnit, .inferenceGPUSpeed: .number
        case .hpaBehavior: .choice(["none", "default"])
        case .caProfile: .choice(["upstream-defaults", "optimize-utilization"])
        case .gpu: .choice(GPUCatalog.models)
        case .nodeSpot: .bool
        case .nodeMachineType, .providerRegion: .text
        default: .text   // keda.*, hpa.* but hpa.behavior, ca.* but ca.profile, karpenter.* (above)
        }
    }

    /// Whether the parameter changes which offerings a Karpenter option's requirements allow
    /// (its requirements, or its region), so the sweep resolves them again from the catalog.
    public var changesKarpenterOfferings: Bool {
        switch self {
        case .karpenterCapacityTypes, .karpenterInstanceFamilies, .karpenterInstanceTypes, .providerRegion: true
        default: false
        }
    }

    /// Accepts ranges `{from, to, step}`.
    public var isNumeric: Bool { rule != nil }

    /// How a numeric parameter's values are read and bounded: the rule of the scenario field it
    /// sets (`traffic.scale`, a factor no scenario field holds, is any number above 0).
    var rule: FieldRule? {
        if let field = serverlessField { return field.rule }
        if let field = kedaField { return field.rule(.scenario) }
        if let field = hpaField { return field.rule(.scenario) }
        if let field = clusterAutoscalerField { return field.rule }
        switch karpenterField {
        case .batchIdleDuration, .batchMaxDuration, .consolidateAfter, .expireAfter, .terminationGracePeriod:
            return .duration
        case .limitsNodes, .limitsGPUs: return .count(0...SimulationLimits.maxNodes)
        case .some: return nil
        case nil: break
        }
        return switch self {
        case .nodeMaxNodes: .nodePoolMax
        case .dedicatedNodes: .dedicatedNodes
        case .inferenceSecondsPerWorkUnit: .secondsPerWorkUnit
        case .inferenceGPUSpeed: .gpuSpeed
        case .trafficScale: .positive
        default: nil
        }
    }
}

/// One value of a parameter: a number (seconds for durations) or a word.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case text(String)

    public var description: String {
        switch self {
        case .number(let value): Self.format(value)
        case .text(let text): text
        }
    }

    public static func format(_ value: Double) -> String { FieldRule.format(value) }
}

/// A parameter set to a value, e.g. `keda.pollingInterval=10s`.
public struct ParameterSetting: Sendable, Hashable, CustomStringConvertible {
    public var parameter: SweepParameter
    public var value: ParameterValue

    public init(_ parameter: SweepParameter, _ value: ParameterValue) {
        self.parameter = parameter
        self.value = value
    }

    /// The value as written in tables (durations with `s`).
    public var valueText: String {
        if case .seconds = parameter.valueKind, case .number = value { return "\(value)s" }
        return value.description
    }

    public var description: String { "\(parameter.rawValue)=\(valueText)" }
}

/// The GPU models the `gpu` parameter knows, and the catalog machine that carries each one on
/// each provider (one GPU per node). `nil` GPU model in a row: the GPU is attached to the machine
/// and billed separately (GCP N1 + T4); otherwise the machine price includes the GPU.
public enum GPUCatalog {
    public static let models = ["T4", "L4", "A10G", "A100"]

    public struct Machine: Sendable, Hashable {
        public var machineType: String
        /// GPU model as the price catalog names it.
        public var catalogGPUModel: String
    }

    /// provider → GPU → machine. Every row exists in `pricing/catalog.csv` in the provider's
    /// default region and in most regions that sell the GPU.
    public static let machines: [String: [String: Machine]] = [
        "gcp": [
            "T4": Machine(machineType: "n1-highmem-4", catalogGPUModel: "T4"),
            "L4": Machine(machineType: "g2-standard-4", catalogGPUModel: "L4"),
            "A100": Machine(machineType: "a2-highgpu-1g", catalogGPUModel: "A100-40GB"),
        ],
        "aws": [
            "T4": Machine(machineType: "g4dn.xlarge", catalogGPUModel: "T4"),
            "A10G": Machine(machineType: "g5.xlarge", catalogGPUModel: "A10G"),
            "L4": Machine(machineType: "g6.xlarge", catalogGPUModel: "L4"),
        ],
        "azure": [
            "T4": Machine(machineType: "Standard_NC4as_T4_v3", catalogGPUModel: "T4"),
            "A100": Machine(machineType: "Standard_NC24ads_A100_v4", catalogGPUModel: "A100-80GB"),
        ],
    ]

    /// The small CPU machine that hosts the system pool on each provider.
    public static let systemMachines: [String: String] = [
        "gcp": "e2-medium", "aws": "t3.medium", "azure": "Standard_B2s",
    ]

    /// The default region of each provider in the bundled catalog.
    public static let defaultRegions: [String: String] = ["gcp": "us-central1", "aws": "us-east-1", "azure": "eastus"]

    /// The `gpu` parameter's name for a node's GPU (`A100-40GB` → `A100`), if known.
    static func model(of node: NodeSpec) -> String? {
        if let gpu = node.gpuModel?.uppercased() {
            return models.first { gpu.hasPrefix($0) }
        }
        for (_, byModel) in machines {
            if let (model, _) = byModel.first(where: { $0.value.machineType == node.machineType }) { return model }
        }
        return nil
    }

    /// `node` moved to the machine carrying `gpu` on its provider.
    static func node(_ node: NodeSpec, withGPU gpu: String) throws(SweepError) -> NodeSpec {
        guard let machine = machines[node.provider]?[gpu] else {
            let offered = machines[node.provider].map { $0.keys.sorted().joined(separator: ", ") } ?? "none"
            throw .invalidConfiguration(
                "gpu \(gpu) is not offered on \(node.provider) in the catalog mapping (offered: \(offered))")
        }
        var moved = node
        moved.machineType = machine.machineType
        moved.gpuModel = machine.catalogGPUModel
        moved.gpuCount = 1
        return moved
    }
}

extension ParameterSetting {
    /// Applies this setting to `scenario`, changing the option at `optionIndex`.
    func apply(to scenario: inout Scenario, optionIndex: Int) throws(SweepError) {
        var option = scenario.options[optionIndex]
        let name = option.name
        func number() -> Double { if case .number(let v) = value { return v } else { return .nan } }
        // Grid files give only values within the field's rule; settings built in code are held to it here.
        if let rule = parameter.rule, parameter.karpenterField == nil, let problem = rule.problem(with: number()) {
            throw .invalidConfiguration("\(parameter.rawValue) \(value): \(problem)")
        }
        func count() -> Int { Int(exactly: number()) ?? 0 }   // a whole number within the rule's range
        func text() -> String { value.description }
        func autoscaled() throws(SweepError) -> AutoscaledDeployment {
            guard case .autoscaled(let deployment) = option.kind else {
                throw .invalidConfiguration("\(parameter.rawValue) needs an autoscaled option; '\(name)' is dedicated")
            }
            return deployment
        }
        func keda() throws(SweepError) -> (AutoscaledDeployment, KEDAConfiguration) {
            let deployment = try autoscaled()
            guard case .keda(let keda) = deployment.autoscaler else {
                throw .invalidConfiguration("\(parameter.rawValue) needs a KEDA option; '\(name)' uses Knative")
            }
            return (deployment, keda)
        }
        func setKEDA(_ change: (inout KEDAConfiguration) -> Void) throws(SweepError) {
            var (deployment, keda) = try keda()
            change(&keda)
            deployment.autoscaler = .keda(keda)
            option.kind = .autoscaled(deployment)
        }
        func setAutoscaled(_ change: (inout AutoscaledDeployment) throws(SweepError) -> Void) throws(SweepError) {
            var deployment = try autoscaled()
            try change(&deployment)
            option.kind = .autoscaled(deployment)
        }
        func setNode(_ change: (inout NodeSpec) throws(SweepError) -> Void) throws(SweepError) {
            if case .autoscaled(let deployment) = option.kind, deployment.karpenter != nil,
                parameter != .providerRegion
            {
                throw .invalidConfiguration(
                    "\(parameter.rawValue): Karpenter picks '\(name)''s nodes from its requirements; sweep "
                        + "karpenter.instanceTypes, karpenter.instanceFamilies or karpenter.capacityTypes instead")
            }
            switch option.kind {
            case .dedicated(var dedicated):
                try change(&dedicated.node)
                option.kind = .dedicated(dedicated)
            case .autoscaled(var deployment):
                try change(&deployment.node)
                option.kind = .autoscaled(deployment)
            case .serverless(let serverless):
                throw .invalidConfiguration(
                    "\(parameter.rawValue) changes a Kubernetes node; '\(name)' runs on "
                        + "\(serverless.platform.rawValue) (sweep serverless.gpu instead)")
            }
        }

        if let field = parameter.serverlessField {
            guard case .serverless(var deployment) = option.kind else {
                throw .invalidConfiguration("\(parameter.rawValue) needs a serverless option; '\(name)' is not one")
            }
            field.apply(field.value(number: number(), text: text()), to: &deployment)
            do {
                try deployment.validate()
            } catch {
                throw .invalidConfiguration("\(parameter.rawValue) \(value): \(error.message)")
            }
            option.kind = .serverless(deployment)
            scenario.options[optionIndex] = option
            return
        }
        if let field = parameter.karpenterField {
            let setting = try field.value(from: value)
            if let problem = field.problem(with: setting) {
                throw .invalidConfiguration("\(parameter.rawValue) \(value): \(problem)")
            }
            try setAutoscaled { deployment throws(SweepError) in
                guard var karpenter = deployment.karpenter else {
                    throw .invalidConfiguration(
                        "\(parameter.rawValue) needs an option whose nodes Karpenter provisions; '\(name)' has none")
                }
                if setting == .flag(true), field == .interruptionQueue, deployment.node.provider != "aws" {
                    throw .invalidConfiguration("\(parameter.rawValue): an interruption queue exists on aws only")
                }
                field.apply(setting, to: &karpenter, provider: deployment.node.provider)
                deployment.karpenter = karpenter
            }
            scenario.options[optionIndex] = option
            return
        }
        if let field = parameter.kedaField {
            let setting = try field.value(from: value)
            try setKEDA { field.apply(setting, to: &$0) }
            scenario.options[optionIndex] = option
            return
        }
        if let field = parameter.hpaField {
            let setting = try field.value(from: value)
            guard field.direction != nil else {
                _ = try keda()   // the HPA scales KEDA options only
                try setAutoscaled { field.apply(setting, to: &$0.hpa) }
                scenario.options[optionIndex] = option
                return
            }
            guard var behavior = try keda().1.hpaBehavior else {
                throw .invalidConfiguration(
                    "\(parameter.rawValue) needs an HPA behavior; '\(name)' has none (the HPA's legacy path): set "
                        + "keda.hpaBehavior in the scenario or sweep hpa.behavior: [default]")
            }
            field.apply(setting, to: &behavior)
            try setKEDA { $0.hpaBehavior = behavior }
            scenario.options[optionIndex] = option
            return
        }
        if let field = parameter.clusterAutoscalerField {
            let setting = try field.value(from: value)
            try setAutoscaled { field.apply(setting, to: &$0.clusterAutoscaler) }
            scenario.options[optionIndex] = option
            return
        }
        switch parameter {
        case .hpaBehavior: try setKEDA { $0.hpaBehavior = text() == "default" ? HPABehavior() : nil }
        case .caProfile:
            try setAutoscaled {
                $0.clusterAutoscaler = text() == "optimize-utilization" ? .gkeOptimizeUtilization : .upstreamDefaults
            }
        case .nodeMaxNodes:
            try setAutoscaled { $0.maxNodes = count() }
        case .gpu:
            let gpu = text()
            try setNode { node throws(SweepError) in node = try GPUCatalog.node(node, withGPU: gpu) }
        case .nodeMachineType:
            let machine = text()
            try setNode { $0.machineType = machine }
        case .nodeSpot:
            let spot = text() == "true"
            try setNode { $0.spot = spot }
        case .providerRegion:
            let parts = text().split(separator: "/", maxSplits: 1).map(String.init)
            guard let provider = parts.first, GPUCatalog.systemMachines[provider] != nil else {
                throw .invalidConfiguration(
                    "provider/region '\(text())': provider must be gcp, aws or azure (e.g. aws/us-east-1)")
            }
            let region = parts.count > 1 ? parts[1] : (GPUCatalog.defaultRegions[provider] ?? "")
            try setNode { node throws(SweepError) in
                let gpu = GPUCatalog.model(of: node)
                let moving = node.provider != provider
                node.provider = provider
                node.region = region
                if moving {
                    guard let gpu else {
                        throw .invalidConfiguration(
                            "cannot move \(node.machineType) to \(provider): its GPU is not one of "
                                + "\(GPUCatalog.models.joined(separator: ", "))")
                    }
                    node = try GPUCatalog.node(node, withGPU: gpu)
                }
            }
            for index in option.alwaysOnNodes.indices {
                if option.alwaysOnNodes[index].node.provider != provider {
                    option.alwaysOnNodes[index].node.machineType =
                        GPUCatalog.systemMachines[provider] ?? option.alwaysOnNodes[index].node.machineType
                }
                option.alwaysOnNodes[index].node.provider = provider
                option.alwaysOnNodes[index].node.region = region
            }
        case .trafficScale:
            guard case .synthetic(var description) = scenario.workload else {
                throw .invalidConfiguration(
                    "traffic.scale needs a generated workload (the scenario replays a trace file)")
            }
            description.workPerDay *= number()
            scenario.workload = .synthetic(description)
        case .dedicatedNodes:
            guard case .dedicated(var dedicated) = option.kind else {
                throw .invalidConfiguration("dedicated.nodes needs a dedicated option; '\(name)' is autoscaled")
            }
            dedicated.nodeCount = count()
            option.kind = .dedicated(dedicated)
        case .inferenceSecondsPerWorkUnit:
            scenario.inference.secondsPerWorkUnit = number()
        case .inferenceGPUSpeed(let gpu):
            var table = scenario.inference.gpuSpeeds
            if table.isReference(gpu), number() != 1 {
                throw .invalidConfiguration(
                    "\(parameter.rawValue): \(gpu) is the reference GPU (inference.referenceGPU), whose speed is 1")
            }
            table.speeds = table.speeds.filter { $0.key.lowercased() != gpu.lowercased() }
            table.speeds[gpu] = number()
            scenario.inference.gpuSpeeds = table
        default: break   // keda.*, hpa.* but hpa.behavior, ca.* but ca.profile, karpenter.*, serverless.* (above)
        }
        scenario.options[optionIndex] = option
    }
}
