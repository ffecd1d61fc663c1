import Scenarios
import Simulator
import Testing

/// `autoscaled.karpenter` in a scenario file: read into the option's deployment, with the node
/// taken from the offerings the catalog check resolves; errors name the file, line and field.
@Suite struct KarpenterScenarioOptionTests {
    static func scenario(cloud: String = "aws", pool: String, karpenter: String, extra: String = "") -> String {
        """
        cloud: {provider: \(cloud), region: us-east-1}
        workload:
          generate: {days: 1}
        options:
          - name: karpenter
            autoscaled:
              keda: {maxReplicaCount: 5}
              nodePool: \(pool)
              karpenter: \(karpenter)
        \(extra)
        """
    }

    static let t4 = "{node: {machineType: g4dn.xlarge, gpu: T4, spot: true}, max: 3}"

    /// A catalog check whose offerings are two fixed ones for any requirements on aws/us-east-1,
    /// and none elsewhere.
    static let twoOfferings = RegionCheck(
        { _ in nil },
        offerings: { settings, provider, region in
            guard provider == "aws", region == "us-east-1" else {
                return .failure(.invalidParameter("no offering in \(provider)/\(region)"))
            }
            var spot = NodeSpec(
                provider: provider, region: region, machineType: "g6.xlarge", gpuModel: "L4", gpuCount: 1)
            spot.spot = true
            let onDemand = NodeSpec(
                provider: provider, region: region, machineType: "g4dn.xlarge", gpuModel: "T4", gpuCount: 1)
            return .success(settings.allowedCapacityTypes.contains(.spot) ? [spot, onDemand] : [onDemand])
        })

    static func deployment(_ yaml: String, regions: RegionCheck? = nil) throws -> AutoscaledDeployment {
        let scenario = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml", baseDirectory: "/", regions: regions)
        guard case .autoscaled(let deployment) = scenario.options[0].kind else {
            Issue.record("expected an autoscaled option")
            throw ScenarioFileError(file: "", message: "")
        }
        return deployment
    }

