import Scenarios
import Simulator
import Testing

@Suite("Objectives: the grammar of --slo, --timeouts and a scenario's objectives")
struct ObjectiveTests {
    @Test(
        "latency objectives parse",
        arguments: [
            ("p95<=30s", Objective.Metric.p95, false, 30.0), ("p99 < 2m", .p99, true, 120),
            ("p50<=500ms", .p50, false, 0.5), ("P95<=45", .p95, false, 45),
        ])
    func sloParsing(text: String, metric: Objective.Metric, strict: Bool, threshold: Double) throws {
        let slo = try Objective.latency(text)
        #expect(slo.metric == metric && slo.strict == strict && slo.threshold == threshold)
    }

    @Test(
        "impossible latency objectives are errors",
        arguments: [
            "p95>=30s", "p95<=0s", "p97<=30s", "p95<=fast", "p95 30s", "", "p95<=-3s",
            "p95<=inf s", "p95<=1e400s", "p95<=0x10s", "p95<=nan s", "p99.9<=30s",
        ])
    func badObjective(text: String) {
        #expect(throws: ObjectiveError.self) { try Objective.latency(text) }
    }

    @Test("timeout objectives", arguments: [("<=0.1%", 0.001, false), ("< 1%", 0.01, true), ("<=0.002", 0.002, false)])
    func shares(text: String, value: Double, strict: Bool) throws {
        let slo = try Objective.share(text)
        #expect(abs(slo.threshold - value) < 1e-12 && slo.strict == strict && slo.metric == .timedOut)
    }

    @Test("percentiles other than p50, p95 and p99 are not kept")
    func unkeptPercentile() throws {
        let error = try #require(throws: ObjectiveError.self) { try Objective.latency("p99.9<=30s") }
        #expect("\(error)".contains("only p50, p95 and p99"))
    }

    @Test("a latency objective at or above the client timeout cannot be broken")
    func alwaysMet() throws {
        #expect(try Objective.latency("p95<=60s").isAlwaysMet(responseCapSeconds: 60))
        #expect(try !Objective.latency("p95<60s").isAlwaysMet(responseCapSeconds: 60))
        #expect(try Objective.latency("p99<2m").isAlwaysMet(responseCapSeconds: 60))
        #expect(try !Objective.latency("p95<=59s").isAlwaysMet(responseCapSeconds: 60))
        #expect(try !Objective.share("<=100%").isAlwaysMet(responseCapSeconds: 60))
    }

    @Test(
        "impossible timeout objectives are errors",
        arguments: ["<=150%", ">=0.1%", "<0%", "<=-1%", "<=lots", "<=0x1%", "<=inf"])
    func badShares(text: String) {
        #expect(throws: ObjectiveError.self) { try Objective.share(text) }
    }

    @Test(
        "a scenario's objectives take a bare bound or a comparison",
        arguments: [
            ("30s", Objective.Metric.p95, false, 30.0), ("<1m", .p99, true, 60), ("1%", .timedOut, false, 0.01),
            ("<= 0.1", .coldStartHit, false, 0.1),
        ])
    func scenarioValues(text: String, metric: Objective.Metric, strict: Bool, threshold: Double) throws {
        let objective = try Objective.value(text, metric: metric)
        #expect(
            objective.metric == metric && objective.strict == strict && abs(objective.threshold - threshold) < 1e-12)
    }

    @Test("a scenario's objective values are bounded", arguments: ["0s", ">30s", "fast", "150%", "1e400s", ""])
    func badScenarioValues(text: String) {
        #expect(throws: ObjectiveError.self) {
            try Objective.value(text, metric: text.hasSuffix("%") ? .timedOut : .p95)
        }
    }
}
