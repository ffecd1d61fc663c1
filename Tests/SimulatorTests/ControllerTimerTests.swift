import Testing
@testable import Simulator

/// The grid of a controller's timer: `anchor + k × period`, found exactly from any time. With a
/// first tick that is not a whole number of seconds (a drawn phase, ``ControllerPhases``), the
/// quotient `(t − anchor) / period` can land just above a whole number for a time on the grid
/// (`(44.14825595078317 + 47 × 10 − 44.14825595078317) / 10` is 47.000…01): a parked timer then
/// woke a tick late, after an event due at the very instant of its tick.
@Suite struct ControllerTimerTests {
    @Test func everyGridTickIsFoundFromItsOwnTimeAndItsNeighbours() {
        var random = Xoshiro256StarStar(seed: 15)
        var anchors = [44.14825595078317, 0, 6.372832613051252, 0.1]
        for _ in 0..<20 { anchors.append(random.nextUnitInterval() * 30) }
        for anchor in anchors {
            for period in [10.0, 15, 2, 0.05, 7] {
                let timer = ControllerTimer(period: period, firstTickSeconds: anchor)
                for k in 0..<2_000 {
                    let tick = anchor + Double(k) * period
                    #expect(timer.tick(atOrAfter: tick) == tick, "anchor \(anchor), period \(period), k \(k)")
                    #expect(timer.tick(atOrAfter: tick.nextUp) == anchor + Double(k + 1) * period)
                    if k > 0 { #expect(timer.tick(atOrAfter: tick.nextDown) == tick) }
                }
            }
        }
    }

    @Test func theAnchorCaseThatWokeATickLate() {
        let anchor = 44.14825595078317
        let timer = ControllerTimer(period: 10, firstTickSeconds: anchor)
        let tick = anchor + 47 * 10
        #expect((tick - anchor) / 10 > 47)            // the quotient alone overshoots …
        #expect(timer.tick(atOrAfter: tick) == tick)  // … the grid value decides
        #expect(timer.lastSkippedTick(before: tick) == anchor + 46 * 10)
    }

    @Test func timesBeforeTheFirstTickMapToIt() {
        let timer = ControllerTimer(period: 10, firstTickSeconds: 3.5)
        #expect(timer.tick(atOrAfter: 0) == 3.5)
        #expect(timer.tick(atOrAfter: 3.5) == 3.5)
        #expect(timer.nextTickSeconds == 3.5)
    }
}
