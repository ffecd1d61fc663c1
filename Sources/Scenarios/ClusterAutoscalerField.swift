import Simulator

/// The table of cluster-autoscaler settings a scenario (`autoscaled.clusterAutoscaler.<key>`) and a
/// sweep (``sweepName``, `ca.<key>`) can set: key, flag, unit, range, default and source of each
/// field, and the one place it is parsed and applied. The `profile` preset, which replaces all of
/// them, is read before the fields. docs/scenario-format.md lists the table.
package enum ClusterAutoscalerField: String, CaseIterable, Sendable {
    case scanInterval, scaleDownUnneededTime, scaleDownUnreadyTime, scaleDownDelayAfterAdd
    case scaleDownDelayAfterDelete, scaleDownGpuUtilizationThreshold, nodeDeleteDelayAfterTaint
    case maxScaleDownParallelism, initialNodeGroupBackoff, maxNodeGroupBackoff, nodeGroupBackoffResetTimeout
    case frequentLoops, gpuPodAgeBuffer

    /// A field's value, before it is applied to ``Simulator/ClusterAutoscalerSettings``.
    package enum Value: Sendable, Hashable {
        case seconds(Double)
        case fraction(Double)
        case count(Int)
        case flag(Bool)
    }

    /// The key under `autoscaled.clusterAutoscaler`.
    package var key: String { rawValue }

    /// The sweep parameter name (`nil`: not a sweep parameter).
    package var sweepName: String? {
        switch self {
        case .scaleDownUnneededTime, .scaleDownDelayAfterAdd: "ca." + rawValue
        default: nil
        }
    }

    /// The cluster autoscaler's command-line flag (`nil`: a constant of its code).
    package var flag: String? {
        switch self {
        case .scanInterval: "--scan-interval"
        case .scaleDownUnneededTime: "--scale-down-unneeded-time"
        case .scaleDownUnreadyTime: "--scale-down-unready-time"
        case .scaleDownDelayAfterAdd: "--scale-down-delay-after-add"
        case .scaleDownDelayAfterDelete: "--scale-down-delay-after-delete"
        case .scaleDownGpuUtilizationThreshold: "--scale-down-gpu-utilization-threshold"
        case .nodeDeleteDelayAfterTaint: "--node-delete-delay-after-taint"
        case .maxScaleDownParallelism: "--max-scale-down-parallelism"
        case .initialNodeGroupBackoff: "--initial-node-group-backoff-duration"
        case .maxNodeGroupBackoff: "--max-node-group-backoff-duration"
        case .nodeGroupBackoffResetTimeout: "--node-group-backoff-reset-timeout"
        case .frequentLoops: "--frequent-loops-enabled"
        case .gpuPodAgeBuffer: nil
        }
    }

    package var unit: String {
        switch self {
        case .scaleDownGpuUtilizationThreshold: "fraction"
        case .maxScaleDownParallelism: "nodes"
        case .frequentLoops: "true/false"
        default: "duration"
        }
    }

    package var range: String {
        switch self {
        case .scanInterval: "> 0 s … 100 years"
        case .scaleDownGpuUtilizationThreshold: "0 … 1"
        case .maxScaleDownParallelism: "≥ 1"
        case .frequentLoops: "true, false"
        default: "0 s … 100 years"
        }
    }

    package var defaultText: String {
        switch self {
        case .scanInterval: "10s"
        case .scaleDownUnneededTime, .scaleDownDelayAfterAdd: "10m"
        case .scaleDownUnreadyTime: "20m"
        case .scaleDownDelayAfterDelete: "0s"
        case .scaleDownGpuUtilizationThreshold: "0.5"
        case .nodeDeleteDelayAfterTaint: "5s"
        case .maxScaleDownParallelism: "10"
        case .initialNodeGroupBackoff: "5m"
        case .maxNodeGroupBackoff: "30m"
        case .nodeGroupBackoffResetTimeout: "3h"
        case .frequentLoops: "true"
        case .gpuPodAgeBuffer: "30s"
        }
    }

    /// Where the default and the semantics come from (kubernetes/autoscaler `cluster-autoscaler/`).
    package var source: String {
        switch self {
        case .scaleDownUnneededTime, .scaleDownUnreadyTime: "config/const.go"
        case .gpuPodAgeBuffer: "core/static_autoscaler.go"
        case .initialNodeGroupBackoff, .maxNodeGroupBackoff, .nodeGroupBackoffResetTimeout:
            "config/flags/flags.go; utils/backoff/exponential_backoff.go"
        default: "config/flags/flags.go"
        }
    }

    /// How a sweep's numbers for the field are read and bounded (`nil`: read by ``parse(_:)`` only).
    package var rule: FieldRule? {
        switch self {
        case .scanInterval, .maxScaleDownParallelism, .frequentLoops: nil
        case .scaleDownGpuUtilizationThreshold: .nonNegative
        default: .duration
        }
    }

    /// Reads the field's value from a scenario or grid file; errors name the field.
    package func parse(_ node: ConfigNode) throws(ScenarioFileError) -> Value {
        switch (self, rule) {
        case (.scanInterval, _): .seconds(try node.positiveSeconds())
        case (.maxScaleDownParallelism, _): .count(try node.int(atLeast: 1))
        case (.frequentLoops, _): .flag(try node.bool())
        case (.scaleDownGpuUtilizationThreshold, let rule?): .fraction(try node.number(rule))
        case (_, let rule?): .seconds(try node.number(rule))
        case (_, nil): throw node.error("is not a value for \(rawValue)")
        }
    }

    /// Sets the field in `settings`.
    package func apply(_ value: Value, to settings: inout ClusterAutoscalerSettings) {
        switch (self, value) {
        case (.scanInterval, .seconds(let seconds)): settings.scanIntervalSeconds = seconds
        case (.scaleDownUnneededTime, .seconds(let seconds)): settings.scaleDownUnneededSeconds = seconds
        case (.scaleDownUnreadyTime, .seconds(let seconds)): settings.scaleDownUnreadySeconds = seconds
        case (.scaleDownDelayAfterAdd, .seconds(let seconds)): settings.scaleDownDelayAfterAddSeconds = seconds
        case (.scaleDownDelayAfterDelete, .seconds(let seconds)): settings.scaleDownDelayAfterDeleteSeconds = seconds
        case (.scaleDownGpuUtilizationThreshold, .fraction(let fraction)): settings.gpuUtilizationThreshold = fraction
        case (.nodeDeleteDelayAfterTaint, .seconds(let seconds)): settings.deleteDelayAfterTaintSeconds = seconds
        case (.maxScaleDownParallelism, .count(let count)): settings.maxEmptyBulkDelete = count
        case (.initialNodeGroupBackoff, .seconds(let seconds)): settings.initialBackoffSeconds = seconds
        case (.maxNodeGroupBackoff, .seconds(let seconds)): settings.maxBackoffSeconds = seconds
        case (.nodeGroupBackoffResetTimeout, .seconds(let seconds)): settings.backoffResetTimeoutSeconds = seconds
        case (.frequentLoops, .flag(let on)): settings.frequentLoops = on
        case (.gpuPodAgeBuffer, .seconds(let seconds)): settings.gpuPodAgeBufferSeconds = seconds
        default: break
        }
    }
}
