import Scenarios
import Simulator
import Testing
@testable import Sweeps

@Suite("Confidence intervals, Pareto frontier and recommendations")
struct DecisionTests {
    @Test("Student t 97.5% quantiles match the table", arguments: [
            (1, 12.706), (2, 4.303), (4, 2.776), (9, 2.262), (19, 2.093), (29, 2.045), (30, 2.042), (40, 2.021),
            (60, 2.000), (120, 1.980),
    ])
    func tTable(df: Int, expected: Double) {
        #expect(abs(ConfidenceInterval.t975(degreesOfFreedom: df) - expected) < 1e-9)
    }

    @Test("t between table rows is interpolated within 0.001 of the exact value")
    func tInterpolated() {
        // Exact values: t(0.975, 50) = 2.0086, t(0.975, 100) = 1.9840, t(0.975, 1000) = 1.9623.
        #expect(abs(ConfidenceInterval.t975(degreesOfFreedom: 50) - 2.0086) < 0.001)
        #expect(abs(ConfidenceInterval.t975(degreesOfFreedom: 100) - 1.9840) < 0.001)
        #expect(abs(ConfidenceInterval.t975(degreesOfFreedom: 1000) - 1.9623) < 0.001)
    }

    @Test("mean and 95% CI of 1…5 by hand: 3 ± 2.776 × 1.5811 / √5")
    func interval() {
        let ci = ConfidenceInterval([1, 2, 3, 4, 5])
        #expect(ci.mean == 3)
        #expect(abs(ci.standardDeviation - 1.5811388) < 1e-6)
        #expect(abs(ci.halfWidth - 1.9629) < 1e-4)
        #expect(ConfidenceInterval([4]).halfWidth == .infinity)
        #expect(ConfidenceInterval([2, 2, 2]).halfWidth == 0)
        // Bounds stay inside the natural range (a share cannot exceed 100 %).
        let share = ConfidenceInterval([0.9, 1.0], range: 0...1)
        #expect(share.upper == 1 && share.lower < 0.9)
    }

    @Test("latency intervals stop at the client timeout: no response is slower")
    func latencyIntervalsAreCapped() {
        let runs = [60.0, 45.0, 60.0].enumerated().map { r, p95 in
            RunOutcome(
                configuration: 0, replication: r, monthlyCostNanoDollars: 1, p50Seconds: p95 / 2, p95Seconds: p95,
                p99Seconds: 60,
                meanSeconds: p95 / 2, arrived: 10, timedOut: 1, coldStarts: 0)
        }
        let uncapped = ConfigurationSummary(configuration: 0, settings: [], runs: runs)
        let capped = ConfigurationSummary(configuration: 0, settings: [], runs: runs, responseCapSeconds: 60)
        #expect(uncapped.p95.upper > 60)
        #expect(
            capped.p95.upper == 60 && capped.p95.mean == uncapped.p95.mean && capped.p95.lower == uncapped.p95.lower)
        #expect(capped.p99.upper == 60)
    }

    @Test("the Pareto frontier keeps exactly the non-dominated configurations")
    func pareto() {
        let summaries = [
            Fixtures.summary(0, costs: [100, 100], p95: [10, 10]),   // frontier: fastest
            Fixtures.summary(1, costs: [50, 50], p95: [20, 20]),     // frontier
            Fixtures.summary(2, costs: [60, 60], p95: [25, 25]),     // dominated by 1
            Fixtures.summary(3, costs: [20, 20], p95: [60, 60]),     // frontier: cheapest
            Fixtures.summary(4, costs: [50, 50], p95: [20, 20]),     // tie with 1: the lower index is kept
            Fixtures.summary(5, costs: [120, 120], p95: [10, 10]),   // dominated by 0
        ]
        #expect(paretoFrontier(summaries).map(\.configuration) == [3, 1, 0])
        #expect(paretoFrontier(summaries, metric: .p99).map(\.configuration) == [3, 1, 0])
    }

    @Test("recommend: the cheapest whose upper CI bound meets the SLO, a runner-up, and tightening steps")
    func recommend() throws {
        let summaries = [
            // cheapest, mean 30 but upper bound ≫ 30: fails
            Fixtures.summary(0, costs: [10, 10, 10], p95: [20, 40, 30]),
            Fixtures.summary(1, costs: [30, 31, 32], p95: [28, 29, 28]),      // upper ≈ 29.8: meets
            Fixtures.summary(2, costs: [25, 25, 25], p95: [29, 29, 29]),      // upper 29: meets, cheapest qualifying
            Fixtures.summary(3, costs: [80, 80, 80], p95: [10, 10, 10]),      // meets, much tighter
            Fixtures.summary(4, costs: [50, 50, 50], p95: [20, 21, 20]),      // meets, tighter
        ]
        let recommendation = Recommendation(summaries: summaries, objectives: [try Objective.latency("p95<=30s")])
        #expect(recommendation.best?.configuration == 2)
        #expect(recommendation.runnerUp?.configuration == 1)
        #expect(recommendation.qualifying == 4)
        #expect(recommendation.tightening.map(\.summary.configuration) == [4, 3])
        // A timeout objective removes configuration 2.
        let withTimeouts = summaries.map { summary in
            summary.configuration == 2
                ? Fixtures.summary(2, costs: [25, 25, 25], p95: [29, 29, 29], timeouts: [50, 60, 55]) : summary
        }
        let strict = Recommendation(
            summaries: withTimeouts, objectives: [try Objective.latency("p95<=30s"), try Objective.share("<=1%")])
        #expect(strict.best?.configuration == 1)
        // Nothing meets an impossible target.
        #expect(Recommendation(summaries: summaries, objectives: [try Objective.latency("p95<=5s")]).best == nil)
    }

    @Test("break-even crossovers interpolate between traffic volumes")
    func breakEven() {
        let curve = BreakEven(points: [
            .init(scale: 1, volume: 100, dedicatedDollars: 400, sweptDollars: 100),
            .init(scale: 2, volume: 200, dedicatedDollars: 400, sweptDollars: 300),
            .init(scale: 4, volume: 400, dedicatedDollars: 400, sweptDollars: 500),
        ])
        let crossings = curve.crossovers
        #expect(crossings.count == 1)
        #expect(abs(crossings[0].volume - 300) < 1e-9)
        #expect(crossings[0].dedicatedCheaperAbove)
    }
}
