import Testing
@testable import Simulator

/// The batch window (docs/karpenter.md, timeline 3): idle 1 s, max 10 s.
@Suite struct KarpenterBatcherTests {
    @Test func podsWithinTheIdleTimeKeepTheBatchOpenUntilTheMaximum() {
        // One pod every 0.5 s: each resets the 1-s idle deadline, so the 10-s maximum closes it.
        var batcher = KarpenterBatcher(idleSeconds: 1, maxSeconds: 10)
        for index in 0..<20 { batcher.trigger(pod: Int32(index), at: Double(index) * 0.5) }
        #expect(batcher.openedSeconds == 0)
        #expect(batcher.closesAt == 10)
    }

    @Test func theIdleDeadlineClosesABurst() {
        // 50 pods within 0.2 s: the batch closes 1 s after the last one.
        var batcher = KarpenterBatcher(idleSeconds: 1, maxSeconds: 10)
        for index in 0..<50 { batcher.trigger(pod: Int32(index), at: Double(index) * 0.004) }
        #expect(batcher.closesAt == 49 * 0.004 + 1)
    }

    @Test func aPodAlreadyInTheBatchDoesNotExtendIt() {
        var batcher = KarpenterBatcher(idleSeconds: 1, maxSeconds: 10)
        batcher.trigger(pod: 7, at: 0)
        batcher.trigger(pod: 7, at: 0.9)
        #expect(batcher.closesAt == 1)
        batcher.close()
        #expect(batcher.closesAt == nil)
        batcher.trigger(pod: 7, at: 10)                       // the next batch opens with it again
        #expect(batcher.closesAt == 11)
    }
}
