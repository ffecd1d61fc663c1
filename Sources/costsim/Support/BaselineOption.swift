import ArgumentParser
import Simulator

/// `--baseline NAME`: the option `run` and `report` compare the others against, overriding the
/// scenario's `baseline` key (default: the first option).
struct BaselineOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The option the others are compared against (default: the scenario's 'baseline', else its first option).",
        valueName: "option"))
    var baseline: String?

    /// `scenario` with `--baseline` applied; an error naming the flag if no option has that name.
    func apply(to scenario: Scenario) throws -> Scenario {
        guard let baseline else { return scenario }
        guard scenario.options.contains(where: { $0.name == baseline }) else {
            throw CLIError("--baseline: scenario \(scenario.name) has no option named '\(baseline)'; "
                + "the options are \(scenario.options.map(\.name).joined(separator: ", "))")
        }
        var scenario = scenario
        scenario.baseline = baseline
        return scenario
    }
}
