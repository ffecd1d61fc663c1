import Simulator

/// The table of Karpenter settings a scenario (`autoscaled.karpenter.<key>`), a NodePool
/// manifest (`manifestPath`) and a sweep (`karpenter.<key>`) can set: key, unit, range, default
/// and source of each field, and the one place it is parsed, bounded and applied.
///
/// Scenario files write durations as costsim does (`90s`, `10m`, `1.5h`, `30d`); NodePool manifests
/// as the CRD does (whole numbers with `s`, `m`, `h`: `30s`, `1h30m`). Both accept `Never` where
/// Karpenter does. docs/karpenter.md lists the table.
package enum KarpenterField: String, CaseIterable, Sendable {
    case batchIdleDuration, batchMaxDuration, interruptionQueue
    case consolidationPolicy, consolidateAfter, budgets, expireAfter, terminationGracePeriod
    case capacityTypes, instanceFamilies, instanceTypes
    case limitsNodes = "limits.nodes"
    case limitsGPUs = "limits.gpus"

    /// A field's value, before it is applied to ``Simulator/KarpenterSettings``.
    package enum Value: Sendable, Hashable {
        /// Seconds; `nil` for `Never` (or, for `terminationGracePeriod`, unset: drain forever).
        case seconds(Double?)
        case count(Int)
        case flag(Bool)
        case policy(KarpenterSettings.ConsolidationPolicy)
        case words([String])
        case budgets([DisruptionBudget])
    }

    /// The key under `autoscaled.karpenter` (dotted keys are nested mappings).
    package var key: String { rawValue }
    /// The sweep parameter name.
    package var sweepName: String { "karpenter." + rawValue }

    /// Where a NodePool manifest sets the field (`nil`: a controller flag, not in the NodePool).
    package var manifestPath: String? {
        switch self {
        case .batchIdleDuration, .batchMaxDuration, .interruptionQueue: nil
        case .consolidationPolicy, .consolidateAfter, .budgets: "spec.disruption." + rawValue
        case .expireAfter, .terminationGracePeriod: "spec.template.spec." + rawValue
        case .capacityTypes: "spec.template.spec.requirements (karpenter.sh/capacity-type In)"
        case .instanceFamilies: "spec.template.spec.requirements (instance-family / sku-family In)"
        case .instanceTypes: "spec.template.spec.requirements (node.kubernetes.io/instance-type In)"
        case .limitsNodes: "spec.limits.nodes"
        case .limitsGPUs: "spec.limits[nvidia.com/gpu]"
        }
    }

    package var unit: String {
        switch self {
        case .batchIdleDuration, .batchMaxDuration, .consolidateAfter, .expireAfter, .terminationGracePeriod:
            "duration"
        case .interruptionQueue: "true/false"
        case .consolidationPolicy: "policy"
        case .budgets: "list of {nodes, reasons}"
        case .capacityTypes, .instanceFamilies, .instanceTypes: "list of names"
        case .limitsNodes: "nodes"
        case .limitsGPUs: "GPUs"
        }
    }

    package var range: String {
        switch self {
        case .batchIdleDuration, .batchMaxDuration: "> 0 s, idle <= max, <= 100 years"
        case .consolidateAfter: "0 s … 100 years, or Never"
        case .expireAfter: "> 0 s … 100 years, or Never"
        case .terminationGracePeriod: "0 s … 100 years"
        case .interruptionQueue: "true, false"
        case .consolidationPolicy:
            KarpenterSettings.ConsolidationPolicy.allCases.map(\.rawValue).joined(separator: ", ")
        case .budgets:
            "1 … 50 budgets; nodes 0 … \(SimulationLimits.maxNodes) or 0% … 100%; reasons Empty, Underutilized, Drifted"
        case .capacityTypes: KarpenterSettings.CapacityType.allCases.map(\.rawValue).joined(separator: ", ")
        case .instanceFamilies, .instanceTypes: "1 … 100 names"
        case .limitsNodes, .limitsGPUs: "0 … \(SimulationLimits.maxNodes)"
        }
    }

    package var defaultText: String {
        switch self {
        case .batchIdleDuration: "1s"
        case .batchMaxDuration: "10s"
        case .interruptionQueue: "false"
        case .consolidationPolicy: "WhenEmptyOrUnderutilized"
        case .consolidateAfter: "0s"
        case .budgets: "[{nodes: 10%}]"
        case .expireAfter: "720h"
        case .terminationGracePeriod: "unset (drain waits forever)"
        case .capacityTypes, .instanceFamilies, .instanceTypes: "unset (no restriction)"
        case .limitsNodes, .limitsGPUs: "unset (no limit)"
        }
    }

    /// Where the default and the semantics come from (kubernetes-sigs/karpenter v1.14.1 unless
    /// another repository is named).
    package var source: String {
        switch self {
        case .batchIdleDuration, .batchMaxDuration: "pkg/operator/options/options.go; provisioning/batcher.go"
        case .interruptionQueue: "aws/karpenter-provider-aws v1.14.1 docs/reference/settings.md INTERRUPTION_QUEUE"
        case .consolidationPolicy, .consolidateAfter, .budgets: "pkg/apis/v1/nodepool.go (Disruption, Budget)"
        case .expireAfter, .terminationGracePeriod: "pkg/apis/v1/nodeclaim.go; karpenter.sh_nodepools.yaml"
        case .capacityTypes: "aws pkg/providers/instance/instance.go getCapacityType"
        case .instanceFamilies, .instanceTypes: "aws docs/concepts/scheduling.md well-known labels"
        case .limitsNodes, .limitsGPUs: "pkg/apis/v1/nodepool.go Limits; scheduling/scheduler.go"
        }
    }

    /// Reads the field's value from a scenario or grid file (scenario syntax).
    package func parse(_ node: ConfigNode) throws(ScenarioFileError) -> Value {
        try parse(node, syntax: .scenario)
    }

    /// Reads the field's value; errors name the field.
    package func parse(_ node: ConfigNode, syntax: FieldSyntax) throws(ScenarioFileError) -> Value {
        let value: Value
        switch self {
        case .batchIdleDuration, .batchMaxDuration, .terminationGracePeriod:
            value = .seconds(try node.karpenterDuration(syntax, allowsNever: false))
        case .consolidateAfter, .expireAfter:
            value = .seconds(try node.karpenterDuration(syntax, allowsNever: true))
        case .interruptionQueue: value = .flag(try node.bool())
        case .consolidationPolicy:
            let policies = KarpenterSettings.ConsolidationPolicy.allCases
            value = .policy(try node.oneOf(Dictionary(uniqueKeysWithValues: policies.map { ($0.rawValue, $0) })))
        case .budgets:
            value = .budgets(try node.sequence().map { item throws(ScenarioFileError) in try item.disruptionBudget() })
        case .capacityTypes, .instanceFamilies, .instanceTypes:
            let items = node.isSequence ? try node.sequence() : [node]
            value = .words(try items.map { item throws(ScenarioFileError) in try item.string().trimmingSpaces() })
        case .limitsNodes, .limitsGPUs:
            value = .count(try node.int(in: 0...SimulationLimits.maxNodes))
        }
        if let problem = problem(with: value) { throw node.error(problem) }
        return value
    }

    /// Why `value` breaks the field's range, or nil (the readers' wording).
    package func problem(with value: Value) -> String? {
        switch (self, value) {
        case (.batchIdleDuration, .seconds(let seconds?)), (.batchMaxDuration, .seconds(let seconds?)):
            return FieldRule.duration.problem(with: seconds) ?? (seconds > 0 ? nil : "must be longer than 0 s")
        case (.expireAfter, .seconds(let seconds)):
            guard let seconds else { return nil }
            return FieldRule.duration.problem(with: seconds)
                ?? (seconds > 0 ? nil : "must be longer than 0 s (or Never)")
        case (.consolidateAfter, .seconds(let seconds)), (.terminationGracePeriod, .seconds(let seconds)):
            return seconds.flatMap(FieldRule.duration.problem(with:))
        case (.interruptionQueue, .flag), (.consolidationPolicy, .policy): return nil
        case (.budgets, .budgets(let budgets)):
            guard (1...50).contains(budgets.count) else { return "needs 1 … 50 budgets, got \(budgets.count)" }
            return budgets.lazy.compactMap(\.problem).first
        case (.capacityTypes, .words(let names)):
            let known = Set(KarpenterSettings.CapacityType.allCases.map(\.rawValue))
            if let unknown = names.first(where: { !known.contains($0) }) {
                return "'\(unknown)' is not a capacity type (one of: \(range))"
            }
            return names.isEmpty ? "needs at least one capacity type" : nil
        case (.instanceFamilies, .words(let names)), (.instanceTypes, .words(let names)):
            guard (1...100).contains(names.count) else { return "needs 1 … 100 names, got \(names.count)" }
            return names.contains(where: \.isEmpty) ? "names must not be empty" : nil
        case (.limitsNodes, .count(let count)), (.limitsGPUs, .count(let count)):
            return FieldRule.count(0...SimulationLimits.maxNodes).problem(with: Double(count))
        default:
            return "is not a value for \(rawValue)"
        }
    }

    /// Sets the field in `settings`; `provider` (`aws`, `azure`) picks the instance-family label.
    /// A list of names replaces the field's requirement.
    package func apply(_ value: Value, to settings: inout KarpenterSettings, provider: String) {
        switch (self, value) {
        case (.batchIdleDuration, .seconds(let seconds?)): settings.batchIdleSeconds = seconds
        case (.batchMaxDuration, .seconds(let seconds?)): settings.batchMaxSeconds = seconds
        case (.interruptionQueue, .flag(let on)): settings.interruptionQueue = on
        case (.consolidationPolicy, .policy(let policy)): settings.consolidationPolicy = policy
        case (.consolidateAfter, .seconds(let seconds)): settings.consolidateAfterSeconds = seconds
        case (.expireAfter, .seconds(let seconds)): settings.expireAfterSeconds = seconds
        case (.terminationGracePeriod, .seconds(let seconds)): settings.terminationGracePeriodSeconds = seconds
        case (.budgets, .budgets(let budgets)): settings.budgets = budgets
        case (.capacityTypes, .words(let names)), (.instanceFamilies, .words(let names)),
            (.instanceTypes, .words(let names)):
            let key = requirementKey(provider: provider)
            settings.requirements.removeAll { $0.key == key }
            settings.requirements.append(NodeRequirement(key: key, operator: .in, values: names))
        case (.limitsNodes, .count(let count)): settings.maxNodes = count
        case (.limitsGPUs, .count(let count)): settings.maxGPUs = count
        default: break
        }
    }

    /// The requirement label a list field sets.
    package func requirementKey(provider: String) -> String {
        switch self {
        case .capacityTypes: KarpenterSettings.capacityTypeKey
        case .instanceFamilies: KarpenterLabels.instanceFamily(provider: provider)
        default: KarpenterLabels.instanceType
        }
    }
}

