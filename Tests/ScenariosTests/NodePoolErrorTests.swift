import Scenarios
import Simulator
import Testing

/// NodePool manifests a Karpenter API server would reject, or costsim cannot model: each error
/// names the file, the line and the field; fields read past are warnings.
@Suite struct NodePoolErrorTests {
    /// A valid NodePool with `disruption` and `template.spec` lines replaceable.
    static func nodePool(
        disruption: String = "  disruption:\n    consolidationPolicy: WhenEmpty\n    consolidateAfter: 30s",
        templateSpec: String = "      expireAfter: 720h",
        requirements: String = """
                - key: node.kubernetes.io/instance-type
                  operator: In
                  values: [g4dn.xlarge]
        """, extra: String = ""
    ) -> String {
        """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: gpu}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: gpu}
              requirements:
        \(requirements)
        \(templateSpec)
        \(disruption)
        \(extra)
        ---
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: gpu}
        spec:
          amiSelectorTerms: [{alias: bottlerocket@latest}]
        """
    }

    static func load(_ yaml: String) throws(ScenarioFileError) -> LoadedNodePool {
        try NodePoolLoader.parse(yaml: yaml, file: "pool.yaml")
    }

    static func error(_ yaml: String) throws -> ScenarioFileError {
        do {
            _ = try load(yaml)
        } catch {
            return error
        }
        Issue.record("expected an error")
        throw ScenarioFileError(file: "", message: "no error")
    }

