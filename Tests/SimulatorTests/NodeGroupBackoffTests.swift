import Testing
@testable import Simulator

/// The node group's exponential back-off (cluster-autoscaler `utils/backoff/exponential_backoff.go`
/// with the defaults of `config/flags`: initial 5 min, max 30 min, reset 3 h), alone and in runs.
@Suite struct NodeGroupBackoffTests {
    static let upstream = NodeGroupBackoff(initialSeconds: 300, maxSeconds: 1800, resetTimeoutSeconds: 10_800)

    @Test func doublesAfterEachEndedBackoffUpToTheMaximum() {
        // Each failure comes when the previous back-off has ended: 300, 600, 1200, then 2400 capped
        // at 1800, and 1800 again.
        var backoff = Self.upstream
        var now = 0.0
        var durations: [Double] = []
        for _ in 0..<5 {
            now = backoff.recordFailure(now: now)
            durations.append(backoff.durationSeconds ?? 0)
        }
        #expect(durations == [300, 600, 1200, 1800, 1800])
        #expect(now == 300 + 600 + 1200 + 1800 + 1800)
    }

    @Test func concurrentFailuresKeepTheDurationAndTheEndIsExclusive() {
        // Failure at 100: backed off until 400. A second failure at 250 (still backed off) keeps
        // 300 s and moves the end to 550. At 549 the group is backed off, at 550 no longer.
        var backoff = Self.upstream
        #expect(!backoff.isBackedOff(at: 0))
        #expect(backoff.recordFailure(now: 100) == 400)
        #expect(backoff.recordFailure(now: 250) == 550)
        #expect(backoff.durationSeconds == 300)
        #expect(backoff.isBackedOff(at: 549))
        #expect(!backoff.isBackedOff(at: 550))
        // The next failure after the end doubles: 600 s from 700.
        #expect(backoff.recordFailure(now: 700) == 1300)
    }

    @Test func forgetsFailuresOlderThanTheResetTimeout() {
        // Last failure at 1000 (duration 600 after a first failure at 0). A failure at exactly
        // 1000 + 3 h is not stale yet (strict): 1200 s. One a second later starts again at 300 s.
        var grown = Self.upstream
        grown.recordFailure(now: 0)
        grown.recordFailure(now: 1000)
        #expect(grown.durationSeconds == 600)
        var atTimeout = grown
        #expect(atTimeout.recordFailure(now: 11_800) == 11_800 + 1200)
        var afterTimeout = grown
        #expect(afterTimeout.recordFailure(now: 11_801) == 11_801 + 300)
        // A back-off longer than the reset timeout ends when its memory goes stale.
        var long = NodeGroupBackoff(initialSeconds: 5000, maxSeconds: 5000, resetTimeoutSeconds: 3000)
        long.recordFailure(now: 0)
        #expect(long.isBackedOff(at: 3000))
        #expect(!long.isBackedOff(at: 3001))
        #expect(long.endSeconds == 3000.nextUp)
    }

    /// Spot stock-outs in a run. Every scale-up finds no capacity (probability 1 − 10⁻¹², checked
    /// on the stream's draws). The article's ScaledObject (polls every 10 s) activates at 10 for a
    /// request at 5; the CA loops at once and every 10 s, defers while the pod is younger than 30 s
    /// and asks for a node at 40: stock-out, backed off 300 s until 340. The loop at 340 tries again:
    /// 600 s until 940; then 1200 s until 2140; then 1800 s (capped) until 3940, and 5740.
    @Test func stockOutsBackTheGroupOffExponentially() throws {
        let result = try Self.stockOutRun(requests: [5], horizon: 6000, dropExpired: false)
        let stockOuts = result.decisions.filter { $0.rule.hasPrefix("stock-out") }
        #expect(stockOuts.prefix(6).map(\.timeSeconds) == [40, 340, 940, 2140, 3940, 5740])
        let durations = stockOuts.prefix(6).map { $0.rule.split(separator: " ").dropLast().last.map(String.init) }
        #expect(durations == ["300", "600", "1200", "1800", "1800", "1800"])
        #expect(result.gpuNodesCreated == 0)
        #expect(result.requests.served == 0)
    }

    /// Growth and reset across two bursts. With a message TTL equal to the 60-s client timeout the
    /// request at 5 expires at 65: KEDA's poll at 70 reads 0, scale to zero at the first poll after
    /// 60 + 60, 130, so the only failure of the first burst is at 40 (until 340). A second request
    /// at R activates at R, fails at R + 30: within 3 h of 40 (R = 10,000) it is backed off 600 s
    /// (doubled: the back-off had ended); more than 3 h after it (R = 11,000; 40 + 10,800 = 10,840)
    /// it starts again at 300 s. Its message expires at the poll at R + 60 itself, so the last
    /// active poll is R + 50 and the target goes to zero at R + 120.
    @Test(arguments: [(10_000.0, "600"), (11_000.0, "300")])
    func aSecondBurstGrowsTheBackoffUnlessTheResetTimeoutPassed(second: Double, duration: String) throws {
        let result = try Self.stockOutRun(requests: [5, second], horizon: second + 600, dropExpired: true)
        let stockOuts = result.decisions.filter { $0.rule.hasPrefix("stock-out") }
        #expect(stockOuts.map(\.timeSeconds) == [40, second + 30])
        #expect(stockOuts.map { $0.rule.split(separator: " ").dropLast().last.map(String.init) } == ["300", duration])
        #expect(result.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [10, 130, second, second + 120])
    }

    static func stockOutRun(requests: [Double], horizon: Double, dropExpired: Bool) throws -> SimulationResult {
        let probability = 1 - 1e-12
        var stream = RandomStream.preemption.generator(seed: 1)
        for _ in 0..<100 { try #require(stream.nextUnitInterval() < probability) }
        let deployment = AutoscaledDeployment(
            autoscaler: .keda(.article), hpa: HPASettings(phaseSeconds: 1), node: Fixtures.articleSpotGPU, maxNodes: 3,
            coldStart: ScaleToZeroTimelineTests.coldStart,
            spot: SpotModel(preemptionsPerNodeHour: 0, noticeSeconds: 30, stockoutProbability: probability)
        ).pinningUnsetPhasesToZero()
        var scenario = Scenario(
            name: "stock-out", workload: .records(requests.map { TraceRecord(arrivalSeconds: $0, workSize: 10) }),
            inference: Fixtures.workIsSeconds, clientTimeoutSeconds: 60, seed: 1, timelineBucketSeconds: 60)
        scenario.horizonSeconds = horizon
        scenario.dropExpiredMessages = dropExpired
        let option = DeploymentOption(name: "spot", kind: .autoscaled(deployment))
        return try Simulation.run(scenario, option: option, keepDecisions: true)
    }
}