extension ConfigNode {
    /// A Karpenter duration: costsim's syntax in scenarios, the CRD's pattern
    /// `^(([0-9]+(s|m|h))+|Never)$` in manifests (read with ``goDuration()``); `nil` for `Never`.
    func karpenterDuration(_ syntax: FieldSyntax, allowsNever: Bool) throws(ScenarioFileError) -> Double? {
        let text = try string().trimmingSpaces()
        if text == "Never" {
            guard allowsNever else { throw error("'Never' is not allowed here; give a duration") }
            return nil
        }
        if text.hasPrefix("-") { throw error("'\(text)' is negative; a duration must be 0 or more") }
        switch syntax {
        case .scenario:
            return try seconds()
        case .manifest:
            let units = Set<Character>(["s", "m", "h"])
            let crdPattern = !text.isEmpty && text.last.map(units.contains) == true
                && text.allSatisfy { $0.isASCII && ($0.isWholeNumber || units.contains($0)) }
                && !zip(text, text.dropFirst()).contains { units.contains($0) && units.contains($1) }
                && text.first?.isWholeNumber == true
            guard crdPattern else {
                throw error(
                    "'\(text)' is not a duration the NodePool schema accepts (whole numbers with s, m or h, "
                        + "e.g. 30s, 5m, 1h30m\(allowsNever ? ", or Never" : ""))")
            }
            return try goDuration()
        }
    }

