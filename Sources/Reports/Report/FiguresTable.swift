/// Page 1's table of the headline figures per option, as text cells: the same header and the
/// same formatting wherever the table is shown.
enum FiguresTable {
    static let header = [
        "Option", "Cost per month", "Response p50", "p95", "p99", "Waited for a cold start", "Timed out",
    ]

    /// One row per option, in the order given ("–" for what an option without requests lacks).
    static func rows(_ figures: [OptionFigures]) -> [[String]] {
        figures.map { f in
            let cost = f.monthlyDollars.map(NumberFormat.dollars) ?? "–"
            guard f.arrived > 0 else { return [f.name, cost, "–", "–", "–", "–", "–"] }
            func share(_ count: Int) -> String {
                "\(NumberFormat.count(count)) (\(NumberFormat.percent(Double(count) / Double(f.arrived))))"
            }
            return [f.name, cost, f.responseText(f.response.p50Seconds), f.responseText(f.response.p95Seconds),
                    f.responseText(f.response.p99Seconds), share(f.waitedForColdStart), share(f.timedOut)]
        }
    }
}
