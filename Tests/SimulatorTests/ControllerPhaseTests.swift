import Testing
@testable import Simulator

/// Where the controllers' tick grids start relative to the traffic (``ControllerPhases``): drawn
/// per replication, uniformly in [0, period), unless a setting pins them.
@Suite struct ControllerPhaseTests {
    typealias Timeline = ScaleToZeroTimelineTests

    @Test func drawnPhasesLieWithinAPeriodAndRepeatWithTheSeed() {
        let controllers = ControllerSlot.allCases
        func firstTicks(seed: UInt64, replication: Int) -> [Double] {
            let phases = ControllerPhases(seed: seed, replication: replication)
            return controllers.map { phases.firstTickSeconds(of: $0, period: 10, pinned: nil) }
        }
        for replication in 0..<50 {
            let ticks = firstTicks(seed: 42, replication: replication)
            #expect(ticks.allSatisfy { $0 >= 0 && $0 < 10 }, "\(ticks)")
            #expect(Set(ticks).count == controllers.count, "one draw per controller: \(ticks)")
            #expect(firstTicks(seed: 42, replication: replication) == ticks)
        }
        #expect(firstTicks(seed: 42, replication: 0) != firstTicks(seed: 42, replication: 1))
        #expect(firstTicks(seed: 42, replication: 0) != firstTicks(seed: 43, replication: 0))
        let phases = ControllerPhases(seed: 42, replication: 0)
        #expect(phases.firstTickSeconds(of: .keda, period: 10, pinned: 2.5) == 2.5)
        // The same draw scaled by the period: a longer polling interval keeps the phase's fraction.
        let short = phases.firstTickSeconds(of: .keda, period: 10, pinned: nil)
        #expect(abs(phases.firstTickSeconds(of: .keda, period: 30, pinned: nil) - 3 * short) < 1e-12)
    }

    /// The bias the phases remove. One request at t = 0 into an empty scale-to-zero cluster, the
    /// article's ScaledObject (polling 10 s) and the fixed cold start of the timeline tests. With
    /// the KEDA phase φ the poll at φ activates the deployment; the pod's immediate
    /// cluster-autoscaler loop restarts its grid at φ and the loop at φ + 30 s (the GPU pod's age
    /// buffer) creates the node, whose pod is ready 240 s later: the request waits φ + 270 s for
    /// its cold start, whatever the other controllers' phases. φ uniform in [0, 10 s) ⇒ a mean
    /// wait of 275 s (standard deviation 10/√12 s). With every grid starting at the first
    /// request, as before, the poll at 0 comes just before the request and it waits a whole
    /// interval more: 280 s in every replication.
    @Test func aFirstRequestAtTimeZeroWaitsHalfAPollingIntervalOnAverage() throws {
        let records = [TraceRecord(arrivalSeconds: 0, workSize: 10)]
        func coldStartWait(_ option: DeploymentOption, replication: Int) throws -> Double {
            let scenario = Scenario(
                name: "phase", workload: .records(records), inference: Fixtures.workIsSeconds,
                clientTimeoutSeconds: 10_000, seed: 42, timelineBucketSeconds: 10)
            let result = try Simulation.run(
                scenario, option: option, replication: replication, keepRequestRecords: true)
            return try #require(result.requestRecords.first).coldStartWaitSeconds
        }
        let drawn = DeploymentOption(name: "drawn", kind: .autoscaled(AutoscaledDeployment(
            autoscaler: .keda(.article), node: .articleGPU, maxNodes: 3, coldStart: Timeline.coldStart)))
        var waits: [Double] = []
        for replication in 0..<100 {
            let wait = try coldStartWait(drawn, replication: replication)
            let phase = ControllerPhases(seed: 42, replication: replication)
                .firstTickSeconds(of: .keda, period: 10, pinned: nil)
            #expect(abs(wait - (phase + 270)) < 1e-9, "replication \(replication): φ = \(phase), wait \(wait)")
            waits.append(wait)
        }
        let estimate = Estimate(waits)
        #expect(abs(estimate.mean - 275) <= 4 * estimate.standardError,
                "mean \(estimate.mean) ± \(estimate.standardError)")
        #expect(abs(estimate.standardError - (10 / 12.0.squareRoot()) / 100.0.squareRoot()) < 0.05)

        let pinned = DeploymentOption(name: "pinned", kind: .autoscaled(AutoscaledDeployment(
            autoscaler: .keda(.article), node: .articleGPU, maxNodes: 3, coldStart: Timeline.coldStart
        ).pinningUnsetPhasesToZero()))
        for replication in 0..<3 { #expect(try coldStartWait(pinned, replication: replication) == 280) }
    }

    /// Options simulated with the same seed and replication share their controllers' phases
    /// (common random numbers): two ScaledObjects that differ only in their cooldown activate at
    /// the same poll; a synthetic workload gets its phases as a trace does.
    @Test func optionsOfOneRunShareThePhases() throws {
        var longCooldown = KEDAConfiguration.article
        longCooldown.cooldownPeriodSeconds = 600
        let workload = SyntheticTrace.Description(
            workPerDay: 3_600, days: 0.5, profile: .uniform, requestSize: .constant(10))
        let scenario = Scenario(
            name: "shared", workload: .synthetic(workload), inference: Fixtures.workIsSeconds, seed: 9)
        func activation(_ keda: KEDAConfiguration) throws -> Double {
            let option = DeploymentOption(name: "o", kind: .autoscaled(AutoscaledDeployment(
                autoscaler: .keda(keda), node: .articleGPU, maxNodes: 3, coldStart: Timeline.coldStart)))
            let result = try Simulation.run(scenario, option: option, replication: 3, keepDecisions: true)
            return try #require(result.decisions.first { $0.actor == .keda }).timeSeconds
        }
        let first = try activation(.article)
        #expect(try activation(longCooldown) == first)
        let phase = ControllerPhases(seed: 9, replication: 3).firstTickSeconds(of: .keda, period: 10, pinned: nil)
        let polls = (first - phase) / 10
        #expect(abs(polls - polls.rounded()) < 1e-9, "the activation is on the drawn grid: \(first), φ = \(phase)")
    }

    @Test func aPhaseMustBeAFiniteTimeOfAtLeastZero() {
        for bad in [-1, Double.nan, .infinity] {
            #expect(throws: ParameterError.self) { try KEDAConfiguration(phaseSeconds: bad).validate() }
            #expect(throws: ParameterError.self) { try KnativeConfiguration(phaseSeconds: bad).validate() }
            #expect(throws: ParameterError.self) { try HPASettings(phaseSeconds: bad).validate() }
            #expect(throws: ParameterError.self) { try ClusterAutoscalerSettings(phaseSeconds: bad).validate() }
        }
        #expect(throws: Never.self) { try KEDAConfiguration(phaseSeconds: 0).validate() }
        #expect(throws: Never.self) { try ClusterAutoscalerSettings(phaseSeconds: 25).validate() }
    }
}