    /// One budget: `nodes` (a count or a percentage) and optional `reasons`.
    func disruptionBudget() throws(ScenarioFileError) -> DisruptionBudget {
        let map = try mapping()
        let budget = try map.required("nodes").budgetNodes()
        let reasons = try map.optional("reasons")?.budgetReasons()
        try map.finish()
        return DisruptionBudget(nodes: budget, reasons: reasons)
    }

    /// A budget's `reasons`: `Empty`, `Underutilized`, `Drifted`.
    func budgetReasons() throws(ScenarioFileError) -> Set<DisruptionBudget.Reason> {
        let choices = Dictionary(uniqueKeysWithValues: DisruptionBudget.Reason.allCases.map { ($0.rawValue, $0) })
        return Set(try sequence().map { item throws(ScenarioFileError) in try item.oneOf(choices) })
    }

    /// A budget's `nodes`: `^((100|[0-9]{1,2})%|[0-9]+)$`.
    func budgetNodes() throws(ScenarioFileError) -> DisruptionBudget.Nodes {
        let text = try string().trimmingSpaces()
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isWholeNumber }),
            let number = Int(digits)
        else {
            throw error("'\(text)' is not a node count or a percentage (e.g. 1, 10%)")
        }
        let nodes: DisruptionBudget.Nodes = text.hasSuffix("%") ? .percent(number) : .count(number)
        if let problem = DisruptionBudget(nodes: nodes).problem { throw error(problem) }
        return nodes
    }
}
