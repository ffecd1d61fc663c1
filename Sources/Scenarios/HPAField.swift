import Simulator

/// The table of HorizontalPodAutoscaler settings: the controller-wide flags a scenario sets in
/// `autoscaled.hpa.<key>`, and the per-direction `behavior` a scenario sets in
/// `autoscaled.keda.hpaBehavior` and a manifest in a ScaledObject's
/// `spec.advanced.horizontalPodAutoscalerConfig.behavior` or an HPA's `spec.behavior`
/// (``manifestPath``); a sweep sets the numeric ones (``sweepName``, `hpa.<key>`): key, flag, unit,
/// range, default and source of each field, and the one place it is parsed and applied. `phase`
/// and the `hpa.behavior` sweep choice are not fields of the HPA.
/// docs/scenario-format.md lists the table ("HPA").
package enum HPAField: String, CaseIterable, Sendable {
    case syncPeriod, tolerance, downscaleStabilization
    case scaleUpStabilizationWindow = "scaleUp.stabilizationWindow"
    case scaleUpSelectPolicy = "scaleUp.selectPolicy"
    case scaleUpPolicies = "scaleUp.policies"
    case scaleDownStabilizationWindow = "scaleDown.stabilizationWindow"
    case scaleDownSelectPolicy = "scaleDown.selectPolicy"
    case scaleDownPolicies = "scaleDown.policies"

    /// A direction of the HPA's `behavior`.
    package enum Direction: String, CaseIterable, Sendable { case scaleUp, scaleDown }

    /// A field's value, before it is applied to ``Simulator/HPASettings`` or ``Simulator/HPABehavior``.
    package enum Value: Sendable, Hashable {
        case seconds(Double)
        case number(Double)
        case selectPolicy(HPABehavior.SelectPolicy)
        /// `nil`: a manifest's empty list, which keeps the direction's default policies.
        case policies([HPABehavior.Policy]?)
    }

    /// The behavior direction the field belongs to (`nil`: a controller-wide setting).
    package var direction: Direction? {
        switch self {
        case .syncPeriod, .tolerance, .downscaleStabilization: nil
        case .scaleUpStabilizationWindow, .scaleUpSelectPolicy, .scaleUpPolicies: .scaleUp
        case .scaleDownStabilizationWindow, .scaleDownSelectPolicy, .scaleDownPolicies: .scaleDown
        }
    }

    /// The key within its scenario mapping (`autoscaled.hpa`, or the direction's mapping).
    package var name: String {
        guard let direction else { return rawValue }
        return String(rawValue.dropFirst(direction.rawValue.count + 1))
    }

    /// The scenario key below `autoscaled`.
    package var key: String { direction == nil ? "hpa." + rawValue : "keda.hpaBehavior." + rawValue }

    /// The sweep parameter name of a numeric field (`nil`: not a sweep parameter).
    package var sweepName: String? { rule(.scenario) == nil ? nil : "hpa." + rawValue }

    /// The kube-controller-manager flag (`nil`: a field of the HPA object).
    package var flag: String? {
        switch self {
        case .syncPeriod: "--horizontal-pod-autoscaler-sync-period"
        case .tolerance: "--horizontal-pod-autoscaler-tolerance"
        case .downscaleStabilization: "--horizontal-pod-autoscaler-downscale-stabilization"
        default: nil
        }
    }

    /// The field's name within a manifest's behavior direction.
    var manifestName: String { name == "stabilizationWindow" ? "stabilizationWindowSeconds" : name }

    /// Where a manifest sets the field, below the behavior's parent (`nil`: no manifest sets it).
    package var manifestPath: String? { direction.map { "behavior.\($0.rawValue).\(manifestName)" } }

    package var unit: String {
        switch self {
        case .tolerance: "fraction"
        case .scaleUpSelectPolicy, .scaleDownSelectPolicy: "policy"
        case .scaleUpPolicies, .scaleDownPolicies: "policies"
        default: "duration"
        }
    }

    package var range: String {
        switch self {
        case .syncPeriod: "> 0 s … 100 years"
        case .tolerance: "≥ 0"
        case .downscaleStabilization: "0 s … 100 years"
        case .scaleUpStabilizationWindow, .scaleDownStabilizationWindow:
            "0 s … 100 years; manifests whole seconds 0 … 3600"
        case .scaleUpSelectPolicy, .scaleDownSelectPolicy: "Max, Min, Disabled"
        case .scaleUpPolicies, .scaleDownPolicies:
            "type Pods or Percent, value ≥ 1, period > 0 s; manifests periodSeconds 1 … 1800, an empty list "
                + "keeps the default"
        }
    }

    package var defaultText: String {
        switch self {
        case .syncPeriod: "15s"
        case .tolerance: "0.1"
        case .downscaleStabilization, .scaleDownStabilizationWindow: "5m"
        case .scaleUpStabilizationWindow: "0s"
        case .scaleUpSelectPolicy, .scaleDownSelectPolicy: "Max"
        case .scaleUpPolicies: "[{type: Pods, value: 4, period: 15s}, {type: Percent, value: 100, period: 15s}]"
        case .scaleDownPolicies: "[{type: Percent, value: 100, period: 15s}]"
        }
    }

    /// Where the default and the semantics come from (kubernetes/kubernetes).
    package var source: String {
        direction == nil
            ? "pkg/controller/podautoscaler/config/v1alpha1/defaults.go" : "pkg/apis/autoscaling/v2/defaults.go"
    }

    /// How a numeric field is read and bounded in `syntax` (`nil`: not a number, or not in that syntax).
    package func rule(_ syntax: FieldSyntax) -> FieldRule? {
        switch (self, syntax) {
        case (.syncPeriod, .scenario): .positiveDuration
        case (.tolerance, .scenario): .nonNegative
        case (.downscaleStabilization, .scenario): .duration
        case (.scaleUpStabilizationWindow, .scenario), (.scaleDownStabilizationWindow, .scenario): .duration
        case (.scaleUpStabilizationWindow, .manifest), (.scaleDownStabilizationWindow, .manifest): .count(0...3600)
        default: nil
        }
    }

    /// Reads the field's value as `syntax` writes it; errors name the field. A manifest's policies
    /// warn in `log` about keys they do not know.
    func parse(
        _ node: ConfigNode, syntax: FieldSyntax, log: ManifestWarningLog? = nil
    ) throws(ScenarioFileError) -> Value {
        switch (self, syntax, rule(syntax)) {
        case (.tolerance, _, let rule?): return .number(try node.number(rule))
        case (_, _, let rule?): return .seconds(try node.number(rule))
        case (.scaleUpSelectPolicy, _, _), (.scaleDownSelectPolicy, _, _):
            return .selectPolicy(try node.oneOf(["Max": .max, "Min": .min, "Disabled": .disabled]))
        case (.scaleUpPolicies, .scenario, _), (.scaleDownPolicies, .scenario, _):
            return .policies(
                try node.sequence().map { item throws(ScenarioFileError) in
                    let fields = try item.mapping()
                    let policy = HPABehavior.Policy(
                        kind: try fields.required("type").oneOf(["Pods": .pods, "Percent": .percent]),
                        value: try fields.required("value").int(atLeast: 1),
                        periodSeconds: try fields.required("period").positiveSeconds())
                    try fields.finish()
                    return policy
                })
        case (.scaleUpPolicies, .manifest, _), (.scaleDownPolicies, .manifest, _):
            var policies: [HPABehavior.Policy] = []
            for policyNode in try node.sequence() {
                let policy = try policyNode.manifestMapping()
                let kind = try policy.required("type").oneOf([
                    "Pods": HPABehavior.Policy.Kind.pods, "Percent": .percent,
                ])
                let value = try policy.required("value").int(in: 1...Int.max)
                let period = try policy.required("periodSeconds").int(in: 1...1800)
                policy.finish(log ?? ManifestWarningLog(file: node.file))
                policies.append(HPABehavior.Policy(kind: kind, value: value, periodSeconds: Double(period)))
            }
            return .policies(policies.isEmpty ? nil : policies)
        default:
            throw node.error("is not a value for \(rawValue)")
        }
    }

    /// Sets a controller-wide field in `settings` (behavior fields are applied to an ``Simulator/HPABehavior``).
    package func apply(_ value: Value, to settings: inout HPASettings) {
        switch (self, value) {
        case (.syncPeriod, .seconds(let seconds)): settings.syncPeriodSeconds = seconds
        case (.tolerance, .number(let number)): settings.tolerance = number
        case (.downscaleStabilization, .seconds(let seconds)): settings.downscaleStabilizationSeconds = seconds
        default: break
        }
    }

    /// Sets a behavior field in its direction of `behavior`.
    package func apply(_ value: Value, to behavior: inout HPABehavior) {
        switch (self, value) {
        case (.scaleUpStabilizationWindow, .seconds(let seconds)): behavior.scaleUp.stabilizationWindowSeconds = seconds
        case (.scaleUpSelectPolicy, .selectPolicy(let policy)): behavior.scaleUp.selectPolicy = policy
        case (.scaleUpPolicies, .policies(let policies?)): behavior.scaleUp.policies = policies
        case (.scaleDownStabilizationWindow, .seconds(let seconds)):
            behavior.scaleDown.stabilizationWindowSeconds = seconds
        case (.scaleDownSelectPolicy, .selectPolicy(let policy)): behavior.scaleDown.selectPolicy = policy
        case (.scaleDownPolicies, .policies(let policies?)): behavior.scaleDown.policies = policies
        default: break
        }
    }
}
