import Testing
@testable import Simulator

/// KEDA ScaledObject options whose effect is a timeline derived by hand from `RequestScale`
/// (kedacore/keda `pkg/scaling/executor/scale_scaledobjects.go`) and the RabbitMQ scaler. Same
/// fixed cold start as ``ScaleToZeroTimelineTests`` (pod ready 240 s after its VM starts).
@Suite struct KEDAOptionTimelineTests {
    typealias Timeline = ScaleToZeroTimelineTests

    /// activationValue 2 (active iff the count > 2), the article's ScaledObject otherwise (polls
    /// every 10 s, cooldown 60 s, AMQP). Two requests at 5 leave the queue at 2: the polls at 10 and
    /// 20 stay inactive. A third at 25 makes 3 > 2: activation at 30. CA loops at 30 (pod age 0)
    /// and every 10 s, node at 60; pod ready 300, serving the three 10-s requests 300–330. Over AMQP
    /// the poll at 300 reads the 2 messages still waiting (one is in service): not > 2, so
    /// lastActiveTime stays 290 and the target goes to zero at the first poll after 350: 360.
    @Test func activationValueAboveZero() throws {
        var keda = KEDAConfiguration.article
        keda.trigger.activationValue = 2
        let records = [5.0, 5, 25].map { TraceRecord(arrivalSeconds: $0, workSize: 10) }
        let result = try Timeline.run(records, option: Timeline.option(keda), timeout: 10_000)
        let decisions = result.decisions.filter { $0.actor == .keda }
        #expect(decisions.map(\.timeSeconds) == [30, 360])
        #expect(decisions.map(\.to) == [1, 0])
        #expect(decisions.first?.rule == "activation: queue 3 > activationValue 2")
        #expect(result.requestRecords.map(\.completionSeconds) == [310, 320, 330])
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [60])
    }

    /// minReplicaCount 2 with idleReplicaCount 0. The deployment starts at 2 replicas: two pods
    /// pending from 0, two nodes at 30 (the CA's 30-s GPU pod age), pods ready at 270. A request at
    /// 5 keeps the trigger active at the polls 10–260 (the HPA's minimum is 2: it never scales);
    /// the pod ready at 270 takes it (served 270–280), so over AMQP the poll at 270 reads 0 and
    /// lastActiveTime stays 260: at the first poll after 320, 330, the target goes to idle, 0. The
    /// nodes are unneeded from the CA loop at 330, deleted at the first loop after 930 (940) and stop
    /// 35 s later, 975. A request at 2000 activates the target from idle straight to
    /// minReplicaCount, 2, at the poll at 2000; the same timeline 2000 s later follows: nodes at
    /// 2030, served 2270–2280, idle at 2330, nodes stopped at 2975.
    @Test func idleReplicaCount() throws {
        var keda = KEDAConfiguration.article
        keda.minReplicaCount = 2
        keda.idleReplicaCount = 0
        let records = [TraceRecord(arrivalSeconds: 5, workSize: 10), TraceRecord(arrivalSeconds: 2000, workSize: 10)]
        let result = try Timeline.run(records, option: Timeline.option(keda))
        let decisions = result.decisions.filter { $0.actor == .keda }
        #expect(decisions.map(\.timeSeconds) == [330, 2000, 2330])
        #expect(decisions.map(\.to) == [0, 2, 0])
        #expect(decisions.first?.rule == "cooldown elapsed: scale to idleReplicaCount 0")
        #expect(result.decisions.filter { $0.actor == .hpa }.isEmpty)
        #expect(result.requestRecords.map(\.completionSeconds) == [280, 2280])
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [30, 30, 2030, 2030])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [975, 975, 2975, 2975])
    }

    /// initialCooldownPeriod in a run: minReplicaCount 2, idleReplicaCount 0 and no traffic. The
    /// target starts at 2 and has never been active, so it goes to idle at the first poll (every
    /// 10 s) with 0 + initialCooldownPeriod < now: 10 with the default 0, 130 with 120 s.
    @Test(arguments: [(0.0, 10.0), (120, 130)])
    func initialCooldownPeriodInARun(initialCooldown: Double, idleAt: Double) throws {
        var keda = KEDAConfiguration.article
        keda.minReplicaCount = 2
        keda.idleReplicaCount = 0
        keda.initialCooldownPeriodSeconds = initialCooldown
        var scenario = Scenario(name: "idle", workload: .records([]), inference: Fixtures.workIsSeconds,
                                horizonSeconds: 600)
        scenario.timelineBucketSeconds = 60
        let result = try Simulation.run(scenario, option: Timeline.option(keda), keepDecisions: true)
        let decisions = result.decisions.filter { $0.actor == .keda }
        #expect(decisions.map(\.timeSeconds) == [idleAt])
        #expect(decisions.map(\.to) == [0])
    }

    /// useCachedMetrics: the HPA reads the count of the last KEDA poll instead of the broker.
    /// KEDA defaults (polls at 0, 30, 60, …), HPA syncs at 1, 16, 31, 46, 61 (phase 1), legacy path
    /// (no behavior: scale-up limit max(2 × 1, 4) = 4). One request at 5 activates at 30; 99 more
    /// arrive at 35. Live: the sync at 31 reads 1 (proposal 1), the one at 46 reads 100 → 5, limited
    /// to 4. Cached: at 46 the HPA still reads the 1 cached at the poll at 30; the poll at 60 caches
    /// 100 and the sync at 61 scales to 4.
    @Test(arguments: [(false, 46.0), (true, 61.0)])
    func useCachedMetrics(cached: Bool, firstScaleUp: Double) throws {
        var keda = KEDAConfiguration()
        keda.trigger.useCachedMetrics = cached
        let records = [TraceRecord(arrivalSeconds: 5, workSize: 10)]
            + (0..<99).map { _ in TraceRecord(arrivalSeconds: 35, workSize: 10) }
        let result = try Timeline.run(records, option: Timeline.option(keda), timeout: 10_000)
        #expect(result.decisions.first { $0.actor == .keda }?.timeSeconds == 30)
        let hpa = try #require(result.decisions.first { $0.actor == .hpa })
        #expect(hpa.timeSeconds == firstScaleUp)
        #expect(hpa.from == 1 && hpa.to == 4)
        #expect(hpa.rule.hasPrefix("usage 100 / target 20 → proposal 5"), "\(hpa.rule)")
    }

    /// initialCooldownPeriod is consulted only while the ScaledObject has never been active
    /// (`lastActiveTime` nil): a target with replicas and an idle trigger from creation (0) goes to
    /// zero at the first poll with 0 + initialCooldownPeriod < now — with 90 s and polls every 30 s,
    /// not at 90 (strict) but at 120. Once active (poll at 150), the cooldownPeriod (300 s) counts
    /// from the last active poll instead: active at 150, idle from 180, zero at the first poll
    /// after 450, 480.
    @Test func initialCooldownPeriod() {
        var scaler = KEDAScaler(configuration: KEDAConfiguration(initialCooldownPeriodSeconds: 90))
        var replicas = 1
        var changes: [[Double]] = []
        for time in stride(from: 0.0, through: 510, by: 30) {
            let queue = time == 150 ? 1 : 0
            if let decision = scaler.poll(now: time, queueLength: queue, currentReplicas: replicas) {
                replicas = decision.replicas
                changes.append([time, Double(replicas)])
            }
        }
        #expect(changes == [[120, 0], [150, 1], [480, 0]])
    }
}
