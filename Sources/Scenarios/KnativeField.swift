import Simulator

/// The table of Knative Pod Autoscaler settings a scenario (`autoscaled.knative.<key>`) and a
/// Knative Service manifest (``manifestPath``: a revision-template annotation, or the template's
/// `containerConcurrency`) share: key, manifest field, cluster-wide `config-autoscaler` key, unit,
/// range, default and source of each field, and the one place it is parsed and applied.
///
/// Scenario files write durations as costsim does (`90s`, `10m`, or seconds) and the target
/// utilization as a fraction; manifests write Go durations (`60s`, `1m30s`) and percentages, as
/// Knative does. The manifest-only annotations (`class`, `metric`, `target`, `scale-down-delay`,
/// `activation-scale`) and cross-field rules (``Simulator/KnativeConfiguration/validate()``) stay
/// with their readers; a `config-autoscaler` ConfigMap is not read, so a setting without an
/// annotation keeps Knative's default in a manifest. docs/manifests.md lists the table ("Knative").
package enum KnativeField: String, CaseIterable, Sendable {
    case containerConcurrency, targetUtilization, stableWindow, panicWindowPercentage, panicThresholdPercentage
    case maxScaleUpRate, maxScaleDownRate, scaleToZeroGracePeriod, scaleToZeroPodRetentionPeriod
    case initialScale, minScale, maxScale, targetBurstCapacity

    /// A field's value, before it is applied to ``Simulator/KnativeConfiguration``.
    package enum Value: Sendable, Hashable {
        case seconds(Double)
        case count(Int)
        case number(Double)
    }

    /// The key under `autoscaled.knative`.
    package var key: String { rawValue }

    /// The `autoscaling.knative.dev/` annotation that sets the field on a revision template, by its
    /// current name (`nil`: no annotation; the ConfigMap or the pod spec sets it).
    package var annotation: String? {
        switch self {
        case .targetUtilization: "target-utilization-percentage"
        case .stableWindow: "window"
        case .panicWindowPercentage: "panic-window-percentage"
        case .panicThresholdPercentage: "panic-threshold-percentage"
        case .scaleToZeroPodRetentionPeriod: "scale-to-zero-pod-retention-period"
        case .initialScale: "initial-scale"
        case .minScale: "min-scale"
        case .maxScale: "max-scale"
        case .targetBurstCapacity: "target-burst-capacity"
        case .containerConcurrency, .maxScaleUpRate, .maxScaleDownRate, .scaleToZeroGracePeriod: nil
        }
    }

    /// Where a Knative Service sets the field (`nil`: only the cluster-wide ConfigMap does).
    package var manifestPath: String? {
        if self == .containerConcurrency { return "spec.template.spec.containerConcurrency" }
        return annotation.map { "spec.template.metadata.annotations.autoscaling.knative.dev/" + $0 }
    }

    /// The cluster-wide key in the `config-autoscaler` ConfigMap (`nil`: a revision's own setting).
    package var configMapKey: String? {
        switch self {
        case .containerConcurrency: nil
        case .targetUtilization: "container-concurrency-target-percentage"
        case .stableWindow: "stable-window"
        case .maxScaleUpRate: "max-scale-up-rate"
        case .maxScaleDownRate: "max-scale-down-rate"
        case .scaleToZeroGracePeriod: "scale-to-zero-grace-period"
        default: annotation
        }
    }

    package var unit: String {
        switch self {
        case .containerConcurrency, .targetBurstCapacity: "requests"
        case .targetUtilization: "fraction"
        case .stableWindow, .scaleToZeroGracePeriod, .scaleToZeroPodRetentionPeriod: "duration"
        case .panicWindowPercentage, .panicThresholdPercentage: "percent"
        case .maxScaleUpRate, .maxScaleDownRate: "factor"
        case .initialScale, .minScale, .maxScale: "replicas"
        }
    }

    package var range: String {
        let replicas = "0 … \(SimulationLimits.maxReplicas)"
        switch self {
        case .containerConcurrency: return "≥ 0 (0: unlimited); manifests 0 … 1000"
        case .targetUtilization: return "> 0; manifests a percentage, 1 … 100"
        case .stableWindow: return "6 s … 1 h; manifests a Go duration (60s, 1m30s)"
        case .panicWindowPercentage: return "> 0; manifests 1 … 100"
        case .panicThresholdPercentage: return "> 0; manifests 110 … 1000"
        case .maxScaleUpRate, .maxScaleDownRate: return "> 1"
        case .scaleToZeroGracePeriod: return "0 s … 100 years"
        case .scaleToZeroPodRetentionPeriod: return "0 s … 100 years; manifests a Go duration"
        case .initialScale, .minScale: return replicas
        case .maxScale: return replicas + " (0: unbounded), ≥ minScale"
        case .targetBurstCapacity: return "-1 (the activator always in the path) or 0 … 1e9"
        }
    }

    package var defaultText: String {
        switch self {
        case .containerConcurrency: "1 (manifests: 0)"
        case .targetUtilization: "0.7 (70 %)"
        case .stableWindow: "60s"
        case .panicWindowPercentage: "10"
        case .panicThresholdPercentage: "200"
        case .maxScaleUpRate: "1000"
        case .maxScaleDownRate: "2"
        case .scaleToZeroGracePeriod: "30s"
        case .scaleToZeroPodRetentionPeriod: "0s"
        case .initialScale: "1"
        case .minScale, .maxScale: "0"
        case .targetBurstCapacity: "211"
        }
    }

    /// Where the default and the semantics come from (knative/serving).
    package var source: String {
        self == .containerConcurrency ? "pkg/apis/config/defaults.go" : "pkg/autoscaler/config/config.go"
    }

    /// How a numeric field is read and bounded in a scenario (`nil`: the burst capacity, any
    /// number, bounded by ``Simulator/KnativeConfiguration/validate()``).
    package var rule: FieldRule? {
        switch self {
        case .containerConcurrency: .count(0...Int.max)
        case .targetUtilization, .panicWindowPercentage, .panicThresholdPercentage, .maxScaleUpRate,
            .maxScaleDownRate:
            .positive
        case .stableWindow: .positiveDuration
        case .scaleToZeroGracePeriod, .scaleToZeroPodRetentionPeriod: .duration
        case .initialScale, .minScale, .maxScale: .count(0...SimulationLimits.maxReplicas)
        case .targetBurstCapacity: nil
        }
    }

    /// Reads the field's value as `syntax` writes it; errors name the field.
    package func parse(_ node: ConfigNode, syntax: FieldSyntax) throws(ScenarioFileError) -> Value {
        switch (self, syntax, rule) {
        case (.containerConcurrency, .manifest, _): return .count(try node.int(in: 0...1000))
        case (.targetUtilization, .manifest, _): return .number(try node.double(in: 1...100) / 100)
        case (.stableWindow, .manifest, _):
            let seconds = try node.goDuration()
            guard seconds >= 6, seconds <= 3600 else { throw node.error("must be within 6s … 1h") }
            return .seconds(seconds)
        case (.panicWindowPercentage, .manifest, _): return .number(try node.double(in: 1...100))
        case (.panicThresholdPercentage, .manifest, _): return .number(try node.double(in: 110...1000))
        case (.scaleToZeroPodRetentionPeriod, .manifest, _): return .seconds(try node.goDuration())
        case (.targetBurstCapacity, .scenario, _): return .number(try node.double())
        case (.targetBurstCapacity, .manifest, _):
            let value = try node.double(in: -1...1e9)
            guard value == -1 || value >= 0 else {
                throw node.error("must be -1 (activator always in the path) or >= 0")
            }
            return .number(value)
        case (_, .manifest, _) where manifestPath == nil:
            throw node.error("is not a value for \(rawValue)")
        case (_, _, .count(let range)?): return .count(try node.int(in: range))
        case (_, _, let rule?) where rule.isDuration: return .seconds(try node.number(rule))
        case (_, _, let rule?): return .number(try node.number(rule))
        case (_, _, nil): throw node.error("is not a value for \(rawValue)")
        }
    }

    /// Sets the field in `knative`.
    package func apply(_ value: Value, to knative: inout KnativeConfiguration) {
        switch (self, value) {
        case (.containerConcurrency, .count(let count)): knative.containerConcurrency = count
        case (.targetUtilization, .number(let number)): knative.targetUtilization = number
        case (.stableWindow, .seconds(let seconds)): knative.stableWindowSeconds = seconds
        case (.panicWindowPercentage, .number(let number)): knative.panicWindowPercentage = number
        case (.panicThresholdPercentage, .number(let number)): knative.panicThresholdPercentage = number
        case (.maxScaleUpRate, .number(let number)): knative.maxScaleUpRate = number
        case (.maxScaleDownRate, .number(let number)): knative.maxScaleDownRate = number
        case (.scaleToZeroGracePeriod, .seconds(let seconds)): knative.scaleToZeroGracePeriodSeconds = seconds
        case (.scaleToZeroPodRetentionPeriod, .seconds(let seconds)): knative.podRetentionSeconds = seconds
        case (.initialScale, .count(let count)): knative.initialScale = count
        case (.minScale, .count(let count)): knative.minScale = count
        case (.maxScale, .count(let count)): knative.maxScale = count
        case (.targetBurstCapacity, .number(let number)): knative.targetBurstCapacity = number
        default: break
        }
    }
}
