import Testing
import Scenarios
import Simulator

/// Invalid manifests: each error names the file, the line and the field.
@Suite struct ManifestErrorTests {
    static func error(_ yaml: String, file: String = "bad.yaml") -> ScenarioFileError? {
        do {
            _ = try ManifestLoader.parse(yaml: yaml, file: file)
            return nil
        } catch {
            return error
        }
    }

    /// A valid ScaledObject with `spec` lines replaced or added.
    static func scaledObject(spec: String = "", trigger: String = "type: rabbitmq") -> String {
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: worker
        spec:
          scaleTargetRef:
            name: worker
        \(spec)
          triggers:
          - \(trigger)
            metadata:
              host: amqp://rabbit:5672/
              mode: QueueLength
              value: "20"
        """
    }

    @Test func theTemplateIsValid() throws {
        _ = try ManifestLoader.parse(yaml: Self.scaledObject(), file: "ok.yaml")
    }

    @Test func onlyAnUnrelatedKind() throws {
        let error = try #require(
            Self.error("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n"))
        #expect(error.message.hasPrefix("no ScaledObject or Knative Service found"))
        #expect(error.message.contains("found: ConfigMap"))
        #expect(error.description.hasPrefix("bad.yaml: no ScaledObject"))
    }

    @Test func wrongKindOrGroup() throws {
        // A ScaledObject kind under another API group is not KEDA's.
        let wrongGroup = Self.scaledObject().replacingOccurrences(of: "keda.sh/v1alpha1", with: "example.com/v1")
        #expect(Self.error(wrongGroup)?.message.contains("no ScaledObject") == true)
        // A ScaledJob is not a ScaledObject.
        let job = Self.scaledObject().replacingOccurrences(of: "kind: ScaledObject", with: "kind: ScaledJob")
        #expect(Self.error(job)?.message.contains("found: ScaledJob") == true)
        // Empty file.
        #expect(Self.error("")?.message.contains("no ScaledObject") == true)
    }

    @Test func twoScalingObjects() throws {
        let error = try #require(Self.error(Self.scaledObject() + "\n---\n" + Self.scaledObject()))
        #expect(error.message.contains("exactly one ScaledObject or one Knative Service"))
        #expect(error.line == 16)
    }

    @Test func missingScaleTargetRef() throws {
        let yaml = Self.scaledObject().replacingOccurrences(
            of: "  scaleTargetRef:\n    name: worker\n", with: "  pollingInterval: 10\n")
        let error = try #require(Self.error(yaml))
        #expect(error.field == "spec.scaleTargetRef")
        #expect(error.line == 6)
        #expect(error.message == "required field is missing")
        #expect(error.description == "bad.yaml:6: field 'spec.scaleTargetRef': required field is missing")

        let noName = Self.scaledObject().replacingOccurrences(of: "    name: worker\n", with: "    kind: Deployment\n")
        #expect(Self.error(noName)?.field == "spec.scaleTargetRef.name")
    }

    @Test func missingSpecOrTriggers() throws {
        #expect(Self.error("apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: w}\n")?.field == "spec")
        let noTriggers = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nspec:\n  scaleTargetRef: {name: w}\n"
        #expect(Self.error(noTriggers)?.field == "spec.triggers")
        let emptyTriggers = noTriggers + "  triggers: []\n"
        #expect(Self.error(emptyTriggers)?.message.contains("rabbitmq") == true)
    }

    @Test(arguments: [
        ("  pollingInterval: -5", "spec.pollingInterval", "must be within 1 …"),
        ("  pollingInterval: 0", "spec.pollingInterval", "must be within 1 … 2147483647, got 0"),
        ("  cooldownPeriod: -1", "spec.cooldownPeriod", "must be within 0 …"),
        ("  initialCooldownPeriod: -30", "spec.initialCooldownPeriod", "must be within 0 …"),
        ("  minReplicaCount: -1", "spec.minReplicaCount", "must be within 0 … 10000, got -1"),
        ("  pollingInterval: often", "spec.pollingInterval", "'often' is not a whole number"),
        ("  cooldownPeriod: 1.5", "spec.cooldownPeriod", "not a whole number"),
    ])
    func negativeAndNonNumericIntervals(spec: String, field: String, message: String) throws {
        let error = try #require(Self.error(Self.scaledObject(spec: spec)))
        #expect(error.field == field)
        #expect(error.line == 8)
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func minAboveMax() throws {
        let error = try #require(Self.error(Self.scaledObject(spec: "  maxReplicaCount: 2\n  minReplicaCount: 3")))
        #expect(error.field == "spec.minReplicaCount")
        #expect(error.line == 9)
        #expect(error.message == "minReplicaCount (3) must not exceed maxReplicaCount (2)")
        // Against KEDA's default maximum of 100.
        #expect(
            Self.error(Self.scaledObject(spec: "  minReplicaCount: 101"))?.message.contains("KEDA's default") == true)
    }

    @Test func idleNotBelowMin() throws {
        let equal = try #require(Self.error(Self.scaledObject(spec: "  minReplicaCount: 1\n  idleReplicaCount: 1")))
        #expect(equal.field == "spec.idleReplicaCount")
        #expect(equal.line == 9)
        #expect(equal.message.contains("must be below minReplicaCount (1)"))
        // With the default minReplicaCount 0 no idle count is valid.
        #expect(Self.error(Self.scaledObject(spec: "  idleReplicaCount: 0"))?.field == "spec.idleReplicaCount")
    }

    @Test func unsupportedTriggerType() throws {
        let error = try #require(Self.error(Self.scaledObject(trigger: "type: kafka")))
        #expect(error.field == "spec.triggers[0].type")
        #expect(error.line == 10)
        #expect(error.message == "unsupported trigger type 'kafka': costsim models KEDA's rabbitmq scaler only")
        #expect(error.description.hasPrefix("bad.yaml:10: field 'spec.triggers[0].type': "))
    }

    @Test func invalidYAML() throws {
        let error = try #require(Self.error("apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nspec: [unclosed\n"))
        #expect(error.message.hasPrefix("not valid YAML"))
        #expect(error.line != nil)
        let tabs = try #require(Self.error("spec:\n\tpollingInterval: 10\n"))
        #expect(tabs.message.hasPrefix("not valid YAML"))
    }

    @Test func missingFile() throws {
        let error = try #require(throws: ScenarioFileError.self) {
            try ManifestLoader.load(path: "/nonexistent/so.yaml")
        }
        #expect(error.message == "file not found")
    }

    @Test func triggerMetadataErrors() throws {
        func triggerError(_ metadata: String) -> ScenarioFileError? {
            Self.error("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                spec:
                  scaleTargetRef: {name: w}
                  triggers:
                  - type: rabbitmq
                    metadata: {\(metadata)}
                """)
        }
        let base = "host: \"amqp://r/\", mode: QueueLength"
        #expect(triggerError(base + ", value: twenty")?.field == "spec.triggers[0].metadata.value")
        #expect(triggerError(base + ", value: twenty")?.message == "'twenty' is not a number")
        #expect(triggerError(base + ", value: \"0\"")?.message.contains("must be > 0") == true)
        #expect(triggerError(base)?.field == "spec.triggers[0].metadata.value")
        #expect(triggerError("host: \"amqp://r/\", value: \"5\"")?.field == "spec.triggers[0].metadata.mode")
        #expect(
            triggerError("host: \"http://r/\", mode: MessageRate, value: \"5\"")?.message
                == "unsupported mode 'MessageRate': costsim models the QueueLength mode only")
        #expect(
            triggerError(base + ", value: \"5\", queueLength: \"5\"")?.field == "spec.triggers[0].metadata.queueLength")
        #expect(
            triggerError(base + ", value: \"5\", activationValue: \"-1\"")?.field
                == "spec.triggers[0].metadata.activationValue")
        #expect(triggerError(base + ", value: \"5\", protocol: stomp")?.field == "spec.triggers[0].metadata.protocol")
        #expect(
            triggerError("host: \"redis://r/\", mode: QueueLength, value: \"5\"")?.field
                == "spec.triggers[0].metadata.host")
        let amqpExclude = triggerError(base + ", value: \"5\", excludeUnacknowledged: \"true\"")
        #expect(amqpExclude?.field == "spec.triggers[0].metadata.excludeUnacknowledged")
        #expect(amqpExclude?.message.contains("http") == true)
        // Explicit protocol wins over the host's scheme.
        #expect(
            triggerError(
                "host: \"amqp://r/\", protocol: http, mode: QueueLength, value: \"5\", excludeUnacknowledged: \"true\"")
                == nil)
    }

    @Test func unsupportedScalingFeatures() throws {
        let valueMetric = try #require(Self.error(Self.scaledObject(trigger: "type: rabbitmq\n    metricType: Value")))
        #expect(valueMetric.field == "spec.triggers[0].metricType")
        #expect(valueMetric.message.contains("unsupported metricType 'Value'"))
        let modifiers = try #require(
            Self.error(Self.scaledObject(spec: "  advanced:\n    scalingModifiers:\n      formula: \"q / 2\"")))
        #expect(modifiers.field == "spec.advanced.scalingModifiers")
        let twoQueues =
            Self.scaledObject()
            + "\n  - type: rabbitmq\n    metadata: {host: \"amqp://r/\", mode: QueueLength, value: \"1\"}"
        #expect(Self.error(twoQueues)?.field == "spec.triggers[1]")
        let fallback = Self.error(Self.scaledObject(spec: "  fallback: {failureThreshold: 3}"))
        #expect(fallback?.field == "spec.fallback.replicas")
        let policy = Self.error(
            Self.scaledObject(
                spec:
                    "  advanced:\n    horizontalPodAutoscalerConfig:\n      behavior:\n        scaleUp:\n          "
                        + "policies: [{type: Requests, value: 1, periodSeconds: 15}]"))
        #expect(policy?.field == "spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.policies[0].type")
        let window = Self.error(
            Self.scaledObject(
                spec:
                    "  advanced:\n    horizontalPodAutoscalerConfig:\n      behavior:\n        scaleDown: "
                        + "{stabilizationWindowSeconds: 4000}"))
        #expect(window?.message.contains("0 … 3600") == true)
    }

    @Test func deploymentGracePeriodMustBeANonNegativeWholeNumber() throws {
        let deployment =
            "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec:\n  template:\n    spec: "
                + "{terminationGracePeriodSeconds: -1}\n"
        let error = try #require(Self.error(Self.scaledObject() + deployment))
        #expect(error.field == "spec.template.spec.terminationGracePeriodSeconds")
        #expect(error.line == 21)
        let huge = try #require(
            Self.error(Self.scaledObject() + deployment.replacingOccurrences(of: "-1", with: "9223372036854775807")))
        #expect(huge.message.contains("must be within 0 … 3155760000"), "\(huge)")
        let notAMapping = try #require(
            Self.error(
                Self.scaledObject()
                    + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec: hello\n"))
        #expect(notAMapping.field == "spec" && notAMapping.message.contains("must be a mapping"), "\(notAMapping)")
    }

    /// The ScaledObject CRD's intervals are int32.
    @Test(arguments: ["pollingInterval", "cooldownPeriod", "initialCooldownPeriod"])
    func intervalsAreInt32(field: String) throws {
        let error = try #require(Self.error(Self.scaledObject(spec: "  \(field): 2147483648")))
        #expect(error.field == "spec.\(field)" && error.message.contains("2147483647"), "\(error)")
        #expect(Self.error(Self.scaledObject(spec: "  \(field): 2147483647")) == nil)
    }

    @Test func aTargetKindOtherThanADeploymentIsWarnedAbout() throws {
        let yaml = Self.scaledObject().replacingOccurrences(
            of: "    name: worker\n", with: "    name: worker\n    kind: Bogus\n")
        let loaded = try ManifestLoader.parse(yaml: yaml, file: "so.yaml")
        #expect(loaded.warnings.contains { "\($0)".contains("'Bogus' is simulated as one") }, "\(loaded.warnings)")
    }
}
