import Scenarios
import Simulator
import Testing

/// Which price row a serverless option runs on: `serverless.instanceType` (SageMaker) takes its
/// GPU from the catalog's row, `serverless.zonalRedundancy` (Cloud Run) picks the row without zonal
/// redundancy; a missing, multi-GPU or disagreeing row is an error at the field that chose it.
@Suite struct ServerlessMachineTests {
    /// The catalog's platform rows as ``RegionCheck/platformMachines`` gives them (the rows of
    /// `Tests/Fixtures/serverless/platform-catalog.csv`); every region is known to its provider.
    static let rows: [NodeSpec] = [
        row("aws", "us-east-1", "sagemaker-async/ml.g4dn.xlarge", "T4"),
        row("aws", "us-east-1", "sagemaker-async/ml.g4dn.2xlarge", "T4"),
        row("aws", "us-east-1", "sagemaker-async/ml.g6.xlarge", "L4"),
        row("aws", "us-east-1", "sagemaker-async/ml.g5.12xlarge", "A10G", count: 4),
        row("aws", "us-east-1", "sagemaker-async/ml.p3.2xlarge", "V100"),
        row("aws", "eu-west-3", "sagemaker-async/ml.g4dn.2xlarge", "T4"),
        row("aws", "eu-west-3", "sagemaker-async/ml.g5.xlarge", "A10G"),
        row("gcp", "us-central1", "cloud-run/nvidia-l4", "L4"),
        row("gcp", "us-central1", "cloud-run/nvidia-l4-no-zonal-redundancy", "L4"),
        row("gcp", "asia-southeast1", "cloud-run/nvidia-l4", "L4"),
    ]

    static func row(_ provider: String, _ region: String, _ sku: String, _ gpu: String, count: Int = 1) -> NodeSpec {
        NodeSpec(provider: provider, region: region, machineType: sku, gpuModel: gpu, gpuCount: count)
    }

    static let catalog = RegionCheck(
        { _ in nil },
        platformMachines: { provider, prefix in
            .success(rows.filter { $0.provider == provider && $0.machineType.hasPrefix(prefix + "/") })
        })

    static let aws = "{provider: aws, region: us-east-1}"
    static let gcp = "{provider: gcp, region: us-central1}"

    static func read(_ serverless: String, cloud: String = aws, regions: RegionCheck? = catalog) throws
        -> ServerlessDeployment {
        let scenario = try ScenarioLoader.parse(
            yaml: ServerlessScenarioKeysTests.scenario(serverless, cloud: cloud), file: "s.yaml", baseDirectory: ".",
            regions: regions)
        guard case .serverless(let deployment) = scenario.options[0].kind else {
            Issue.record("not a serverless option")
            return ServerlessDeployment(platform: .modal)
        }
        return deployment
    }

    static func error(_ serverless: String, cloud: String = aws) -> String {
        ServerlessScenarioKeysTests.error(serverless, cloud: cloud, regions: catalog)
    }

