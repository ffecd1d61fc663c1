import CostModel
import Simulator

/// Monthly cost of every option of a generated-speech scenario at several daily volumes, for
/// the report's break-even chart: where scaling to zero stops paying. Each point is a shorter
/// simulation (at most ``days`` days) of the scenario at that volume; they run concurrently and
/// the result does not depend on how many run at once.
public struct BreakEvenStudy: Sendable {
    /// One option's monthly dollars at each of ``volumesMinutesPerDay``.
    public struct Curve: Sendable, Hashable {
        public var optionName: String
        public var monthlyDollars: [Double]
    }

    /// Daily volumes simulated, minutes of speech a day.
    public var volumesMinutesPerDay: [Double]
    public var curves: [Curve]
    /// The scenario's own volume, minutes of speech a day.
    public var currentMinutesPerDay: Double

    /// Volumes of the study, minutes of speech a day (the article's 300 sits in the middle).
    public static let defaultVolumesMinutesPerDay: [Double] = [10, 30, 100, 300, 1000, 3000]
    /// Days simulated per point (shorter than a month keeps the study quick).
    public static let days = 7.0

    /// Runs the study; `nil` for workloads it does not apply to (traces, rates, non-speech units).
    public static func run(
        _ scenario: Scenario, calculator: CostCalculator, volumes: [Double] = defaultVolumesMinutesPerDay
    ) async throws -> BreakEvenStudy? {
        guard case .synthetic(let generator) = scenario.workload, scenario.inference.workUnit == .audioSeconds else {
            return nil
        }
        // Points as (option, volume) index pairs in option × volume order, started busiest first
        // so that the longest runs do not come last.
        let points = scenario.options.indices.flatMap { option in volumes.indices.map { (option, $0) } }
        let busiestFirst = points.indices.sorted { volumes[points[$0].1] > volumes[points[$1].1] }
        let dollars = try await concurrentMap(count: points.count, startOrder: busiestFirst) { index in
            let (option, volume) = points[index]
            var sweep = scenario
            var description = generator
            description.workPerDay = volumes[volume] * 60
            description.days = min(generator.days, days)
            sweep.workload = .synthetic(description)
            sweep.horizonSeconds = description.horizonSeconds
            let result = try Simulation.run(sweep, option: scenario.options[option])
            return try calculator.price(result).monthlyTotal.approximateDollars
        }
        let curves = scenario.options.indices.map { option in
            Curve(
                optionName: scenario.options[option].name,
                monthlyDollars: Array(dollars[(option * volumes.count)..<((option + 1) * volumes.count)]))
        }
        return BreakEvenStudy(
            volumesMinutesPerDay: volumes, curves: curves, currentMinutesPerDay: generator.workPerDay / 60)
    }
}
