import Scenarios
import Simulator
import Testing

/// Scenario keys under `serverless`: every field parsed, bounded and applied through the field
/// table (``ServerlessField``); errors name the file, line and field.
@Suite struct ServerlessScenarioKeysTests {
    static func scenario(_ serverless: String, cloud: String = "{provider: gcp, region: us-central1}") -> String {
        """
        cloud: \(cloud)
        workload: {generate: {days: 1}}
        options:
          - name: platform
            serverless:
        \(serverless.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
        """
    }

    static func read(_ serverless: String, cloud: String = "{provider: gcp, region: us-central1}") throws
        -> ServerlessDeployment {
        let scenario = try ScenarioLoader.parse(
            yaml: Self.scenario(serverless, cloud: cloud), file: "s.yaml", baseDirectory: ".")
        guard case .serverless(let deployment) = scenario.options[0].kind else {
            Issue.record("not a serverless option")
            return ServerlessDeployment(platform: .modal)
        }
        return deployment
    }

    static func error(_ serverless: String, cloud: String = "{provider: gcp, region: us-central1}",
                      regions: RegionCheck? = nil) -> String {
        do {
            _ = try ScenarioLoader.parse(
                yaml: Self.scenario(serverless, cloud: cloud), file: "s.yaml", baseDirectory: ".", regions: regions)
        } catch {
            return error.description
        }
        return "no error"
    }

    @Test func everyKey() throws {
        let deployment = try Self.read(
            """
            platform: modal
            gpu: l4
            concurrency: 2
            minInstances: 1
            maxInstances: 4
            idleTimeout: 2m
            instanceStart: 3s
            containerStart: {uniform: {min: 1s, max: 2s}}
            modelLoad: {exponential: {mean: 20s}}
            requestTimeout: 10m
            """)
        #expect(deployment.platform == .modal)
        #expect(deployment.gpu == "L4")
        #expect(deployment.instance == NodeSpec(
            provider: "modal", region: "global", machineType: "modal/nvidia-l4", gpuModel: "L4", gpuCount: 1))
        #expect(deployment.settings == ServerlessSettings(
            concurrency: 2, minInstances: 1, maxInstances: 4, idleTimeoutSeconds: 120, instanceStart: .constant(3),
            containerStart: .uniform(lower: 1, upper: 2), modelLoad: .exponential(mean: 20),
            requestTimeoutSeconds: 600))
    }

    @Test func eachPlatformStartsFromItsOwnDefaults() throws {
        let cloudRun = try Self.read("platform: cloud-run", cloud: "{provider: gcp, region: europe-west4}")
        #expect(cloudRun == ServerlessDeployment(platform: .cloudRun, region: "europe-west4"))
        #expect(cloudRun.instance.machineType == "cloud-run/nvidia-l4")
        #expect(cloudRun.instance.region == "europe-west4")
        #expect(cloudRun.settings.idleTimeoutSeconds == 900)
        #expect(cloudRun.settings.concurrency == nil)    // the scenario's workers.concurrency
        let runpod = try Self.read("platform: runpod")
        #expect(runpod.settings.idleTimeoutSeconds == 5)
        #expect(runpod.settings.maxInstances == 3)
        #expect(runpod.instance.machineType == "runpod/nvidia-l4")
        // Cloud Run in a scenario on another cloud needs its own region.
        let moved = try Self.read("platform: cloud-run\nregion: us-east4", cloud: "{provider: aws, region: us-east-1}")
        #expect(moved.instance.region == "us-east4")
    }

    @Test func badInputNamesTheField() {
        #expect(Self.error("platform: cloud-run\ngpu: T4")
            == "s.yaml:7: field 'options[0].serverless.gpu': serverless.gpu 'T4' is not offered by cloud-run "
                + "(offered: L4)")
        #expect(Self.error("platform: modal\nconcurrency: 0")
            == "s.yaml:7: field 'options[0].serverless.concurrency': must be within 1 … 10000, got 0")
        #expect(Self.error("platform: cloud-run\nconcurrency: 1001")
            == "s.yaml:7: field 'options[0].serverless.concurrency': serverless.concurrency must be within "
                + "1 … 1000, got 1001")
        #expect(Self.error("platform: modal\nidleTimeout: -5s").hasPrefix(
            "s.yaml:7: field 'options[0].serverless.idleTimeout': '-5s' is not a duration"))
        #expect(Self.error("platform: modal\nidleTimeout: 30m")
            == "s.yaml:7: field 'options[0].serverless.idleTimeout': serverless.idleTimeout must be within "
                + "0 … 1200 s, got 1800 s")
        #expect(Self.error("platform: lambda").hasPrefix(
            "s.yaml:6: field 'options[0].serverless.platform': 'lambda' is not one of: cloud-run, container-apps, "
                + "modal, runpod, sagemaker-async, sagemaker-realtime"))
        #expect(Self.error("platform: modal\nidle: 5s").contains("idle"))
        #expect(Self.error("platform: cloud-run", cloud: "{provider: aws, region: us-east-1}")
            .hasSuffix("cloud-run runs on gcp, not on the scenario's cloud aws: set serverless.region"))
    }

    @Test func aRegionWithoutAPriceRowIsBlamedWhereItWasSet() {
        let check = RegionCheck { node in
            node.region == "us-central1" || node.region == "global" ? nil : "no \(node.machineType) in \(node.region)"
        }
        #expect(Self.error("platform: cloud-run", cloud: "{provider: gcp, region: europe-north1}", regions: check)
            == "s.yaml:1: field 'cloud.region': no cloud-run/nvidia-l4 in europe-north1")
        #expect(Self.error("platform: cloud-run\nregion: asia-south1", regions: check)
            == "s.yaml:7: field 'options[0].serverless.region': no cloud-run/nvidia-l4 in asia-south1")
        #expect(Self.error("platform: modal", cloud: "{provider: gcp, region: europe-north1}", regions: check)
            == "no error")
    }
}