    @Test func anInstanceTypeIsPricedFromItsRowAndRunsOnItsGPU() throws {
        let larger = try Self.read("platform: sagemaker-async\ninstanceType: ml.g4dn.2xlarge")
        #expect(larger.instance == NodeSpec(
            provider: "aws", region: "us-east-1", machineType: "sagemaker-async/ml.g4dn.2xlarge", gpuModel: "T4",
            gpuCount: 1))
        // The GPU follows the row, not the platform's default T4; a gpu that agrees may be written.
        #expect(try Self.read("platform: sagemaker-async\ninstanceType: ml.g6.xlarge").gpu == "L4")
        #expect(try Self.read("platform: sagemaker-async\ngpu: l4\ninstanceType: ml.g6.xlarge").gpu == "L4")
        // Without the default instance type: the GPU's own machine.
        #expect(try Self.read("platform: sagemaker-async\ngpu: L4").instance.machineType
            == "sagemaker-async/ml.g6.xlarge")
        // Without a catalog the type is priced as named, on the option's GPU (checked when priced).
        let unresolved = try Self.read("platform: sagemaker-async\ninstanceType: ml.g6.xlarge", regions: nil)
        #expect(unresolved.gpu == "T4" && unresolved.instance.machineType == "sagemaker-async/ml.g6.xlarge")
    }

    @Test func theRowsGPUSetsTheOptionsSpeed() throws {
        let scenario = try ScenarioLoader.parse(
            yaml: """
                cloud: {provider: aws, region: us-east-1}
                workload: {generate: {days: 1}}
                inference: {gpuSpeed: {L4: 1.5}}
                options:
                  - name: l4
                    serverless: {platform: sagemaker-async, instanceType: ml.g6.xlarge}
                  - name: t4
                    serverless: {platform: sagemaker-async, instanceType: ml.g4dn.2xlarge}
                """, file: "s.yaml", baseDirectory: ".", regions: Self.catalog)
        #expect(scenario.options[0].gpuSpeed.gpu == "L4")
        #expect(scenario.options[0].gpuSpeed.factor == 1.5)
        #expect(scenario.options[1].gpuSpeed.gpu == "T4")
        #expect(scenario.options[1].gpuSpeed.factor == 1)   // the reference GPU
    }

    @Test func aRegionWithoutTheTypeNamesWhereItIsAndWhatTheRegionHas() {
        #expect(Self.error("platform: sagemaker-async\ninstanceType: ml.g4dn.xlarge\nregion: eu-west-3")
            == "s.yaml:7: field 'options[0].serverless.instanceType': serverless.instanceType ml.g4dn.xlarge: "
                + "the price catalog has no sagemaker-async/ml.g4dn.xlarge in eu-west-3 (it has it in: us-east-1); "
                + "sagemaker-async machines with one GPU in eu-west-3: ml.g4dn.2xlarge (T4), ml.g5.xlarge (A10G)")
        #expect(Self.error("platform: sagemaker-async\ninstanceType: ml.g9.xlarge").hasSuffix(
            "the price catalog has no sagemaker-async/ml.g9.xlarge in us-east-1 (in no region); sagemaker-async "
                + "machines with one GPU in us-east-1: ml.g4dn.2xlarge (T4), ml.g4dn.xlarge (T4), ml.g6.xlarge (L4), "
                + "ml.p3.2xlarge (V100)"))
        // A platform with one price list everywhere: the GPU is to blame.
        #expect(Self.error("platform: modal\ngpu: L4")
            == "s.yaml:7: field 'options[0].serverless.gpu': serverless.gpu L4: the price catalog has no "
                + "modal/nvidia-l4 in global (in no region); modal machines with one GPU in global: none")
        // The platform's own machine missing: the region is to blame.
        #expect(Self.error("platform: sagemaker-async", cloud: "{provider: aws, region: eu-west-3}")
            == "s.yaml:1: field 'cloud.region': the price catalog has no sagemaker-async/ml.g4dn.xlarge in "
                + "eu-west-3 (it has it in: us-east-1); sagemaker-async machines with one GPU in eu-west-3: "
                + "ml.g4dn.2xlarge (T4), ml.g5.xlarge (A10G)")
    }

    @Test func aTypeWithSeveralGPUsAnotherGPUOrADisagreeingGPUIsRefused() {
        #expect(Self.error("platform: sagemaker-async\ninstanceType: ml.g5.12xlarge")
            == "s.yaml:7: field 'options[0].serverless.instanceType': serverless.instanceType ml.g5.12xlarge has "
                + "4 × A10G; a sagemaker-async instance runs one worker on one GPU: choose a type with one GPU "
                + "(ml.g4dn.2xlarge (T4), ml.g4dn.xlarge (T4), ml.g6.xlarge (L4), ml.p3.2xlarge (V100))")
        #expect(Self.error("platform: sagemaker-async\ninstanceType: ml.p3.2xlarge")
            == "s.yaml:7: field 'options[0].serverless.instanceType': serverless.instanceType ml.p3.2xlarge has a "
                + "V100, which sagemaker-async does not offer (offered: T4, A10G, L4, L40S)")
        #expect(Self.error("platform: sagemaker-async\ngpu: L4\ninstanceType: ml.g4dn.2xlarge")
            == "s.yaml:7: field 'options[0].serverless.gpu': serverless.gpu 'L4' disagrees with "
                + "serverless.instanceType ml.g4dn.2xlarge, which has a T4: leave serverless.gpu out or make the two "
                + "agree")
        #expect(Self.error("platform: sagemaker-async\ninstanceType: g4dn.xlarge")
            == "s.yaml:7: field 'options[0].serverless.instanceType': serverless.instanceType 'g4dn.xlarge' is not "
                + "a SageMaker instance type (ml.g4dn.xlarge, …)")
        #expect(Self.error("platform: cloud-run\ninstanceType: ml.g4dn.xlarge", cloud: Self.gcp)
            == "s.yaml:7: field 'options[0].serverless.instanceType': serverless.instanceType applies to "
                + "sagemaker-async, sagemaker-realtime only; cloud-run's instance is its GPU's (set serverless.gpu)")
    }

    @Test func withoutZonalRedundancyCloudRunIsPricedFromTheOtherRow() throws {
        let gcp = Self.gcp
        #expect(try Self.read("platform: cloud-run", cloud: gcp).instance.machineType == "cloud-run/nvidia-l4")
        #expect(try Self.read("platform: cloud-run\nzonalRedundancy: true", cloud: gcp).instance.machineType
            == "cloud-run/nvidia-l4")
        let bestEffort = try Self.read("platform: cloud-run\nzonalRedundancy: false", cloud: gcp)
        #expect(bestEffort.instance == NodeSpec(
            provider: "gcp", region: "us-central1", machineType: "cloud-run/nvidia-l4-no-zonal-redundancy",
            gpuModel: "L4", gpuCount: 1))
        #expect(Self.error("platform: cloud-run\nzonalRedundancy: false\nregion: asia-southeast1", cloud: gcp)
            == "s.yaml:7: field 'options[0].serverless.zonalRedundancy': serverless.zonalRedundancy false: the "
                + "price catalog has no cloud-run/nvidia-l4-no-zonal-redundancy in asia-southeast1 (it has it in: "
                + "us-central1); cloud-run machines with one GPU in asia-southeast1: nvidia-l4 (L4)")
        #expect(Self.error("platform: modal\nzonalRedundancy: true")
            == "s.yaml:7: field 'options[0].serverless.zonalRedundancy': serverless.zonalRedundancy applies to "
                + "cloud-run only; modal has no such choice")
        #expect(Self.error("platform: cloud-run\nzonalRedundancy: maybe", cloud: gcp).hasPrefix(
            "s.yaml:7: field 'options[0].serverless.zonalRedundancy':"))
    }
}
