import Analysis

/// The line under the report's title: scenario, simulated period and requests per option (the
/// table below it names the options).
enum ScenarioLine {
    static func text(_ input: ReportInput) -> String {
        var parts = ["Scenario \(input.scenarioName)"]
        if let first = input.results.first {
            let days = first.horizonSeconds / 86_400
            parts.append(days >= 1 ? "\(NumberFormat.compact(days, maxDecimals: 1)) simulated days"
                                   : "\(NumberFormat.duration(first.horizonSeconds)) simulated")
            parts.append("\(NumberFormat.count(first.requests.arrived)) requests per option")
        }
        return parts.joined(separator: " · ")
    }
}
