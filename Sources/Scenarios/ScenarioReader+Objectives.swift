import Simulator

extension ScenarioReader {
    /// `objectives: {p95: 30s, p99: 60s, timedOut: 1%, coldStartHit: 10%}`: any subset, each a
    /// bound in the grammar of `--slo`/`--timeouts` (`30s` means `<= 30s`).
    func objectives(_ node: ConfigNode) throws(ScenarioFileError) -> [Objective] {
        let map = try node.mapping()
        var objectives: [Objective] = []
        for metric in Objective.Metric.allCases {
            guard let entry = map.optional(metric.rawValue) else { continue }
            let text = try entry.string()
            do throws(ObjectiveError) {
                objectives.append(try Objective.value(text, metric: metric))
            } catch {
                throw entry.error(error.message)
            }
        }
        try map.finish()
        return objectives
    }
}
