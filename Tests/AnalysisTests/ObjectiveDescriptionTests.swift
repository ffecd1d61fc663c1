import Analysis
import Scenarios
import Simulator
import Testing

@Suite("Objectives in words")
struct ObjectiveDescriptionTests {
    @Test("objectives print with three significant digits")
    func sloDescription() throws {
        #expect(try Objective.latency("p95<=30s").description == "p95 <= 30s")
        #expect(Objective(metric: .p50, threshold: 6.5007568352951095).description == "p50 <= 6.5s")
        #expect(Objective(metric: .p99, strict: true, threshold: 123.456).description == "p99 < 123s")
        #expect(try Objective.share("<=0.1%").description == "timed out <= 0.1%")
    }

    @Test("bounds for sentences use ≤ and the duration format")
    func bounds() {
        #expect(Objective(metric: .p95, threshold: 90).bound == "≤ 90 s")
        #expect(Objective(metric: .p99, strict: true, threshold: 300).bound == "< 5 min")
        #expect(Objective(metric: .timedOut, threshold: 0.018).bound == "≤ 1.8%")
    }
}
