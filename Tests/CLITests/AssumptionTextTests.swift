import Reports
import Simulator
import Testing
@testable import costsim

/// The report's assumption rows state the model the run used, with the right source.
@Suite struct AssumptionTextTests {
    @Test func serviceTimeNamesEveryTermOfTheScenariosModel() {
        #expect(ReportWriter.describe(.t4Tacotron2WaveGlow) == "0.45 s per second of audio × noise of mean 1")
        // A token model (the Azure LLM scenarios): overhead, input tokens and output tokens.
        let tokens = InferenceModel(
            workUnit: .tokens, overheadSeconds: 0.03, secondsPerWorkUnit: 0.0001, secondsPerOutputToken: 0.025,
            noise: .constant(1))
        #expect(ReportWriter.describe(tokens) == "0.03 s + 0.0001 s per input token + 0.025 s per output token")
        let noisy = InferenceModel(
            workUnit: .characters, overheadSeconds: 0, secondsPerWorkUnit: 0.002, noise: .lognormal(mu: 0, sigma: 0.1))
        #expect(ReportWriter.describe(noisy).hasPrefix("0.002 s per character × noise of mean 1.00"))
    }

    @Test func clientTimeoutIsAttributedToWhoeverSetIt() {
        var scenario = Scenario(name: "replay", workload: .records([]))
        #expect(ReportWriter.clientTimeoutSource(scenario) == "ingress-nginx proxy-read-timeout default")
        scenario.clientTimeoutSeconds = 600
        #expect(ReportWriter.clientTimeoutSource(scenario)
            == "scenario replay, client.timeout (ingress-nginx's proxy-read-timeout default is 60 s)")
    }

    @Test func aKarpenterOptionNamesItsDisruptionSettingsInsteadOfTheClusterAutoscalers() throws {
        var option = DeploymentOption.articleScaleToZero
        guard case .autoscaled(var deployment) = option.kind else {
            Issue.record("expected an autoscaled option")
            return
        }
        #expect(ReportWriter.describe(option).contains("CA unneeded 10 min"))
        var karpenter = KarpenterSettings(consolidationPolicy: .whenEmpty, consolidateAfterSeconds: 300)
        karpenter.offerings = [deployment.node, deployment.node]
        deployment.karpenter = karpenter
        option.kind = .autoscaled(deployment)
        let text = ReportWriter.describe(option)
        #expect(text.contains("Karpenter WhenEmpty, consolidate after 5 min, cheapest of 2 offerings; "), "\(text)")
        #expect(!text.contains("CA "), "\(text)")
        karpenter.consolidateAfterSeconds = nil
        deployment.karpenter = karpenter
        option.kind = .autoscaled(deployment)
        #expect(ReportWriter.describe(option).contains("consolidate after never"))
    }

    @Test func calibratedColdStartPhasesAreListedWithTheirSampleSizes() throws {
        #expect(ReportWriter.coldStartCalibration(.articleDedicated) == nil)
        var option = DeploymentOption.articleScaleToZero
        #expect(ReportWriter.coldStartCalibration(option) == nil)
        guard case .autoscaled(var deployment) = option.kind else {
            Issue.record("expected an autoscaled option")
            return
        }
        deployment.coldStart.calibrated = CalibratedPhases(
            samples: ["modelLoad": 12, "vmBoot": 14], source: "costsim calibrate, 14 scale-ups of node pool gpu")
        option.kind = .autoscaled(deployment)
        let row = try #require(ReportWriter.coldStartCalibration(option))
        #expect(row.item == "Cold start of scale-to-zero")
        #expect(
            row.value
                == "calibrated: vmBoot (n = 14) and modelLoad (n = 12); as given or defaults: driverInstall, "
                + "devicePlugin, imagePull, readiness")
        #expect(row.source == "costsim calibrate, 14 scale-ups of node pool gpu")
    }

    @Test func eachOptionsGPUSpeedIsListedWithWhereItCameFrom() {
        let scenario = Scenario(name: "gpus", workload: .records([]))
        var option = DeploymentOption.articleDedicated
        func row(_ speed: GPUSpeed) -> AssumptionRow {
            option.gpuSpeed = speed
            return ReportWriter.gpuSpeedAssumption(option, in: scenario)
        }
        #expect(
            row(GPUSpeed(factor: 1, gpu: "T4", source: .reference))
                == AssumptionRow(
                    item: "GPU speed of dedicated", value: "1: T4 is the GPU the service times were measured on",
                    source: "inference.referenceGPU (default T4)"))
        #expect(
            row(GPUSpeed(factor: 2, gpu: "L4", source: .scenario))
                == AssumptionRow(
                    item: "GPU speed of dedicated", value: "2.00 × T4 on L4: service times ÷ 2.00",
                    source: "scenario gpus, inference.gpuSpeed.L4"))
        let published = row(GPUSpeed(factor: 2.0086, gpu: "A100-40GB", source: .published("NVIDIA table")))
        #expect(published.value == "2.01 × T4 on A100-40GB: service times ÷ 2.01")
        #expect(published.source == "NVIDIA table, for inference.model tacotron2-waveglow")
        #expect(
            row(GPUSpeed(factor: 1, gpu: "L4", source: .assumedEqual))
                == AssumptionRow(
                    item: "GPU speed of dedicated", value: "1, assumed: no speed known for L4, service times are T4's",
                    source: "assumption (set inference.gpuSpeed.L4; docs/model.md)"))
    }
}
