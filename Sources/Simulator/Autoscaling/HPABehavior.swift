/// `spec.behavior` of an autoscaling/v2 HorizontalPodAutoscaler: stabilization windows and
/// rate-limiting policies per direction.
///
/// When a KEDA ScaledObject has no `advanced.horizontalPodAutoscalerConfig.behavior`, the HPA it
/// creates has **no** behavior and runs the legacy path instead (see ``HorizontalPodAutoscaler``).
/// Defaults for an omitted direction are the API server's (`pkg/apis/autoscaling/v2/defaults.go`):
/// scale-up window 0 s, policies 4 pods and 100 % per 15 s, select Max; scale-down window 300 s,
/// policy 100 % per 15 s, select Max.
public struct HPABehavior: Sendable, Hashable {
    public struct Policy: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case pods = "Pods", percent = "Percent" }
        public var kind: Kind
        public var value: Int
        public var periodSeconds: Double

        public init(kind: Kind, value: Int, periodSeconds: Double) {
            self.kind = kind
            self.value = value
            self.periodSeconds = periodSeconds
        }

        /// `value`, capped where larger values no longer limit anything: 100 × the most replicas
        /// a deployment may have (``SimulationLimits/maxReplicas``), as pods or percent. The API
        /// accepts any int32; the limit arithmetic must not overflow.
        var boundedValue: Int { Swift.min(value, 100 * SimulationLimits.maxReplicas) }
    }

    public enum SelectPolicy: String, Sendable, Hashable { case max = "Max", min = "Min", disabled = "Disabled" }

    public struct Rules: Sendable, Hashable {
        public var stabilizationWindowSeconds: Double
        public var policies: [Policy]
        public var selectPolicy: SelectPolicy

        public init(stabilizationWindowSeconds: Double, policies: [Policy], selectPolicy: SelectPolicy = .max) {
            self.stabilizationWindowSeconds = stabilizationWindowSeconds
            self.policies = policies
            self.selectPolicy = selectPolicy
        }

        public static let defaultScaleUp = Rules(
            stabilizationWindowSeconds: 0,
            policies: [Policy(kind: .pods, value: 4, periodSeconds: 15), Policy(kind: .percent, value: 100, periodSeconds: 15)])
        public static let defaultScaleDown = Rules(
            stabilizationWindowSeconds: 300, policies: [Policy(kind: .percent, value: 100, periodSeconds: 15)])
    }

    public var scaleUp: Rules
    public var scaleDown: Rules

    public init(scaleUp: Rules = .defaultScaleUp, scaleDown: Rules = .defaultScaleDown) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }
}
