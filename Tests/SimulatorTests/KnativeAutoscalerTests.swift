import Testing
@testable import Simulator

@Suite struct KnativeAutoscalerTests {
    /// Ticks every 2 s from `start` to `end`, with the concurrency integral `integral(t)`, following
    /// the decider's own replica decisions; returns every tick's decision and cooldown-tail flag.
    static func run(
        _ autoscaler: inout KnativeAutoscaler, from start: Double, to end: Double, replicas: Int,
        integral: (Double) -> Double, compact: Bool = true
    ) -> [String] {
        var replicas = replicas
        var trace: [String] = []
        for time in stride(from: start, through: end, by: 2) {
            let decision = autoscaler.tick(
                now: time, integral: integral(time), readyPods: replicas, currentReplicas: replicas, compact: compact)
            if let decision { replicas = decision.replicas }
            trace.append(
                "\(time): \(decision.map { "\($0.replicas)" } ?? "-") waiting=\(autoscaler.isWaitingToScaleToZero)")
        }
        return trace
    }

    /// Ticks run ahead while the windows drain (``KnativeController``)
    /// are taken back when the one that would scale must run as an event: restoring must leave the
    /// decider exactly as before them.
    @Test(arguments: [130.0, 160.0])   // ahead into the grace period (waiting to scale to zero); past scaling to zero
    func restoringACheckpointTakesBackTicks(aheadUntil end: Double) {
        // Three requests in the system for a minute, then none: the decider scales down and, after
        // its grace period, to zero. What really follows: a second burst, from 100 to 130 s.
        let draining = { (time: Double) in 3 * Swift.min(time, 60) }
        let secondBurst = { (time: Double) in draining(time) + 2 * Swift.min(Swift.max(0, time - 100), 30) }
        var restored = KnativeAutoscaler(configuration: KnativeConfiguration())
        let warmUp = Self.run(&restored, from: 2, to: 62, replicas: 1, integral: draining)
        let replicas =
            Int(
                warmUp.compactMap { $0.split(separator: " ")[1] == "-" ? nil : $0.split(separator: " ")[1] }.last ?? "1"
            ) ?? 1
        var reference = restored

        let checkpoint = restored.checkpoint()
        let ahead = Self.run(&restored, from: 64, to: end, replicas: replicas, integral: draining, compact: false)
        #expect(ahead.contains { $0.contains("waiting=true") }, "the ticks taken back reached the grace period")
        #expect(restored.checkpoint() != checkpoint)
        restored.restore(checkpoint)
        #expect(restored.checkpoint() == checkpoint)

        let afterRestore = Self.run(&restored, from: 64, to: 400, replicas: replicas, integral: secondBurst)
        let expected = Self.run(&reference, from: 64, to: 400, replicas: replicas, integral: secondBurst)
        #expect(afterRestore == expected)
        #expect(expected.contains { $0.contains(": 0 ") }, "the reference scales to zero in the end")
    }
}
