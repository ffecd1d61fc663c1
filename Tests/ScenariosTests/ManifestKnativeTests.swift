import Testing
@testable import Scenarios
import Simulator

/// Knative Services: autoscaling annotations on the revision template and containerConcurrency.
@Suite struct ManifestKnativeTests {
    static func knative(_ manifest: LoadedManifest) throws -> KnativeConfiguration {
        guard case .knative(let knative) = manifest.autoscaler else {
            Issue.record("expected a Knative autoscaler")
            throw ScenarioFileError(file: "", message: "not Knative")
        }
        return knative
    }

    static func service(annotations: String, containerConcurrency: String = "containerConcurrency: 4") -> String {
        """
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata:
          name: tts
          namespace: default
        spec:
          template:
            metadata:
              annotations:
                \(annotations)
            spec:
              \(containerConcurrency)
              containers:
              - image: example/tts:1
                resources: {limits: {nvidia.com/gpu: "1"}}
        """
    }

    @Test func serviceWithAutoscalingAnnotations() throws {
        let yaml = Self.service(annotations: """
            autoscaling.knative.dev/class: kpa.autoscaling.knative.dev
                    autoscaling.knative.dev/metric: concurrency
                    autoscaling.knative.dev/target-utilization-percentage: "80"
                    autoscaling.knative.dev/window: 2m30s
                    autoscaling.knative.dev/panic-window-percentage: "20"
                    autoscaling.knative.dev/panic-threshold-percentage: "300"
                    autoscaling.knative.dev/scale-to-zero-pod-retention-period: 1m
                    autoscaling.knative.dev/initial-scale: "2"
                    autoscaling.knative.dev/min-scale: "0"
                    autoscaling.knative.dev/max-scale: "3"
                    autoscaling.knative.dev/scale-down-delay: 15s
                    autoscaling.knative.dev/target-burst-capacity: "-1"
                    prometheus.io/scrape: "true"
            """)
        let manifest = try ManifestLoader.parse(yaml: yaml, file: "ksvc.yaml")
        let knative = try Self.knative(manifest)
        #expect(knative.containerConcurrency == 4)
        #expect(knative.targetUtilization == 0.8)
        #expect(knative.targetConcurrency == 4 * 0.8)
        #expect(knative.stableWindowSeconds == 150)
        #expect(knative.panicWindowPercentage == 20)
        #expect(knative.panicThresholdPercentage == 300)
        #expect(knative.podRetentionSeconds == 60)
        #expect(knative.initialScale == 2)
        #expect(knative.minScale == 0)
        #expect(knative.maxScale == 3)
        #expect(knative.targetBurstCapacity == -1)
        // Cluster-wide settings keep Knative's defaults.
        #expect(
            knative.scaleToZeroGracePeriodSeconds == 30 && knative.maxScaleUpRate == 1000
                && knative.maxScaleDownRate == 2)
        #expect(manifest.terminationGracePeriodSeconds == nil)
        #expect(manifest.name == "tts")
        #expect(manifest.warnings.count == 1, "\(manifest.warnings)")
        #expect(
            manifest.warnings.first?.field
                == "spec.template.metadata.annotations.autoscaling.knative.dev/scale-down-delay")
        #expect(manifest.warnings.first?.line == 20)
    }

    @Test func targetAnnotationAndKnativeDefaults() throws {
        // No containerConcurrency (Knative default 0 = unlimited): the target annotation is the per-pod target.
        let manifest = try ManifestLoader.parse(
            yaml: Self.service(
                annotations: "autoscaling.knative.dev/target: \"10\"", containerConcurrency: "timeoutSeconds: 600"),
            file: "k.yaml")
        let knative = try Self.knative(manifest)
        #expect(knative.targetConcurrency == 10 * 0.7)
        #expect(knative.stableWindowSeconds == 60 && knative.panicWindowPercentage == 10 && knative.initialScale == 1)
        #expect(manifest.warnings.map(\.field) == ["spec.template.spec.timeoutSeconds"])

        // Without annotations or containerConcurrency: 100 × 0.7.
        let plain = try Self.knative(
            try ManifestLoader.parse(
                yaml: Self.service(annotations: "a: b", containerConcurrency: "serviceAccountName: x"), file: "k.yaml"))
        #expect(plain.containerConcurrency == 0)
        #expect(plain.targetConcurrency == 70)

        // A target below containerConcurrency wins; above it, Knative caps it (warning).
        let below = try Self.knative(
            try ManifestLoader.parse(
                yaml: Self.service(annotations: "autoscaling.knative.dev/target: \"2\""), file: "k.yaml"))
        #expect(below.targetConcurrency == 2 * 0.7)
        let above = try ManifestLoader.parse(
            yaml: Self.service(annotations: "autoscaling.knative.dev/target: \"9\""), file: "k.yaml")
        #expect(try Self.knative(above).targetConcurrency == 4 * 0.7)
        #expect(above.warnings.count == 1)
    }

    @Test func legacyCamelCaseAnnotations() throws {
        let yaml = Self.service(
            annotations: "autoscaling.knative.dev/minScale: \"1\"\n        autoscaling.knative.dev/maxScale: \"2\"")
        let knative = try Self.knative(try ManifestLoader.parse(yaml: yaml, file: "k.yaml"))
        #expect(knative.minScale == 1 && knative.maxScale == 2)
    }

    static func error(_ yaml: String) -> ScenarioFileError? {
        do {
            _ = try ManifestLoader.parse(yaml: yaml, file: "k.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func rpsMetricIsUnsupported() throws {
        let error = try #require(Self.error(Self.service(annotations: "autoscaling.knative.dev/metric: rps")))
        #expect(error.field == "spec.template.metadata.annotations.autoscaling.knative.dev/metric")
        #expect(error.line == 10)
        #expect(error.message.contains("unsupported metric 'rps'"))
    }

    @Test func hpaClassAndBadAnnotationValues() throws {
        #expect(
            Self.error(Self.service(annotations: "autoscaling.knative.dev/class: hpa.autoscaling.knative.dev"))?.message
                .contains("class") == true)
        #expect(
            Self.error(Self.service(annotations: "autoscaling.knative.dev/window: \"60\""))?.message.contains(
                "not a duration") == true)
        #expect(
            Self.error(Self.service(annotations: "autoscaling.knative.dev/window: 2s"))?.message.contains("6s") == true)
        #expect(
            Self.error(Self.service(annotations: "autoscaling.knative.dev/target-utilization-percentage: lots"))?
                .message.contains("not a number") == true)
        let minMax = Self.error(
            Self.service(
                annotations:
                    "autoscaling.knative.dev/min-scale: \"3\"\n        autoscaling.knative.dev/max-scale: \"2\""))
        #expect(minMax?.field == "spec.template.metadata.annotations.autoscaling.knative.dev/min-scale")
        #expect(
            Self.error(Self.service(annotations: "autoscaling.knative.dev/target-burst-capacity: \"-0.5\""))?.message
                .contains("-1") == true)
    }

    @Test func goDurations() {
        let cases: [(String, Double?)] = [
            ("60s", 60), ("1m30s", 90), ("1.5h", 5400), ("500ms", 0.5), ("0", 0), ("60", nil), ("-1s", nil),
            ("5x", nil), ("", nil),
        ]
        for (text, expected) in cases {
            #expect(ConfigNode.parseGoDuration(text) == expected, "\(text)")
        }
    }
}
