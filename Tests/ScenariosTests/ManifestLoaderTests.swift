import Foundation
import Testing
import Scenarios
import Simulator

/// KEDA ScaledObject manifests: the article's, a full one, HTTP triggers, HPA documents, warnings.
@Suite struct ManifestLoaderTests {
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static func keda(_ manifest: LoadedManifest) throws -> KEDAConfiguration {
        guard case .keda(let keda) = manifest.autoscaler else {
            Issue.record("expected a KEDA autoscaler")
            throw ScenarioFileError(file: "", message: "not KEDA")
        }
        return keda
    }

    func expectArticleValues(_ manifest: LoadedManifest) throws {
        let keda = try Self.keda(manifest)
        #expect(keda.pollingIntervalSeconds == 10)
        #expect(keda.cooldownPeriodSeconds == 60)
        #expect(keda.initialCooldownPeriodSeconds == 0)
        #expect(keda.maxReplicaCount == 5)
        #expect(keda.minReplicaCount == 0)
        #expect(keda.idleReplicaCount == nil)
        #expect(keda.trigger.targetValue == 20)
        #expect(keda.trigger.activationValue == 0)
        #expect(keda.trigger.queueProtocol == .amqp)
        #expect(keda.trigger.excludeUnacknowledged == false)
        #expect(keda.trigger.useCachedMetrics == false)
        #expect(keda.fallback == nil)
        #expect(keda.hpaBehavior == nil)
        #expect(keda == KEDAConfiguration.article)
        #expect(manifest.terminationGracePeriodSeconds == nil)
        #expect(manifest.name == "ttsworker")
        #expect(manifest.warnings.isEmpty, "\(manifest.warnings)")
    }

    @Test func bundledArticleScaledObject() throws {
        try expectArticleValues(
            try ManifestLoader.load(path: Self.repositoryRoot + "/scenarios/article-scaledobject.yaml"))
    }

    static let full = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: unrelated
        data:
          a: b
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gpu-worker
          namespace: ml
          labels: {app: gpu-worker}
        spec:
          replicas: 1
          selector: {matchLabels: {app: gpu-worker}}
          template:
            metadata: {labels: {app: gpu-worker}}
            spec:
              terminationGracePeriodSeconds: 120
              containers:
              - name: worker
                image: example/tts:1
                resources: {limits: {nvidia.com/gpu: 1}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: gpu-worker-scaler
          namespace: ml
          labels: {team: speech}
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: "{}"
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: gpu-worker
          pollingInterval: 15
          cooldownPeriod: 120
          initialCooldownPeriod: 30
          idleReplicaCount: 0
          minReplicaCount: 1
          maxReplicaCount: 8
          fallback:
            failureThreshold: 3
            replicas: 2
            behavior: static
          advanced:
            restoreToOriginalReplicaCount: true
            horizontalPodAutoscalerConfig:
              name: custom-hpa
              behavior:
                scaleUp:
                  stabilizationWindowSeconds: 30
                  policies:
                  - type: Pods
                    value: 2
                    periodSeconds: 60
                  - type: Percent
                    value: 50
                    periodSeconds: 30
                  selectPolicy: Min
                scaleDown:
                  policies:
                  - type: Pods
                    value: 1
                    periodSeconds: 120
          triggers:
          - type: rabbitmq
            name: queue
            useCachedMetrics: true
            metricType: AverageValue
            metadata:
              protocol: http
              host: http://rabbitmq.ml:15672/
              queueName: tasks
              vhostName: /
              mode: QueueLength
              value: "10"
              activationValue: "2.5"
            authenticationRef:
              name: rabbitmq-auth
        """

    @Test func fullScaledObjectWithBehaviorFallbackIdleAndDeployment() throws {
        let manifest = try ManifestLoader.parse(yaml: Self.full, file: "full.yaml")
        let keda = try Self.keda(manifest)
        #expect(keda.pollingIntervalSeconds == 15)
        #expect(keda.cooldownPeriodSeconds == 120)
        #expect(keda.initialCooldownPeriodSeconds == 30)
        #expect(keda.minReplicaCount == 1)
        #expect(keda.maxReplicaCount == 8)
        #expect(keda.idleReplicaCount == 0)
        #expect(keda.fallback == KEDAConfiguration.Fallback(failureThreshold: 3, replicas: 2))
        #expect(
            keda.trigger
                == RabbitMQTrigger(targetValue: 10, activationValue: 2.5, queueProtocol: .http, useCachedMetrics: true))
        let behavior = try #require(keda.hpaBehavior)
        #expect(behavior.scaleUp == HPABehavior.Rules(
            stabilizationWindowSeconds: 30,
            policies: [
                HPABehavior.Policy(kind: .pods, value: 2, periodSeconds: 60),
                HPABehavior.Policy(kind: .percent, value: 50, periodSeconds: 30),
            ],
            selectPolicy: .min))
        // Omitted fields of a present direction take that direction's defaults (window 300 s, Max).
        #expect(
            behavior.scaleDown
                == HPABehavior.Rules(
                    stabilizationWindowSeconds: 300,
                    policies: [HPABehavior.Policy(kind: .pods, value: 1, periodSeconds: 120)], selectPolicy: .max))
        #expect(manifest.terminationGracePeriodSeconds == 120)
        #expect(manifest.name == "gpu-worker-scaler")
        // Only the ConfigMap is reported; Deployment details, labels, connection settings are silent.
        #expect(manifest.warnings.count == 1, "\(manifest.warnings)")
        #expect(manifest.warnings.first?.message.contains("ConfigMap 'unrelated'") == true)
        #expect(manifest.warnings.first?.line == 1)
    }

    @Test func omittedDirectionTakesTheAPIServerDefault() throws {
        let yaml = Self.minimal(extra: """
              advanced:
                horizontalPodAutoscalerConfig:
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 60
                      selectPolicy: Disabled
            """)
        let behavior = try #require(try Self.keda(try ManifestLoader.parse(yaml: yaml, file: "t.yaml")).hpaBehavior)
        #expect(behavior.scaleUp == .defaultScaleUp)
        #expect(
            behavior.scaleDown
                == HPABehavior.Rules(
                    stabilizationWindowSeconds: 60, policies: HPABehavior.Rules.defaultScaleDown.policies,
                    selectPolicy: .disabled))
    }

    /// A ScaledObject with the given lines appended to its spec (indented by 2).
    static func minimal(
        extra: String = "", trigger: String = "host: amqp://rabbit:5672/\n      mode: QueueLength\n      value: \"20\""
    ) -> String {
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: worker
        spec:
          scaleTargetRef:
            name: worker
        \(extra)
          triggers:
          - type: rabbitmq
            metadata:
              \(trigger)
        """
    }