    static func error(_ yaml: String, regions: RegionCheck? = nil) -> ScenarioFileError? {
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml", baseDirectory: "/", regions: regions)
            return nil
        } catch {
            return error
        }
    }

    @Test func theKeysReachTheDeploymentAndAWSSpotGetsTheTwoMinuteNotice() throws {
        let deployment = try Self.deployment(
            Self.scenario(
                pool: Self.t4,
                karpenter:
                    "{consolidationPolicy: WhenEmpty, consolidateAfter: 30s, capacityTypes: [spot], limits: {gpus: 2}}")
        )
        let karpenter = try #require(deployment.karpenter)
        #expect(karpenter.consolidationPolicy == .whenEmpty)
        #expect(karpenter.consolidateAfterSeconds == 30)
        #expect(karpenter.maxGPUs == 2)
        #expect(karpenter.allowedCapacityTypes == [.spot])
        #expect(karpenter.offerings.isEmpty)  // no catalog: the given node is the only type
        #expect(deployment.node.machineType == "g4dn.xlarge")
        #expect(deployment.spot.noticeSeconds == KarpenterSettings.awsSpotNoticeSeconds)
        #expect(deployment.spot.noticeSeconds == 120)
    }

    @Test func aGivenSpotNoticeAndOtherCloudsKeepTheirNotice() throws {
        let given = try Self.deployment(
            Self.scenario(pool: Self.t4, karpenter: "{}") + "      spot: {notice: 45s}\n")
        #expect(given.spot.noticeSeconds == 45)
        let azure = try Self.deployment(
            Self.scenario(
                cloud: "azure", pool: "{node: {machineType: Standard_NC4as_T4_v3, gpu: T4, spot: true}, max: 3}",
                karpenter: "{}"))
        #expect(azure.spot.noticeSeconds == SpotModel().noticeSeconds)
        let clusterAutoscaler = try Self.deployment(
            Self.scenario(pool: Self.t4, karpenter: "{}").replacingOccurrences(of: "      karpenter: {}\n", with: ""))
        #expect(clusterAutoscaler.karpenter == nil)
        #expect(clusterAutoscaler.spot.noticeSeconds == SpotModel().noticeSeconds)
    }

    @Test func theCatalogsCheapestOfferingIsTheNode() throws {
        let deployment = try Self.deployment(
            Self.scenario(pool: "{max: 3}", karpenter: "{capacityTypes: [spot, on-demand]}"), regions: Self.twoOfferings
        )
        let karpenter = try #require(deployment.karpenter)
        #expect(karpenter.offerings.map(\.machineType) == ["g6.xlarge", "g4dn.xlarge"])
        #expect(deployment.node == karpenter.offerings[0])
        #expect(deployment.node.spot)
        let onDemand = try Self.deployment(
            Self.scenario(pool: "{max: 3}", karpenter: "{capacityTypes: [on-demand]}"), regions: Self.twoOfferings)
        #expect(onDemand.node.machineType == "g4dn.xlarge" && !onDemand.node.spot)
    }

    @Test func providerMustBeAWSOrAzure() throws {
        let error = try #require(
            Self.error(
                Self.scenario(
                    cloud: "gcp", pool: "{node: {machineType: n1-highmem-4, gpu: T4}, max: 3}", karpenter: "{}")))
        #expect(error.line == 9)
        #expect(error.field == "options[0].autoscaled.karpenter")
        #expect(error.message.contains("not on gcp"))
    }

    @Test func resolutionFailuresAndMisfitsNameTheField() throws {
        let elsewhere = try #require(
            Self.error(
                Self.scenario(pool: "{max: 3}", karpenter: "{instanceFamilies: [p5]}")
                    .replacingOccurrences(of: "us-east-1", with: "eu-west-1"),
                regions: Self.twoOfferings))
        #expect(
            elsewhere.description == "s.yaml:9: field 'options[0].autoscaled.karpenter': no offering in aws/eu-west-1")

        let misfit = try #require(
            Self.error(
                Self.scenario(pool: "{node: {machineType: g5.xlarge, gpu: A10G}, max: 3}", karpenter: "{}"),
                regions: Self.twoOfferings))
        #expect(misfit.field == "options[0].autoscaled.nodePool.node")
        #expect(misfit.message.contains("allowed: g4dn.xlarge, g6.xlarge"))

        // Without a catalog to resolve offerings, the node must be given.
        let noNode = try #require(Self.error(Self.scenario(pool: "{max: 3}", karpenter: "{}")))
        #expect(noNode.field == "options[0].autoscaled.nodePool.node")
        #expect(noNode.message == "required field is missing")
    }

    @Test func karpenterExcludesAMinimumAndClusterAutoscalerSettings() throws {
        let minimum = try #require(
            Self.error(
                Self.scenario(
                    pool: "{node: {machineType: g4dn.xlarge, gpu: T4}, min: 1, max: 3}", karpenter: "{}")))
        #expect(minimum.field == "options[0].autoscaled.nodePool.min")
        let both = try #require(
            Self.error(Self.scenario(pool: Self.t4, karpenter: "{}") + "      clusterAutoscaler: {scanInterval: 10s}\n")
        )
        #expect(both.field == "options[0].autoscaled.clusterAutoscaler")
        #expect(both.line == 10)
    }

    @Test func theBundledEKSScenarioComparesProvisionersOnTheSameTraffic() throws {
        let scenario = try ScenarioLoader.load(
            path: ScenarioLoaderTests.repositoryRoot + "/scenarios/eks-karpenter-t4.yaml")
        #expect(scenario.options.map(\.name) == ["dedicated", "karpenter", "cluster-autoscaler"])
        guard case .autoscaled(let karpenter) = scenario.options[1].kind,
            case .autoscaled(let clusterAutoscaler) = scenario.options[2].kind
        else {
            Issue.record("expected two autoscaled options")
            return
        }
        let settings = try #require(karpenter.karpenter)
        #expect(settings.consolidationPolicy == .whenEmpty)
        #expect(settings.consolidateAfterSeconds == 0)
        #expect(settings.allowedCapacityTypes == [.spot, .onDemand])
        #expect(
            karpenter.node
                == NodeSpec(
                    provider: "aws", region: "us-east-1", machineType: "g4dn.xlarge", gpuModel: "T4", gpuCount: 1,
                    spot: true))
        #expect(karpenter.spot.noticeSeconds == 120)
        #expect(karpenter.coldStart.driverInstall == .constant(0))
        #expect(karpenter.coldStart.devicePlugin == .constant(10))
        #expect(clusterAutoscaler.karpenter == nil)
        // Only the provisioner differs: same node, KEDA, cold start and spot notice.
        #expect(clusterAutoscaler.node == karpenter.node)
        #expect(clusterAutoscaler.autoscaler == karpenter.autoscaler)
        #expect(clusterAutoscaler.coldStart == karpenter.coldStart)
        #expect(clusterAutoscaler.spot == karpenter.spot)
        #expect(scenario.options[1].managedCluster && scenario.options[2].managedCluster)
    }

    @Test func badKarpenterValuesNameTheirField() throws {
        let error = try #require(Self.error(Self.scenario(pool: Self.t4, karpenter: "{consolidateAfter: -30s}")))
        #expect(
            error.description
                == "s.yaml:9: field 'options[0].autoscaled.karpenter.consolidateAfter': '-30s' is negative; a duration "
                + "must be 0 or more")
    }
}
