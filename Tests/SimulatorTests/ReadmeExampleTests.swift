import Testing
import Simulator

/// The README's "Using the libraries" example, verbatim, so it cannot rot.
@Suite struct ReadmeExampleTests {
    @Test func libraryExampleRuns() throws {
        var scenario = Scenario(
            name: "what-if",
            workload: .synthetic(SyntheticTrace.Description(workPerDay: 300 * 60, days: 7, profile: .officeHours)),
            inference: InferenceModel(secondsPerWorkUnit: 0.45),      // T4, Tacotron 2 + WaveGlow
            clientTimeoutSeconds: 60,
            seed: 42)
        let dedicated = DeploymentOption(
            name: "dedicated",
            kind: .dedicated(DedicatedDeployment(nodeCount: 1, node: .articleGPU)))
        scenario.options = [dedicated]

        let result = try Simulation.run(scenario, option: dedicated)
        let latency = result.requests.response.summary
        #expect(latency.p95Seconds > 0 && latency.p95Seconds <= 60)
        #expect(result.requests.arrived > 7 * 1000)
        // 300 minutes of speech a day at 0.45 GPU s per audio s ≈ 2.25 GPU-hours a day.
        #expect(abs(result.gpuNodeSecondsByState[.serving] / 3600 / 7 - 2.25) < 0.15)
    }
}
