import Simulator
import Sweeps

/// A configuration's replications summarised, as `sweep`, `recommend` and `diff` print it in
/// JSON: every metric a mean with its 95 % confidence bounds (see docs/json.md).
struct SummaryJSON: Encodable {
    /// A mean and its 95 % bounds (`low`/`high` absent with a single replication); `significant`
    /// only on differences: whether the interval excludes zero.
    struct NumberInterval: Encodable {
        var mean: Double
        var low, high: Double?
        var significant: Bool?

        init(_ interval: ConfidenceInterval, difference: Bool = false) {
            mean = interval.mean
            let bounded = interval.halfWidth.isFinite
            low = bounded ? interval.lower : nil
            high = bounded ? interval.upper : nil
            significant = difference ? bounded && (interval.lower > 0 || interval.upper < 0) : nil
        }
    }

    /// ``NumberInterval`` of monthly dollars, each rounded to the cent (``MoneyText``).
    struct MoneyInterval: Encodable {
        var mean: String?
        var low, high: String?
        var significant: Bool?

        init(_ interval: ConfidenceInterval, difference: Bool = false) {
            let numbers = NumberInterval(interval, difference: difference)
            mean = MoneyText.cents(dollars: numbers.mean)
            low = numbers.low.flatMap { MoneyText.cents(dollars: $0) }
            high = numbers.high.flatMap { MoneyText.cents(dollars: $0) }
            significant = numbers.significant
        }
    }

    struct Latencies: Encodable {
        var p50, p95, p99: NumberInterval
    }

    var configuration: Int?
    var label: String?
    var parameters: [String: String]?
    var replications: Int
    var monthlyCost: MoneyInterval
    var responseSeconds: Latencies
    var timeoutShare, coldStartShare: NumberInterval
    var pareto: Bool?

    /// - Parameter configuration: include the configuration's number, label and parameters (a
    ///   sweep's configuration; not a side of a diff).
    init(_ summary: ConfigurationSummary, configuration: Bool = true, pareto: Bool? = nil) {
        if configuration {
            self.configuration = summary.configuration
            label = summary.label
            parameters = Dictionary(uniqueKeysWithValues: summary.settings.map {
                ($0.parameter.rawValue, $0.valueText)
            })
        }
        replications = summary.replications
        monthlyCost = MoneyInterval(summary.cost)
        responseSeconds = Latencies(
            p50: NumberInterval(summary.p50), p95: NumberInterval(summary.p95), p99: NumberInterval(summary.p99))
        timeoutShare = NumberInterval(summary.timeoutShare)
        coldStartShare = NumberInterval(summary.coldStartShare)
        self.pareto = pareto
    }
}
