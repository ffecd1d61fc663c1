import CostModel
import Foundation
import Simulator

extension Sweep {
    /// Monthly cost of the dedicated option and of configuration `configuration` of the swept
    /// option at each traffic scale (mean over the replications, common random numbers).
    ///
    /// - Parameter dedicatedOption: name of the scenario's dedicated option (default: the first).
    public func breakEven(
        configuration: Int, dedicatedOption: String? = nil, scales: [Double], jobs: Int = 2
    ) async throws -> BreakEven {
        guard case .synthetic(let description) = scenario.workload else {
            throw SweepError.invalidInput("break-even scales generated traffic; the scenario replays a trace file")
        }
        let (configured, swept) = try configured(configuration)
        guard
            let dedicated = configured.options.first(where: { option in
                guard case .dedicated = option.kind else { return false }
                return dedicatedOption.map { $0 == option.name } ?? true
            })
        else {
            throw SweepError.invalidInput(
                dedicatedOption.map { "the scenario has no dedicated option named '\($0)'" }
                    ?? "the scenario has no dedicated option to compare with")
        }
        let calculator = self.calculator
        let replications = self.replications
        let work = scales.indices.flatMap { s in [0, 1].flatMap { which in (0..<replications).map { (s, which, $0) } } }
        var dollars: [Int: [Int: Double]] = [:]  // scale → which → sum
        var p95: [Int: [Int: Double]] = [:]
        try await withThrowingTaskGroup(of: (Int, Int, Double, Double).self) { group in
            var next = 0
            func startNext() {
                guard next < work.count else { return }
                let (s, which, replication) = work[next]
                next += 1
                var scaled = configured
                var scaledDescription = description
                scaledDescription.workPerDay *= scales[s]
                scaled.workload = .synthetic(scaledDescription)
                let option = which == 0 ? dedicated : swept
                group.addTask {
                    let result = try Simulation.run(scaled, option: option, replication: replication)
                    return (
                        s, which, try calculator.price(result).monthlyTotal.approximateDollars,
                        result.requests.response.seconds(atPercentile: 95)
                    )
                }
            }
            for _ in 0..<Swift.max(1, jobs) { startNext() }
            var collected: [(Int, Int, Double, Double)] = []
            while let item = try await group.next() {
                collected.append(item)
                startNext()
            }
            // Sum in a fixed order so the result does not depend on completion order.
            for (s, which, value, latency) in collected.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                dollars[s, default: [:]][which, default: 0] += value
                p95[s, default: [:]][which, default: 0] += latency
            }
        }
        let points = scales.indices.map { s in
            BreakEven.Point(
                scale: scales[s], volume: description.workPerDay * scales[s],
                dedicatedDollars: dollars[s]![0]! / Double(replications),
                sweptDollars: dollars[s]![1]! / Double(replications),
                dedicatedP95Seconds: p95[s]![0]! / Double(replications),
                sweptP95Seconds: p95[s]![1]! / Double(replications))
        }
        return BreakEven(points: points)
    }
}

/// What changing a scenario (or a ScaledObject in it) does to each option's cost and latency.
/// Both sides run the same replications with the same seeds, so the differences are paired
/// (common random numbers) and their confidence intervals are narrow.
public struct ScenarioDiff: Sendable {
    public struct Row: Sendable {
        public var optionName: String
        public var old: ConfigurationSummary
        public var new: ConfigurationSummary
        /// Paired differences new − old, per replication.
        public var costDelta: ConfidenceInterval
        public var p95Delta: ConfidenceInterval
        public var p99Delta: ConfidenceInterval
        public var timeoutShareDelta: ConfidenceInterval
    }

    public var rows: [Row]
    /// Options only in one of the two scenarios.
    public var onlyOld: [String]
    public var onlyNew: [String]

    public static func compare(
        old: Scenario, new: Scenario, replications: Int, calculator: CostCalculator, jobs: Int = 2
    ) async throws -> ScenarioDiff {
        let names = old.options.map(\.name).filter { name in new.options.contains { $0.name == name } }
        let onlyOld = old.options.map(\.name).filter { !names.contains($0) }
        let onlyNew = new.options.map(\.name).filter { name in !old.options.contains { $0.name == name } }
        let work = names.indices.flatMap { o in [0, 1].flatMap { side in (0..<replications).map { (o, side, $0) } } }
        var outcomes: [RunOutcome] = []
        try await withThrowingTaskGroup(of: RunOutcome.self) { group in
            var next = 0
            func startNext() {
                guard next < work.count else { return }
                let (o, side, replication) = work[next]
                next += 1
                let scenario = side == 0 ? old : new
                let option = scenario.options.first { $0.name == names[o] }!
                group.addTask {
                    let result = try Simulation.run(scenario, option: option, replication: replication)
                    let cost = try calculator.price(result)
                    let response = result.requests.response
                    return RunOutcome(
                        configuration: o * 2 + side, replication: replication,
                        monthlyCostNanoDollars: cost.monthlyTotal.nanoDollars,
                        p50Seconds: response.seconds(atPercentile: 50), p95Seconds: response.seconds(atPercentile: 95),
                        p99Seconds: response.seconds(atPercentile: 99), meanSeconds: response.meanSeconds,
                        arrived: result.requests.arrived, timedOut: result.requests.timedOut,
                        coldStarts: result.requests.waitedForColdStart)
                }
            }
            for _ in 0..<Swift.max(1, jobs) { startNext() }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                startNext()
            }
        }
        var rows: [Row] = []
        for (o, name) in names.enumerated() {
            let oldRuns = outcomes.filter { $0.configuration == o * 2 }.sorted { $0.replication < $1.replication }
            let newRuns = outcomes.filter { $0.configuration == o * 2 + 1 }.sorted { $0.replication < $1.replication }
            func delta(_ metric: SweepMetric) -> ConfidenceInterval {
                ConfidenceInterval(zip(oldRuns, newRuns).map { metric.value($1) - metric.value($0) })
            }
            rows.append(
                Row(
                    optionName: name,
                    old: ConfigurationSummary(
                        configuration: o * 2, settings: [], runs: oldRuns,
                        responseCapSeconds: old.clientTimeoutSeconds),
                    new: ConfigurationSummary(
                        configuration: o * 2 + 1, settings: [], runs: newRuns,
                        responseCapSeconds: new.clientTimeoutSeconds),
                    costDelta: delta(.cost), p95Delta: delta(.p95), p99Delta: delta(.p99),
                    timeoutShareDelta: delta(.timeouts)))
        }
        return ScenarioDiff(rows: rows, onlyOld: onlyOld, onlyNew: onlyNew)
    }
}
