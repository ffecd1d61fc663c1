import Testing
@testable import Simulator

/// `selectPolicy` Max, Min and Disabled of an HPA with behavior (kubernetes
/// `pkg/controller/podautoscaler/horizontal.go`, `calculateScaleUpLimitWithScalingRules` and
/// `calculateScaleDownLimitWithBehaviors`): each policy limits the change from the replica count
/// at the start of its period (now − period, events strictly after it count); Max takes the
/// policy allowing the most change, Min the least, Disabled none.
@Suite struct HPASelectPolicyTests {
    /// Syncs every 15 s from 0 to `end` at a constant metric `usage` (target 20 per pod), starting
    /// at `replicas`, following the HPA's own decisions; returns (time, replicas) of each change.
    static func run(_ behavior: HPABehavior, replicas start: Int, usage: Double, through end: Double) -> [[Double]] {
        var hpa = HorizontalPodAutoscaler(settings: HPASettings(), behavior: behavior, minReplicas: 1, maxReplicas: 10,
                                          targetAverageValue: 20)
        var replicas = start
        var changes: [[Double]] = []
        for time in stride(from: 0.0, through: end, by: 15) {
            if let decision = hpa.sync(now: time, specReplicas: replicas, statusReplicas: replicas, usage: usage) {
                replicas = decision.replicas
                changes.append([time, Double(replicas)])
            }
        }
        return changes
    }

    /// Scale-up from 1 with 200 messages (proposal 10, max 10) under the default policies, 4 pods
    /// or 100 % per 15 s. The event of the previous sync is exactly one period old at the next one,
    /// so every period starts from the current count c: the limits are c + 4 and 2c.
    /// - Max: 0: max(5, 2) = 5; 15: max(9, 10) = 10.
    /// - Min: 0: min(5, 2) = 2; 15: min(6, 4) = 4; 30: min(8, 8) = 8; 45: min(12, 16) → 10 (the proposal).
    /// - Disabled: no scale-up at all.
    @Test func scaleUpSelectPolicy() {
        func rules(_ select: HPABehavior.SelectPolicy) -> HPABehavior {
            var up = HPABehavior.Rules.defaultScaleUp
            up.selectPolicy = select
            return HPABehavior(scaleUp: up)
        }
        #expect(Self.run(rules(.max), replicas: 1, usage: 200, through: 90) == [[0, 5], [15, 10]])
        #expect(Self.run(rules(.min), replicas: 1, usage: 200, through: 90) == [[0, 2], [15, 4], [30, 8], [45, 10]])
        #expect(Self.run(rules(.disabled), replicas: 1, usage: 200, through: 90) == [])
    }

    /// Scale-down from 10 with no messages (proposal 0, min 1), stabilization window 0, policies
    /// 1 pod and 50 % per 60 s. Within 60 s of a scale-down the period starts before it, at the
    /// count it left, so nothing more happens until the event is a full period old.
    /// - Max (the most change: the lowest limit): 0: min(9, 5) = 5; 60: min(4, ⌊2.5⌋) = 2;
    ///   120: min(1, ⌊1⌋) = 1 (and the minimum is 1).
    /// - Min (the least change: the highest limit): 0: max(9, 5) = 9; 60: max(8, ⌊4.5⌋) = 8;
    ///   120: 7; 180: 6.
    /// - Disabled: stays at 10.
    @Test func scaleDownSelectPolicy() {
        func rules(_ select: HPABehavior.SelectPolicy) -> HPABehavior {
            HPABehavior(scaleDown: HPABehavior.Rules(
                stabilizationWindowSeconds: 0,
                policies: [HPABehavior.Policy(kind: .pods, value: 1, periodSeconds: 60),
                           HPABehavior.Policy(kind: .percent, value: 50, periodSeconds: 60)],
                selectPolicy: select))
        }
        #expect(Self.run(rules(.max), replicas: 10, usage: 0, through: 195) == [[0, 5], [60, 2], [120, 1]])
        #expect(Self.run(rules(.min), replicas: 10, usage: 0, through: 195) == [[0, 9], [60, 8], [120, 7], [180, 6]])
        #expect(Self.run(rules(.disabled), replicas: 10, usage: 0, through: 195) == [])
    }

    /// The same Min scale-up in a whole run: 200 messages at 5 s, the article's ScaledObject with
    /// maxReplicaCount 10 (KEDA activates at its poll at 10, HPA syncs at 1, 16, 31, … with phase 1;
    /// no pod is ready for minutes, so the queue reads 200 throughout): 2 at 16, 4 at 31, 8 at 46,
    /// 10 at 61. With Max (the default): 5 at 16, 10 at 31.
    @Test(arguments: [(HPABehavior.SelectPolicy.min, [16.0, 31, 46, 61], [2, 4, 8, 10]), (.max, [16, 31], [5, 10])])
    func scaleUpSelectPolicyInARun(select: HPABehavior.SelectPolicy, times: [Double], replicas: [Int]) throws {
        var keda = KEDAConfiguration.article
        keda.maxReplicaCount = 10
        var behavior = HPABehavior()
        behavior.scaleUp.selectPolicy = select
        let records = (0..<200).map { _ in TraceRecord(arrivalSeconds: 5, workSize: 1) }
        let option = ScaleToZeroTimelineTests.option(keda, maxNodes: 10, behavior: behavior)
        let result = try ScaleToZeroTimelineTests.run(records, option: option, timeout: 10_000)
        let steps = result.decisions.filter { $0.actor == .hpa }
        #expect(steps.prefix(times.count).map(\.timeSeconds) == times)
        #expect(steps.prefix(replicas.count).map(\.to) == replicas)
        #expect(result.decisions.first { $0.actor == .keda }?.timeSeconds == 10)
    }
}