    @Test func kedaDefaultsWhenFieldsAreAbsent() throws {
        let keda = try Self.keda(
            try ManifestLoader.parse(
                yaml: Self.minimal(trigger: "queueName: q\n      host: amqps://rabbit/"), file: "t.yaml"))
        #expect(keda == KEDAConfiguration(trigger: RabbitMQTrigger(targetValue: 20, queueProtocol: .amqp)))
        #expect(keda.pollingIntervalSeconds == 30 && keda.cooldownPeriodSeconds == 300 && keda.maxReplicaCount == 100)
    }

    @Test func httpTriggerWithExcludeUnacknowledged() throws {
        let yaml = Self.minimal(
            trigger:
                "host: https://user:secret@rabbit.example:15671/vhost\n      mode: QueueLength\n      value: 5\n      "
                    + "excludeUnacknowledged: \"true\"")
        let manifest = try ManifestLoader.parse(yaml: yaml, file: "t.yaml")
        let trigger = try Self.keda(manifest).trigger
        #expect(trigger.queueProtocol == .http)  // from the https:// scheme
        #expect(trigger.excludeUnacknowledged)
        #expect(trigger.targetValue == 5)
        #expect(manifest.warnings.isEmpty)
        // Credentials in the host never appear in messages.
        #expect(!manifest.warnings.description.contains("secret"))
    }

