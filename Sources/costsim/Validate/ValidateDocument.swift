import Calibration
import CostModel

/// `costsim validate` in JSON (docs/json.md, docs/schema/validate.schema.json).
struct ValidateDocument: Encodable {
    struct Day: Encodable {
        var date: String
        var coveredHours, simulatedNodeHours, billedNodeHours, billedSpotNodeHours: Double
        /// Money (docs/json.md); absent when the bill is not in US dollars.
        var simulatedCost, billedCost: String?
    }

    struct Bills: Encodable {
        var files: [String]
        var provider: String
        var currency: String?
        var costScope: String
        var linesLeftOut: Int
        var skus: [String]
        var nodeHoursByPool: [String: Double]
        var days: [Day]
        var simulatedNodeHours, billedNodeHours: Double
        var simulatedCost, billedCost: String?
    }

    struct Timeline: Encodable {
        var metric, file, start, end: String
        var stepSeconds: Double
        var points: Int
        var agreement: Double
        var observedMean, simulatedMean, observedHours, simulatedHours: Double
        var observedAdded, simulatedAdded: Double
        var observedFromZero, simulatedFromZero: Int
        var matchedRises: Int
        var medianLagSeconds: Double?
    }

    struct Flag: Encodable {
        var subject, simulated, observed, cause: String
    }

    var schemaVersion = JSONOutput.schemaVersion
    var scenario, option: String
    var periodStart, periodEnd: String
    var thresholdPercent: Double
    var simulatedNodesCreated: Int
    var bills: Bills?
    var timelines: [Timeline]
    var flags: [Flag]

    init(_ validation: SimulationValidation, scenario: String, option: String, prometheus: [ObservedMetric: String]) {
        let cluster = validation.cluster
        self.scenario = scenario
        self.option = option
        periodStart = RFC3339.text(cluster.periodStart)
        periodEnd = RFC3339.text(cluster.periodEnd)
        thresholdPercent = validation.threshold * 100
        simulatedNodesCreated = cluster.nodes.count
        if let comparison = validation.bills {
            let money: (Money) -> String? = { comparison.costComparable ? MoneyText.cents($0) : nil }
            bills = Bills(
                files: comparison.files, provider: comparison.provider.rawValue, currency: comparison.currency,
                costScope: comparison.costScope.rawValue, linesLeftOut: comparison.linesLeftOut, skus: comparison.skus,
                nodeHoursByPool: comparison.pools,
                days: comparison.days.map {
                    Day(date: $0.date, coveredHours: $0.coveredHours, simulatedNodeHours: $0.simulatedNodeHours,
                        billedNodeHours: $0.billedNodeHours, billedSpotNodeHours: $0.billedSpotNodeHours,
                        simulatedCost: money($0.simulatedCost), billedCost: money($0.billedCost))
                },
                simulatedNodeHours: comparison.simulatedNodeHours, billedNodeHours: comparison.billedNodeHours,
                simulatedCost: money(comparison.simulatedCost), billedCost: money(comparison.billedCost))
        }
        timelines = validation.timelines.map {
            Timeline(
                metric: $0.metric.rawValue, file: prometheus[$0.metric] ?? "", start: RFC3339.text($0.start),
                end: RFC3339.text($0.end), stepSeconds: $0.stepSeconds, points: $0.points, agreement: $0.agreement,
                observedMean: $0.observedMean, simulatedMean: $0.simulatedMean, observedHours: $0.observedHours,
                simulatedHours: $0.simulatedHours, observedAdded: $0.observedAdded, simulatedAdded: $0.simulatedAdded,
                observedFromZero: $0.observedFromZero, simulatedFromZero: $0.simulatedFromZero,
                matchedRises: $0.matchedRises, medianLagSeconds: $0.medianLagSeconds)
        }
        flags = validation.flags.map {
            Flag(subject: $0.subject, simulated: $0.simulated, observed: $0.observed, cause: $0.cause)
        }
    }
}
