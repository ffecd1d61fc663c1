import Testing
@testable import Sweeps

@Suite("Confidence intervals, Pareto frontier, SLOs and recommendations")
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

    @Test("SLO expressions parse", arguments: [
            ("p95<=30s", SweepMetric.p95, false, 30.0), ("p99 < 2m", .p99, true, 120), ("p50<=500ms", .p50, false, 0.5),
            ("P95<=45", .p95, false, 45),
    ])
    func sloParsing(text: String, metric: SweepMetric, strict: Bool, threshold: Double) throws {
        let slo = try SLO.latency(text)
        #expect(slo.metric == metric && slo.strict == strict && slo.threshold == threshold)
    }

    @Test("SLOs print with three significant digits")
    func sloDescription() throws {
        #expect(try SLO.latency("p95<=30s").description == "p95 <= 30s")
        #expect(SLO(metric: .p50, threshold: 6.5007568352951095).description == "p50 <= 6.5s")
        #expect(SLO(metric: .p99, strict: true, threshold: 123.456).description == "p99 < 123s")
        #expect(try SLO.share("<=0.1%").description == "timeouts <= 0.1%")
    }

    @Test("impossible SLO expressions are errors", arguments: [
        "p95>=30s", "p95<=0s", "p97<=30s", "p95<=fast", "p95 30s", "", "p95<=-3s",
        "p95<=inf s", "p95<=1e400s", "p95<=0x10s", "p95<=nan s", "p99.9<=30s",
    ])
    func badSLO(text: String) {
        #expect(throws: SweepError.self) { try SLO.latency(text) }
    }

    @Test("timeout objectives", arguments: [("<=0.1%", 0.001, false), ("< 1%", 0.01, true), ("<=0.002", 0.002, false)])
    func shares(text: String, value: Double, strict: Bool) throws {
        let slo = try SLO.share(text)
        #expect(abs(slo.threshold - value) < 1e-12 && slo.strict == strict && slo.metric == .timeouts)
    }

    @Test("percentiles other than p50, p95 and p99 are not kept")
    func unkeptPercentile() throws {
        let error = try #require(throws: SweepError.self) { try SLO.latency("p99.9<=30s") }
        #expect("\(error)".contains("only p50, p95 and p99"))
    }

    @Test("a latency objective at or above the client timeout cannot be broken")
    func alwaysMet() throws {
        #expect(try SLO.latency("p95<=60s").isAlwaysMet(responseCapSeconds: 60))
        #expect(try !SLO.latency("p95<60s").isAlwaysMet(responseCapSeconds: 60))
        #expect(try SLO.latency("p99<2m").isAlwaysMet(responseCapSeconds: 60))
        #expect(try !SLO.latency("p95<=59s").isAlwaysMet(responseCapSeconds: 60))
        #expect(try !SLO.share("<=100%").isAlwaysMet(responseCapSeconds: 60))
    }

    @Test(
        "impossible timeout objectives are errors",
        arguments: ["<=150%", ">=0.1%", "<0%", "<=-1%", "<=lots", "<=0x1%", "<=inf"])
    func badShares(text: String) {
        #expect(throws: SweepError.self) { try SLO.share(text) }
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
        let recommendation = Recommendation(summaries: summaries, slos: [try SLO.latency("p95<=30s")])
        #expect(recommendation.best?.configuration == 2)
        #expect(recommendation.runnerUp?.configuration == 1)
        #expect(recommendation.qualifying == 4)
        #expect(recommendation.tightening.map(\.summary.configuration) == [4, 3])
        // A timeout objective removes configuration 2.
        let withTimeouts = summaries.map { summary in
            summary.configuration == 2
                ? Fixtures.summary(2, costs: [25, 25, 25], p95: [29, 29, 29], timeouts: [50, 60, 55]) : summary
        }
        let strict = Recommendation(summaries: withTimeouts, slos: [try SLO.latency("p95<=30s"), try SLO.share("<=1%")])
        #expect(strict.best?.configuration == 1)
        // Nothing meets an impossible target.
        #expect(Recommendation(summaries: summaries, slos: [try SLO.latency("p95<=5s")]).best == nil)
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
