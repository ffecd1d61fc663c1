import Foundation
import Testing
@testable import Simulator

@Suite struct DistributionTests {
    static let cases: [(String, Distribution)] = [
        ("constant", .constant(4.5)),
        ("uniform", .uniform(lower: 2, upper: 10)),
        ("exponential", .exponential(mean: 3)),
        ("normal", .normal(mean: 1, standardDeviation: 0.2)),
        ("lognormal", .lognormal(mu: 1, sigma: 0.5)),
        ("gamma shape 2.5", .gamma(shape: 2.5, scale: 4)),
        ("gamma shape 0.4", .gamma(shape: 0.4, scale: 2)),
        ("weibull shape 1.5", .weibull(shape: 1.5, scale: 3)),
        ("weibull shape 0.8", .weibull(shape: 0.8, scale: 0.5)),
        ("empirical", .empirical(EmpiricalSamples([1, 2, 2, 7, 30]))),
    ]

    /// Sample mean and variance match the exact moments within 5 standard errors
    /// (n = 200,000; the standard error of the variance uses the fourth central moment
    /// estimated from the same sample).
    @Test(arguments: cases)
    func samplesHaveTheRightMoments(_ name: String, _ distribution: Distribution) {
        var generator = Xoshiro256StarStar(seed: 2024)
        let n = 200_000
        let samples = (0..<n).map { _ in distribution.sample(using: &generator) }
        let mean = samples.reduce(0, +) / Double(n)
        let centered = samples.map { $0 - mean }
        let variance = centered.reduce(0) { $0 + $1 * $1 } / Double(n - 1)
        let fourth = centered.reduce(0) { $0 + $1 * $1 * $1 * $1 } / Double(n)
        let meanTolerance = 5 * (distribution.variance / Double(n)).squareRoot() + 1e-12
        let varianceTolerance = 5 * (max(fourth - variance * variance, 0) / Double(n)).squareRoot() + 1e-12
        #expect(abs(mean - distribution.mean) <= meanTolerance, "\(name): mean \(mean) vs \(distribution.mean)")
        #expect(
            abs(variance - distribution.variance) <= varianceTolerance,
            "\(name): variance \(variance) vs \(distribution.variance)")
    }

    @Test func lognormalByMeanAndP95HitsBoth() throws {
        let distribution = try Distribution.lognormal(mean: 15, p95: 45)
        #expect(abs(distribution.mean - 15) < 1e-9)
        guard case .lognormal(let mu, let sigma) = distribution else { Issue.record("not lognormal"); return }
        #expect(abs(exp(mu + Distribution.z95 * sigma) - 45) < 1e-9)
        #expect(distribution == SyntheticTrace.Description.defaultRequestSize)
    }

    @Test func lognormalRejectsImpossiblePairs() {
        #expect(throws: ParameterError.self) { try Distribution.lognormal(mean: 10, p95: 5) }
        #expect(throws: ParameterError.self) { try Distribution.lognormal(mean: 1, p95: 100) }
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: ParameterError.self) { try Distribution.exponential(mean: 0).validate() }
        #expect(throws: ParameterError.self) { try Distribution.uniform(lower: 3, upper: 1).validate() }
        #expect(throws: ParameterError.self) { try Distribution.gamma(shape: -1, scale: 1).validate() }
        #expect(throws: ParameterError.self) { try Distribution.weibull(shape: 0, scale: 1).validate() }
        #expect(throws: ParameterError.self) { try Distribution.empirical(EmpiricalSamples([])).validate() }
        #expect(throws: Never.self) { try Distribution.normal(mean: 1, standardDeviation: 0).validate() }
    }

    @Test func empiricalFromACSVColumn() throws {
        let path = Fixtures.repositoryFile(
            "Tests/Fixtures/traces/alibaba_GenTD26_basemodel_update_latency_anon-head1000.csv")
        let values = try CSVColumn.values(path: path, column: "value", scale: 0.001)
        #expect(values.count == 1000)
        // The 501st smallest value of the column (sort -t, -k2 -g): 23,436 ms.
        #expect(abs(values.sorted()[500] - 23.436) < 1e-9)
    }
}
