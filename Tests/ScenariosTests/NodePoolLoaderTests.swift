import Foundation
import Scenarios
import Simulator
import Testing

/// Real-format NodePool manifests (Tests/Fixtures/karpenter) read into KarpenterSettings.
@Suite struct NodePoolLoaderTests {
    static func fixture(_ name: String) -> String {
        ScenarioLoaderTests.repositoryRoot + "/Tests/Fixtures/karpenter/" + name
    }

    @Test func eksPoolReadsEveryModelledField() throws {
        let loaded = try NodePoolLoader.load(path: Self.fixture("eks-gpu-nodepool.yaml"))
        let settings = loaded.settings
        #expect(loaded.provider == "aws")
        #expect(loaded.name == "gpu-t4")
        #expect(loaded.nodeClassName == "gpu")
        #expect(settings.consolidationPolicy == .whenEmpty)
        #expect(settings.consolidateAfterSeconds == 0)
        #expect(settings.expireAfterSeconds == 604_800.0)
        #expect(settings.terminationGracePeriodSeconds == 3600)
        #expect(settings.maxGPUs == 3)
        #expect(settings.maxNodes == nil)
        #expect(
            settings.budgets == [
                DisruptionBudget(nodes: .percent(20)), DisruptionBudget(nodes: .count(0), reasons: [.drifted]),
            ])
        #expect(
            settings.requirements == [
                NodeRequirement(key: "karpenter.sh/capacity-type", operator: .in, values: ["spot", "on-demand"]),
                NodeRequirement(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g4dn"]),
                NodeRequirement(key: "karpenter.k8s.aws/instance-gpu-count", operator: .in, values: ["1"]),
            ])
        #expect(settings.allowedCapacityTypes == [.spot, .onDemand])
        #expect(settings.imageFamily == "bottlerocket")
        // Controller flags are not in a NodePool: Karpenter's defaults.
        #expect(settings.batchIdleSeconds == 1)
        #expect(settings.batchMaxSeconds == 10)
        #expect(!settings.interruptionQueue)
    }

    @Test func eksPoolWarnsAboutWhatItDoesNotModel() throws {
        let loaded = try NodePoolLoader.load(path: Self.fixture("eks-gpu-nodepool.yaml"))
        let file = Self.fixture("eks-gpu-nodepool.yaml")
        let warnings = loaded.warnings.map { "\($0.line ?? 0) \($0.field ?? "") \($0.message)" }
        #expect(
            warnings == [
                "28 spec.template.spec.requirements[3].key requirement on 'kubernetes.io/arch' is not checked against "
                    + "costsim's catalog; dropped",
                "31 spec.template.spec.requirements[4].key zones are not modelled (costsim prices one region); "
                    + "requirement dropped",
                "47 spec.limits.cpu limit not modelled (costsim limits a pool by nodes and nvidia.com/gpu); ignored",
                "49 spec.weight weight orders several NodePools; costsim reads one, so it has no effect",
            ])
        #expect(loaded.warnings.allSatisfy { $0.file == file })
    }

    @Test func aksPoolReadsItsNodeClass() throws {
        let loaded = try NodePoolLoader.load(path: Self.fixture("aks-gpu-nodepool.yaml"))
        #expect(loaded.provider == "azure")
        #expect(loaded.warnings.isEmpty)
        let settings = loaded.settings
        #expect(settings.imageFamily == "azurelinux")
        #expect(settings.managedGPUDriver)
        #expect(settings.allowedCapacityTypes == [.onDemand])
        #expect(
            settings.requirements.map(\.key) == [
                "karpenter.azure.com/sku-gpu-manufacturer", "karpenter.azure.com/sku-gpu-count",
                "node.kubernetes.io/instance-type", "karpenter.sh/capacity-type",
            ])
        #expect(
            settings.requirements[1]
                == NodeRequirement(key: "karpenter.azure.com/sku-gpu-count", operator: .gt, values: ["0"]))
        // Without `disruption` the CRD's defaults apply.
        #expect(settings.consolidationPolicy == .whenEmptyOrUnderutilized)
        #expect(settings.consolidateAfterSeconds == 0)
        #expect(settings.budgets == [.tenPercent])
        #expect(settings.expireAfterSeconds == 2_592_000.0)
        #expect(settings.terminationGracePeriodSeconds == nil)
    }

    @Test func aFileSharedWithTheScaledObject() throws {
        let path = Self.fixture("keda-and-nodepool.yaml")
        let pool = try NodePoolLoader.load(path: path, otherDocuments: .skip)
        #expect(pool.warnings.isEmpty)
        #expect(pool.settings.consolidateAfterSeconds == 300)
        #expect(pool.settings.imageFamily == "al2023")
        #expect(pool.settings.allowedCapacityTypes == [.spot])
        // The same file still gives the KEDA reader its ScaledObject.
        let manifest = try ManifestLoader.load(path: path)
        guard case .keda(let keda) = manifest.autoscaler else {
            Issue.record("expected KEDA")
            return
        }
        #expect(keda.cooldownPeriodSeconds == 60)
        #expect(manifest.terminationGracePeriodSeconds == 30)
        // Read as a NodePool file on its own, the other documents are named.
        let warned = try NodePoolLoader.load(path: path, otherDocuments: .warn)
        #expect(
            warned.warnings.map(\.message) == [
                "Deployment 'tts-worker' (apps/v1) ignored: not a Karpenter NodePool or node class",
                "ScaledObject 'tts-worker' (keda.sh/v1alpha1) ignored: not a Karpenter NodePool or node class",
            ])
    }
}
