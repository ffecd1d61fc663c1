import Testing
@testable import Simulator

/// Knative's panic mode (knative/serving `pkg/autoscaler/scaling/autoscaler.go`): the decider
/// panics when the 6-s panic window wants at least twice the ready pods, then scales on the panic
/// window and never down until the panic has been quiet for a stable window (60 s).
@Suite struct KnativePanicModeTests {
    /// Target 1 request per pod (containerConcurrency 1, utilisation 100 %), min-scale 1 (so the
    /// quiet first 100 s do not scale the revision to zero), ticks every 2 s from 0.
    /// No requests until 100 s; 10 in the system from 100 to 120 s, then 2. The pods become ready
    /// at 110 s (readyPods = replicas from then on, 1 before). Integral I(t) = 10 (t − 100) up to
    /// 120, then 200 + 2 (t − 120).
    /// - 102: panic average I(102) − I(96) over 6 s = 3.33 → 4 pods, 4 / 1 ready ≥ 2: panic; the
    ///   stable window wants 1 (20 / 60) → 4. 104: 40 / 6 → 7. 106: 60 / 6 → 10. 108: 10 again,
    ///   still 10 / 1 ≥ 2: the panic is extended to 108.
    /// - from 110, 10 ready: 10 / 10 < 2; the stable window would allow 5 at 122 (3.4 → 4, at
    ///   least ⌊10 / 2⌋ = 5) but in panic the decider keeps its maximum, 10.
    /// - 170 is the first tick with 108 + 60 < now: the panic ends; stable (I(170) − I(110)) / 60
    ///   = 3.33 → 4, floored by the scale-down rate at 5 → 5 (no panic label).
    /// - 172: 3.07 → 4 (floor ⌊5 / 2⌋ = 2); 174: 2.8 → 3; 176, 178: 2.53, 2.27 → 3; 180: 2.
    @Test func panicScalesOnThePanicWindowAndHoldsItsMaximumForAStableWindow() {
        var configuration = KnativeConfiguration(containerConcurrency: 1, minScale: 1)
        configuration.targetUtilization = 1
        var autoscaler = KnativeAutoscaler(configuration: configuration)
        func integral(_ t: Double) -> Double {
            t <= 100 ? 0 : t <= 120 ? 10 * (t - 100) : 200 + 2 * (t - 120)
        }
        var replicas = 1
        var decisions: [(time: Double, replicas: Int, panic: Bool)] = []
        for time in stride(from: 0.0, through: 180, by: 2) {
            let ready = time < 110 ? 1 : replicas
            let decision = autoscaler.tick(
                now: time, integral: integral(time), readyPods: ready, currentReplicas: replicas)
            if let decision {
                replicas = decision.replicas
                decisions.append((time, decision.replicas, decision.rule.text.hasPrefix("panic mode")))
            }
        }
        #expect(decisions.map(\.time) == [102, 104, 106, 170, 172, 174, 180])
        #expect(decisions.map(\.replicas) == [4, 7, 10, 5, 4, 3, 2])
        #expect(decisions.map(\.panic) == [true, true, true, false, false, false, false])
    }

    /// The same traffic with the panic threshold out of reach (2000 %: the panic window wants at
    /// most 10 pods for 1 ready): no panic, the stable window
    /// alone decides. Its averages: 102: 20 / 60 → 1 pod; 104: 40 / 60 → 1; 106: 60 / 60 → 1;
    /// 108: 80 / 60 = 1.33 → 2; 110, 112: 1.67, 2 → 2. One scale-up, at 108, to 2.
    @Test func withoutPanicTheStableWindowDecides() {
        var configuration = KnativeConfiguration(containerConcurrency: 1, panicThresholdPercentage: 2000, minScale: 1)
        configuration.targetUtilization = 1
        var autoscaler = KnativeAutoscaler(configuration: configuration)
        func integral(_ t: Double) -> Double {
            t <= 100 ? 0 : t <= 120 ? 10 * (t - 100) : 200 + 2 * (t - 120)
        }
        var replicas = 1
        var decisions: [(time: Double, replicas: Int)] = []
        for time in stride(from: 0.0, through: 112, by: 2) {
            let decision = autoscaler.tick(now: time, integral: integral(time), readyPods: 1, currentReplicas: replicas)
            if let decision {
                replicas = decision.replicas
                decisions.append((time, decision.replicas))
                #expect(!decision.rule.text.hasPrefix("panic mode"))
            }
        }
        #expect(decisions.map(\.time) == [108])
        #expect(decisions.map(\.replicas) == [2])
    }
}
