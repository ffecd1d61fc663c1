import Simulator

/// The table of scalar KEDA ScaledObject settings that a scenario (`autoscaled.keda.<key>`), a
/// ScaledObject manifest (``manifestPath``) and a sweep (``sweepName``) share: key, unit, range,
/// default and source of each field, and the one place it is parsed and applied.
///
/// Scenario files write durations as costsim does (`90s`, `10m`, or seconds); manifests as the CRD
/// does (whole seconds, int32). Cross-field rules (minReplicaCount ≤ maxReplicaCount, idle below
/// min) are checked by ``Simulator/KEDAConfiguration/validate()`` and the manifest loader.
/// docs/manifests.md lists the table ("Fields shared with scenarios and sweeps").
package enum KEDAField: String, CaseIterable, Sendable {
    case pollingInterval, cooldownPeriod, initialCooldownPeriod
    case minReplicaCount, maxReplicaCount, idleReplicaCount
    case value = "trigger.value"
    case activationValue = "trigger.activationValue"
    case queueProtocol = "trigger.protocol"

    /// A field's value, before it is applied to ``Simulator/KEDAConfiguration``.
    package enum Value: Sendable, Hashable {
        case seconds(Double)
        case count(Int)
        case number(Double)
        /// `nil`: a manifest's `auto` (the loader tells the protocol from the host's scheme).
        case queueProtocol(RabbitMQTrigger.QueueProtocol?)
    }

    /// The key under `autoscaled.keda` (`trigger.*` keys are in the nested `trigger` mapping).
    package var key: String { rawValue }
    /// The field's name within its mapping (`spec`, the scenario's `trigger`, or the trigger's `metadata`).
    package var name: String { isTriggerField ? String(rawValue.dropFirst("trigger.".count)) : rawValue }
    /// Set in the trigger (scenario `trigger`, manifest `spec.triggers[].metadata`).
    package var isTriggerField: Bool { rawValue.hasPrefix("trigger.") }

    /// The sweep parameter name.
    package var sweepName: String { "keda." + name }

    /// Where a ScaledObject manifest sets the field (trigger fields: in the rabbitmq trigger).
    package var manifestPath: String {
        isTriggerField ? "spec.triggers[].metadata." + name : "spec." + name
    }

    package var unit: String {
        switch self {
        case .pollingInterval, .cooldownPeriod, .initialCooldownPeriod: "duration"
        case .minReplicaCount, .maxReplicaCount, .idleReplicaCount: "replicas"
        case .value, .activationValue: "messages"
        case .queueProtocol: "protocol"
        }
    }

    package var range: String {
        switch self {
        case .pollingInterval: "> 0 s … 100 years; manifests and sweeps ≥ 1 s (KEDA's minimum)"
        case .cooldownPeriod, .initialCooldownPeriod: "0 s … 100 years"
        case .minReplicaCount: "0 … \(SimulationLimits.maxReplicas), ≤ maxReplicaCount"
        case .maxReplicaCount: "1 … \(SimulationLimits.maxReplicas)"
        case .idleReplicaCount: "≥ 0, below minReplicaCount"
        case .value: "> 0"
        case .activationValue: "≥ 0"
        case .queueProtocol: "amqp, http; manifests also auto"
        }
    }

    package var defaultText: String {
        switch self {
        case .pollingInterval: "30s"
        case .cooldownPeriod: "300s"
        case .initialCooldownPeriod: "0s"
        case .minReplicaCount: "0"
        case .maxReplicaCount: "100"
        case .idleReplicaCount: "unset"
        case .value: "20"
        case .activationValue: "0"
        case .queueProtocol: "amqp (manifests: auto)"
        }
    }

    /// Where the default and the semantics come from (kedacore/keda).
    package var source: String {
        switch self {
        case .pollingInterval: "apis/keda/v1alpha1/withtriggers_types.go (defaultPollingInterval)"
        case .cooldownPeriod, .initialCooldownPeriod, .minReplicaCount, .maxReplicaCount, .idleReplicaCount:
            "apis/keda/v1alpha1/scaledobject_types.go"
        case .value, .activationValue, .queueProtocol: "pkg/scalers/rabbitmq_scaler.go"
        }
    }

    /// How a numeric field is read and bounded in `syntax` (`nil` for the protocol). Manifest
    /// durations are whole seconds within the CRD's int32.
    package func rule(_ syntax: FieldSyntax) -> FieldRule? {
        let int32 = Int(Int32.max)
        switch (self, syntax) {
        case (.pollingInterval, .scenario), (.cooldownPeriod, .scenario), (.initialCooldownPeriod, .scenario):
            return .duration
        case (.pollingInterval, .manifest): return .count(1...int32)
        case (.cooldownPeriod, .manifest), (.initialCooldownPeriod, .manifest): return .count(0...int32)
        case (.minReplicaCount, _): return .kedaMinReplicaCount
        case (.maxReplicaCount, _): return .kedaMaxReplicaCount
        case (.idleReplicaCount, .scenario): return .count(0...SimulationLimits.maxReplicas)
        case (.idleReplicaCount, .manifest): return .count(0...Int.max)
        case (.value, _): return .triggerValue
        case (.activationValue, _): return .nonNegative
        case (.queueProtocol, _): return nil
        }
    }

    /// Reads the field's value as `syntax` writes it; errors name the field.
    package func parse(_ node: ConfigNode, syntax: FieldSyntax) throws(ScenarioFileError) -> Value {
        switch (self, syntax, rule(syntax)) {
        case (.queueProtocol, .scenario, _):
            return .queueProtocol(try node.oneOf(["amqp": .amqp, "http": .http]))
        case (.queueProtocol, .manifest, _):
            let auto = RabbitMQTrigger.QueueProtocol?.none
            return .queueProtocol(try node.oneOf(["auto": auto, "amqp": .amqp, "http": .http]))
        case (.activationValue, .manifest, _):
            return .number(try node.double(in: 0 ... .infinity))   // the manifests' number wording
        case (.minReplicaCount, _, .count(let range)?), (.maxReplicaCount, _, .count(let range)?),
            (.idleReplicaCount, _, .count(let range)?):
            return .count(try node.int(in: range))
        case (.pollingInterval, _, let rule?), (.cooldownPeriod, _, let rule?), (.initialCooldownPeriod, _, let rule?):
            return .seconds(try node.number(rule))
        case (.value, _, let rule?), (.activationValue, _, let rule?):
            return .number(try node.number(rule))
        default:
            throw node.error("is not a value for \(rawValue)")
        }
    }

    /// Sets the field in `keda`. Switching to AMQP clears `excludeUnacknowledged`, which needs HTTP.
    package func apply(_ value: Value, to keda: inout KEDAConfiguration) {
        switch (self, value) {
        case (.pollingInterval, .seconds(let seconds)): keda.pollingIntervalSeconds = seconds
        case (.cooldownPeriod, .seconds(let seconds)): keda.cooldownPeriodSeconds = seconds
        case (.initialCooldownPeriod, .seconds(let seconds)): keda.initialCooldownPeriodSeconds = seconds
        case (.minReplicaCount, .count(let count)): keda.minReplicaCount = count
        case (.maxReplicaCount, .count(let count)): keda.maxReplicaCount = count
        case (.idleReplicaCount, .count(let count)): keda.idleReplicaCount = count
        case (.value, .number(let number)): keda.trigger.targetValue = number
        case (.activationValue, .number(let number)): keda.trigger.activationValue = number
        case (.queueProtocol, .queueProtocol(let queueProtocol?)):
            keda.trigger.queueProtocol = queueProtocol
            if queueProtocol == .amqp { keda.trigger.excludeUnacknowledged = false }
        default: break
        }
    }
}