    @Test func deprecatedQueueLengthAndMissingHostWarn() throws {
        let manifest = try ManifestLoader.parse(
            yaml: Self.minimal(trigger: "queueLength: \"7\"\n      queueName: q"), file: "t.yaml")
        let trigger = try Self.keda(manifest).trigger
        #expect(trigger.targetValue == 7)
        #expect(trigger.queueProtocol == .amqp)
        #expect(
            manifest.warnings.map(\.field) == ["spec.triggers[0].metadata.queueLength", "spec.triggers[0].metadata"])
        #expect(manifest.warnings[1].message.contains("assuming amqp"))
    }

    @Test func unknownSpecFieldIsAWarningWithItsLine() throws {
        let yaml = Self.minimal(
            extra: "  pollingInterval: 10\n  sclaeDownDelay: 5\n  advanced:\n    somethingNew: true")
        let manifest = try ManifestLoader.parse(yaml: yaml, file: "so.yaml")
        #expect(try Self.keda(manifest).pollingIntervalSeconds == 10)
        let warning = try #require(manifest.warnings.first { $0.field == "spec.sclaeDownDelay" })
        #expect(warning.line == 9)
        #expect(
            warning.description
                == "so.yaml:9: field 'spec.sclaeDownDelay': warning: unknown field, ignored (costsim does not model it)"
        )
        #expect(manifest.warnings.contains { $0.field == "spec.advanced.somethingNew" && $0.line == 11 })
        #expect(manifest.warnings.count == 2)
    }

    @Test func behaviorChangingFieldsWarn() throws {
        let yaml = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: worker
              annotations:
                autoscaling.keda.sh/paused: "true"
            spec:
              scaleTargetRef: {name: worker}
              fallback: {failureThreshold: 2, replicas: 1, behavior: currentReplicasIfHigher}
              triggers:
              - type: cpu
                metricType: Utilization
                metadata: {value: "60"}
              - type: rabbitmq
                metadata: {host: "amqp://r/", mode: QueueLength, value: "20", useRegex: "true", operation: max}
            """
        let manifest = try ManifestLoader.parse(yaml: yaml, file: "t.yaml")
        let fields = manifest.warnings.map { $0.field ?? "" }
        #expect(fields.contains("metadata.annotations.autoscaling.keda.sh/paused"))
        #expect(fields.contains("spec.fallback.behavior"))
        #expect(fields.contains("spec.triggers[0].type"))
        #expect(fields.contains("spec.triggers[1].metadata.useRegex"))
        #expect(manifest.warnings.count == 4, "\(manifest.warnings)")
    }

    static let hpaDocument = """
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: keda-hpa-worker
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: worker}
          minReplicas: 1
          maxReplicas: 100
          metrics: []
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 0
        """

    @Test func hpaBehaviorIsUsedOnlyWhenTheScaledObjectHasNone() throws {
        let fromHPA = try ManifestLoader.parse(yaml: Self.minimal() + "\n" + Self.hpaDocument, file: "t.yaml")
        let behavior = try #require(try Self.keda(fromHPA).hpaBehavior)
        #expect(behavior.scaleDown.stabilizationWindowSeconds == 0)
        #expect(behavior.scaleUp == .defaultScaleUp)
        #expect(fromHPA.warnings.map(\.field) == ["spec.behavior"])
        #expect(fromHPA.warnings.first?.message.contains("move this behavior") == true)

        let own = Self.minimal(
            extra:
                "  advanced:\n    horizontalPodAutoscalerConfig:\n      behavior:\n        scaleDown: "
                    + "{stabilizationWindowSeconds: 30}")
        let fromScaledObject = try ManifestLoader.parse(yaml: own + "\n" + Self.hpaDocument, file: "t.yaml")
        #expect(try Self.keda(fromScaledObject).hpaBehavior?.scaleDown.stabilizationWindowSeconds == 30)
        #expect(fromScaledObject.warnings.first?.message.contains("takes precedence") == true)
    }

    @Test func deploymentThatIsNotTheTargetIsIgnoredWithAWarning() throws {
        let other =
            "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api-server}\nspec:\n  template:\n    spec: "
                + "{terminationGracePeriodSeconds: 10}\n"
        let manifest = try ManifestLoader.parse(yaml: Self.minimal() + other, file: "t.yaml")
        #expect(manifest.terminationGracePeriodSeconds == nil)
        #expect(manifest.warnings.count == 1)
        #expect(manifest.warnings.first?.message.contains("api-server") == true)
        #expect(manifest.warnings.first?.message.contains("scaleTargetRef") == true)
    }

    @Test func kubectlListIsExpanded() throws {
        let yaml = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: keda.sh/v1alpha1
              kind: ScaledObject
              metadata: {name: w}
              spec:
                scaleTargetRef: {name: w}
                pollingInterval: 5
                triggers: [{type: rabbitmq, metadata: {host: "http://r/", mode: QueueLength, value: "3"}}]
            """
        let keda = try Self.keda(try ManifestLoader.parse(yaml: yaml, file: "t.yaml"))
        #expect(
            keda.pollingIntervalSeconds == 5 && keda.trigger.queueProtocol == .http && keda.trigger.targetValue == 3)
    }
}
