import Simulator

/// What ``ManifestLoader`` read from a Kubernetes manifest: the autoscaler (a KEDA ScaledObject
/// with its RabbitMQ trigger, or a Knative KPA revision), the target Deployment's
/// `terminationGracePeriodSeconds` if the file has that Deployment, and every warning.
public struct LoadedManifest: Sendable {
    public var autoscaler: AutoscaledDeployment.Autoscaler
    /// `spec.template.spec.terminationGracePeriodSeconds` of the ScaledObject's target
    /// Deployment; `nil` when the file has no matching Deployment or it does not set the field
    /// (Kubernetes then uses 30 s). Always `nil` for a Knative Service.
    public var terminationGracePeriodSeconds: Double?
    /// Fields and documents that were not used, in file order.
    public var warnings: [ManifestWarning]
    /// `metadata.name` of the ScaledObject or Knative Service (empty if it has none).
    public var name: String

    public init(
        autoscaler: AutoscaledDeployment.Autoscaler, terminationGracePeriodSeconds: Double? = nil,
        warnings: [ManifestWarning] = [], name: String = ""
    ) {
        self.autoscaler = autoscaler
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.warnings = warnings
        self.name = name
    }
}
