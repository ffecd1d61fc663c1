/// kube-controller-manager flags that govern every HorizontalPodAutoscaler.
///
/// Defaults: sync period 15 s, tolerance 0.1, downscale stabilization 300 s
/// (`pkg/controller/podautoscaler/config/v1alpha1/defaults.go`).
public struct HPASettings: Sendable, Hashable {
    public var syncPeriodSeconds: Double
    public var tolerance: Double
    public var downscaleStabilizationSeconds: Double
    /// Time of the first sync after the run starts; `nil`: drawn per replication, uniformly in
    /// [0, sync period) (docs/model.md, "Controller phases").
    public var phaseSeconds: Double?

    public init(
        syncPeriodSeconds: Double = 15, tolerance: Double = 0.1, downscaleStabilizationSeconds: Double = 300,
        phaseSeconds: Double? = nil
    ) {
        self.syncPeriodSeconds = syncPeriodSeconds
        self.tolerance = tolerance
        self.downscaleStabilizationSeconds = downscaleStabilizationSeconds
        self.phaseSeconds = phaseSeconds
    }

    public func validate() throws(ParameterError) {
        guard syncPeriodSeconds > 0, tolerance >= 0, downscaleStabilizationSeconds >= 0 else {
            throw .invalidParameter("HPA sync period must be > 0; tolerance and stabilization >= 0")
        }
        guard ControllerPhases.isValid(phaseSeconds) else {
            throw .invalidParameter("HPA phase must be a finite time >= 0 s")
        }
    }
}
