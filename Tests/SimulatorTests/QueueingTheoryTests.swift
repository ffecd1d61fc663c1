import Testing
@testable import Simulator

/// The dedicated option against queueing theory.
///
/// Each case runs R independent replications of about 120,000 customers (ρ = 0.8, service
/// mean 1 s) and compares the mean waiting time in queue with the formula. The tolerance is
/// 4 standard errors of the replication means (plus 1 % for the bias of starting empty),
/// and each case also checks that the standard error is small enough (< 4 % of the value)
/// for the comparison to mean something.
@Suite struct QueueingTheoryTests {
    static let replications = 8
    static let customersPerReplication = 120_000.0

    /// Mean queue wait of M/M/c (Erlang C), μ = 1 per server.
    static func erlangCWait(servers c: Int, arrivalRate lambda: Double) -> Double {
        let a = lambda   // offered load in Erlangs (μ = 1)
        var term = 1.0, sum = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let last = term * a / Double(c) * Double(c) / (Double(c) - a)
        let probabilityOfWaiting = last / (sum + last)
        return probabilityOfWaiting / (Double(c) - lambda)
    }

    func meanWaits(servers: Int, arrivalRate: Double, service: Distribution) throws -> Estimate {
        let days = Self.customersPerReplication / arrivalRate / 86_400
        var scenario = Scenario(
            name: "theory",
            workload: .synthetic(
                SyntheticTrace.Description(
                    workPerDay: arrivalRate * service.mean * 86_400, days: days, profile: .uniform, requestSize: service
                )),
            inference: Fixtures.workIsSeconds, clientTimeoutSeconds: 1e12, seed: 77)
        scenario.options = [Fixtures.dedicated(nodes: servers)]
        let waits = try (0..<Self.replications).map { replication in
            try Simulation.run(scenario, option: scenario.options[0], replication: replication).requests.wait
                .meanSeconds
        }
        return Estimate(waits)
    }

    func expectClose(_ estimate: Estimate, to theory: Double) {
        #expect(estimate.standardError < 0.04 * theory, "replications too noisy to test: SE \(estimate.standardError)")
        #expect(abs(estimate.mean - theory) <= 4 * estimate.standardError + 0.01 * theory,
                "simulated \(estimate.mean) ± \(estimate.standardError) vs theory \(theory)")
    }

    @Test func mm1MatchesTheory() throws {
        // Wq = ρ / (μ − λ) = 0.8 / 0.2 = 4 s
        expectClose(try meanWaits(servers: 1, arrivalRate: 0.8, service: .exponential(mean: 1)), to: 4)
        #expect(abs(Self.erlangCWait(servers: 1, arrivalRate: 0.8) - 4) < 1e-12)
    }

    @Test func mm4MatchesErlangC() throws {
        let theory = Self.erlangCWait(servers: 4, arrivalRate: 3.2)   // ≈ 0.75 s
        expectClose(try meanWaits(servers: 4, arrivalRate: 3.2, service: .exponential(mean: 1)), to: theory)
    }

    @Test func md1MatchesPollaczekKhinchine() throws {
        // Wq = λ E[S²] / (2 (1 − ρ)) = 0.8 · 1 / 0.4 = 2 s — half the M/M/1 wait.
        expectClose(try meanWaits(servers: 1, arrivalRate: 0.8, service: .constant(1)), to: 2)
    }

    @Test func littlesLawHoldsOnEveryRun() throws {
        // L = λ W on the sample path: time-average number in system = arrivals / T × mean sojourn.
        for (servers, profile) in [
            (1, ArrivalProfile.uniform), (2, .officeHours), (1, .bursty(meanOnSeconds: 300, meanOffSeconds: 900)),
        ] {
            let scenario = Scenario(
                name: "little", workload: .synthetic(SyntheticTrace.Description(days: 3, profile: profile)),
                clientTimeoutSeconds: 1e9, horizonSeconds: nil, seed: 4)
            let result = try Simulation.run(scenario, option: Fixtures.dedicated(nodes: servers))
            let stats = result.requests
            let period = result.endSeconds
            let averageInSystem = stats.requestSecondsInSystem / period
            let lambdaW = Double(stats.arrived) / period * stats.sojourn.meanSeconds
            #expect(stats.arrived == stats.served)
            #expect(abs(averageInSystem - lambdaW) <= 1e-9 * max(1, lambdaW), "L \(averageInSystem) vs λW \(lambdaW)")
            let averageInQueue = stats.requestSecondsInQueue / period
            let lambdaWq = Double(stats.arrived) / period * stats.wait.meanSeconds
            #expect(abs(averageInQueue - lambdaWq) <= 1e-9 * max(1, lambdaWq))
        }
    }
}