    @Test func theTemplateIsValid() throws {
        let loaded = try Self.load(Self.nodePool())
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.settings.consolidateAfterSeconds == 30)
    }

    @Test func unknownConsolidationPolicy() throws {
        let error = try Self.error(
            Self.nodePool(disruption: "  disruption:\n    consolidationPolicy: WhenIdle\n    consolidateAfter: 0s"))
        #expect(
            error.description == "pool.yaml:14: field 'spec.disruption.consolidationPolicy': "
                + "'WhenIdle' is not one of: Balanced, WhenEmpty, WhenEmptyOrUnderutilized")
    }

    @Test func negativeAndMalformedDurations() throws {
        let negative = try Self.error(Self.nodePool(disruption: "  disruption:\n    consolidateAfter: -5m"))
        #expect(
            negative.description == "pool.yaml:14: field 'spec.disruption.consolidateAfter': "
                + "'-5m' is negative; a duration must be 0 or more")
        let fraction = try Self.error(Self.nodePool(templateSpec: "      expireAfter: 1.5h"))
        #expect(
            fraction.description == "pool.yaml:12: field 'spec.template.spec.expireAfter': '1.5h' is not a "
                + "duration the NodePool schema accepts (whole numbers with s, m or h, e.g. 30s, 5m, 1h30m, or Never)")
        let bare = try Self.error(Self.nodePool(templateSpec: "      terminationGracePeriod: 600"))
        #expect(bare.message.hasPrefix("'600' is not a duration the NodePool schema accepts"))
        #expect(bare.message.hasSuffix("1h30m)"))
        let never = try Self.error(Self.nodePool(templateSpec: "      terminationGracePeriod: Never"))
        #expect(never.message == "'Never' is not allowed here; give a duration")
        let zero = try Self.error(Self.nodePool(templateSpec: "      expireAfter: 0s"))
        #expect(zero.message == "must be longer than 0 s (or Never)")
        let long = try Self.error(Self.nodePool(templateSpec: "      expireAfter: 900000h"))
        #expect(long.message == "'3240000000s' is more than 100 years")
    }

    @Test func neverDisablesConsolidationAndExpiry() throws {
        let settings = try Self.load(
            Self.nodePool(
                disruption: "  disruption:\n    consolidateAfter: Never", templateSpec: "      expireAfter: Never")
        ).settings
        #expect(settings.consolidateAfterSeconds == nil)
        #expect(settings.expireAfterSeconds == nil)
        #expect(settings.consolidatableAt(initializedAt: 10, lastPodEventAt: 20) == nil)
    }

    @Test func compositeGoDurations() throws {
        let settings = try Self.load(
            Self.nodePool(
                disruption: "  disruption:\n    consolidateAfter: 1m30s",
                templateSpec: "      terminationGracePeriod: 1h5m")
        ).settings
        #expect(settings.consolidateAfterSeconds == 90)
        #expect(settings.terminationGracePeriodSeconds == 3900)
    }

    @Test func disruptionWithoutConsolidateAfter() throws {
        let error = try Self.error(Self.nodePool(disruption: "  disruption:\n    consolidationPolicy: WhenEmpty"))
        #expect(
            error.description == "pool.yaml:14: field 'spec.disruption.consolidateAfter': required field is missing")
    }

    @Test func badBudgets() throws {
        let over = try Self.error(
            Self.nodePool(disruption: "  disruption:\n    consolidateAfter: 0s\n    budgets: [{nodes: 120%}]"))
        #expect(
            over.description == "pool.yaml:15: field 'spec.disruption.budgets[0].nodes': "
                + "nodes must be a percentage within 0% … 100%, got 120%")
        let word = try Self.error(
            Self.nodePool(disruption: "  disruption:\n    consolidateAfter: 0s\n    budgets: [{nodes: all}]"))
        #expect(word.message == "'all' is not a node count or a percentage (e.g. 1, 10%)")
        let reason = try Self.error(
            Self.nodePool(
                disruption: "  disruption:\n    consolidateAfter: 0s\n    budgets: [{nodes: 1, reasons: [Expired]}]"))
        #expect(reason.field == "spec.disruption.budgets[0].reasons[0]")
        #expect(reason.message == "'Expired' is not one of: Drifted, Empty, Underutilized")
        // An explicit empty list overrides the CRD default: no budget limits disruption.
        let none = try Self.load(Self.nodePool(disruption: "  disruption:\n    consolidateAfter: 0s\n    budgets: []"))
        #expect(none.settings.allowedDisruptions(for: .empty, initializedNodes: 7, disrupting: 2) == 5)
    }

    @Test func scheduledBudgetsAreDroppedWithAWarning() throws {
        let loaded = try Self.load(
            Self.nodePool(
                disruption: """
                      disruption:
                        consolidateAfter: 0s
                        budgets:
                        - nodes: "5"
                        - {nodes: "0", schedule: "0 9 * * mon-fri", duration: 8h}
                    """))
        #expect(loaded.settings.budgets == [DisruptionBudget(nodes: .count(5))])
        #expect(
            loaded.warnings.map(\.description) == [
                "pool.yaml:17: field 'spec.disruption.budgets[1]': warning: scheduled budgets are not modelled; "
                    + "this budget is ignored (treated as never active)"
            ])
        let onlyScheduled = try Self.load(
            Self.nodePool(
                disruption: """
                      disruption:
                        consolidateAfter: 0s
                        budgets: [{nodes: "0", schedule: "@daily", duration: 1h}]
                    """))
        #expect(onlyScheduled.settings.allowedDisruptions(for: .empty, initializedNodes: 7, disrupting: 0) == 7)
    }

    @Test func badRequirements() throws {
        let noValue = try Self.error(
            Self.nodePool(requirements: "        - {key: node.kubernetes.io/instance-type, operator: In}"))
        #expect(
            noValue.description == "pool.yaml:9: field 'spec.template.spec.requirements[0]': "
                + "operator In needs at least one value")
        let badOperator = try Self.error(
            Self.nodePool(
                requirements: "        - {key: karpenter.k8s.aws/instance-gpu-count, operator: Gtx, values: ['0']}"))
        #expect(badOperator.field == "spec.template.spec.requirements[0].operator")
        #expect(badOperator.message.hasPrefix("'Gtx' is not one of: DoesNotExist, Exists, Gt, Gte, In, Lt, Lte, NotIn"))
        let comparison = try Self.error(
            Self.nodePool(
                requirements: "        - {key: karpenter.k8s.aws/instance-gpu-count, operator: Gt, values: ['one']}"))
        #expect(comparison.message == "operator Gt needs exactly one whole number >= 0")
        let minValues = try Self.error(
            Self.nodePool(
                requirements:
                    "        - {key: karpenter.k8s.aws/instance-family, operator: In, values: [g4dn], minValues: 2}"))
        #expect(minValues.message == "minValues 2 needs at least that many values (has 1)")
        let noCapacity = try Self.error(
            Self.nodePool(
                requirements:
                    "        - {key: karpenter.sh/capacity-type, operator: NotIn, values: [spot, on-demand, reserved]}")
        )
        #expect(
            noCapacity.description == "pool.yaml:1: the karpenter.sh/capacity-type requirements allow no capacity type")
    }

    @Test func unknownFieldsWarnByName() throws {
        let loaded = try Self.load(Self.nodePool(extra: "  limits: {nodes: 4, memory: 64Gi}\n  burstable: true"))
        #expect(loaded.settings.maxNodes == 4)
        #expect(
            loaded.warnings.map(\.description) == [
                "pool.yaml:16: field 'spec.limits.memory': warning: limit not modelled (costsim limits a pool by nodes "
                    + "and nvidia.com/gpu); ignored",
                "pool.yaml:17: field 'spec.burstable': warning: unknown field, ignored (costsim does not model it)",
            ])
    }

    /// Some AKS pages still show `expireAfter` under `disruption`, where karpenter.sh/v1beta1 had it.
    @Test func expireAfterInTheV1beta1Place() throws {
        let loaded = try Self.load(
            Self.nodePool(disruption: "  disruption:\n    consolidateAfter: 0s\n    expireAfter: 24h"))
        #expect(loaded.settings.expireAfterSeconds == 720 * 3600.0)
        #expect(
            loaded.warnings.map(\.description) == [
                "pool.yaml:15: field 'spec.disruption.expireAfter': warning: expireAfter belongs under "
                    + "spec.template.spec in karpenter.sh/v1 (spec.disruption.expireAfter is the v1beta1 place); "
                    + "ignored here"
            ])
    }

    @Test func nodeClassMismatches() throws {
        let wrongName = try Self.error(
            Self.nodePool().replacingOccurrences(
                of: "metadata: {name: gpu}\nspec:\n  amiSelectorTerms",
                with: "metadata: {name: cpu}\nspec:\n  amiSelectorTerms"))
        #expect(
            wrongName.message
                == "the NodePool's nodeClassRef names EC2NodeClass 'gpu', but the file has EC2NodeClass 'cpu'")
        let gke = try Self.error(
            Self.nodePool().replacingOccurrences(of: "group: karpenter.k8s.aws,", with: "group: karpenter.k8s.gcp,"))
        #expect(gke.field == "spec.template.spec.nodeClassRef.group")
        let badAlias = try Self.error(
            Self.nodePool().replacingOccurrences(of: "bottlerocket@latest", with: "ubuntu@latest"))
        #expect(badAlias.field == "spec.amiSelectorTerms[0].alias")
        let alone = try Self.load(String(Self.nodePool().split(separator: "---")[0]))
        #expect(alone.settings.imageFamily == nil)
        #expect(
            alone.warnings.map(\.message) == [
                "the file has no EC2NodeClass 'gpu'; its image family is unknown, so the scenario's cold start applies"
            ])
    }

    @Test func fileLevelErrors() throws {
        let none = try Self.error("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
        #expect(none.description == "pool.yaml: no NodePool found (expected kind NodePool, apiVersion karpenter.sh/v1)")
        let beta = try Self.error(
            Self.nodePool().replacingOccurrences(of: "karpenter.sh/v1\n", with: "karpenter.sh/v1beta1\n"))
        #expect(beta.field == "apiVersion")
        #expect(beta.message.hasPrefix("NodePool apiVersion 'karpenter.sh/v1beta1' is not karpenter.sh/v1"))
        let two = try Self.error(Self.nodePool() + "\n---\n" + String(Self.nodePool().split(separator: "---")[0]))
        #expect(two.message.hasPrefix("more than one NodePool in the file (NodePool 'gpu', NodePool 'gpu')"))
        let staticPool = try Self.error(Self.nodePool(extra: "  replicas: 2"))
        #expect(staticPool.field == "spec.replicas")
        let yaml = try Self.error("kind: [")
        #expect(yaml.message.hasPrefix("not valid YAML"))
    }
}
