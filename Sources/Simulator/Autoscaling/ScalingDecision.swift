/// One entry of the decision log: who changed what, when, on which inputs, by which rule —
/// so a user can see why a node stayed up (`costsim run --explain`).
public struct ScalingDecision: Sendable, Hashable {
    public enum Actor: String, Sendable, Hashable, CaseIterable {
        case keda = "KEDA"
        case hpa = "HPA"
        case clusterAutoscaler = "CA"
        case knative = "KPA"
        case karpenter = "Karpenter"
        case cloud = "cloud"
        /// A serverless platform's own scaler.
        case platform = "platform"
    }

    public var timeSeconds: Double
    public var actor: Actor
    /// The rule that fired, e.g. `activation (queue 1 > activationValue 0)`.
    public var rule: String
    /// What the actor saw, e.g. `queue=1 replicas=0`.
    public var inputs: String
    /// Value before and after (replicas for KEDA/HPA/KPA, nodes for CA).
    public var from: Int
    public var to: Int

    public init(timeSeconds: Double, actor: Actor, rule: String, inputs: String, from: Int, to: Int) {
        self.timeSeconds = timeSeconds
        self.actor = actor
        self.rule = rule
        self.inputs = inputs
        self.from = from
        self.to = to
    }
}
