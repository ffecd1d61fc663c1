import Simulator
@testable import Reports

/// Report inputs for the HTML tests: two options, one of them named like markup.
enum HTMLFixtures {
    /// An option name that would run a script if it were not escaped.
    static let hostileName = "<script>alert(\"x\")</script> & 'co'"

    /// The fixture report with a second option named ``hostileName`` (the dedicated run under
    /// another name, priced as the fixture's scale-to-zero) and a scenario name with markup.
    static func input() throws -> ReportInput {
        var input = try Fixtures.reportInput(days: 1)
        var renamed = input.results[0]
        renamed.option.name = hostileName
        input.results.append(renamed)
        input.costs[1].optionName = hostileName
        input.scenarioName = "a<b> & \"c\""
        input.assumptions.append(
            AssumptionRow(item: "Price", value: "$1/h", source: "https://example.com/p?a=1&b=2", date: "2026-11-01"))
        return input
    }
}
