import Analysis
import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `--slo` and `--timeouts`: what the users need, in the objectives' one grammar. `run` and
/// `report` let them replace the scenario's `objectives:`; `recommend` requires a latency one.
struct ObjectiveOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Latency objective: p50, p95 or p99, then <= or <, then a duration. Repeat it for several (all must hold).",
            valueName: "p95<=30s"))
    var slo: [String] = []

    @Option(
        name: .long, help: ArgumentHelp("Timeout objective: the share of requests that time out.", valueName: "<=1%"))
    var timeouts: String?

    var isEmpty: Bool { slo.isEmpty && timeouts == nil }

    /// The objectives given, latency first; an error naming the flag for a bad or repeated one.
    func objectives() throws -> [Objective] {
        var objectives: [Objective] = []
        for text in slo {
            do throws(ObjectiveError) { objectives.append(try Objective.latency(text)) } catch {
                throw CLIError("--slo: \(error.message)")
            }
        }
        if let repeated = Dictionary(grouping: objectives, by: \.metric).first(where: { $0.value.count > 1 }) {
            throw CLIError(
                "--slo: two objectives on \(repeated.key.rawValue) "
                    + "(\(repeated.value.map(\.description).joined(separator: ", "))): give one per percentile")
        }
        if let timeouts {
            do throws(ObjectiveError) { objectives.append(try Objective.share(timeouts)) } catch {
                throw CLIError("--timeouts: \(error.message)")
            }
        }
        return objectives
    }

    /// `scenario` with these objectives in place of its own (the command line wins), if any were
    /// given; warns on standard error about latency objectives no response can break.
    func apply(to scenario: Scenario) throws -> Scenario {
        var scenario = scenario
        if !isEmpty { scenario.objectives = try objectives() }
        for objective in scenario.objectives
        where objective.isAlwaysMet(responseCapSeconds: scenario.clientTimeoutSeconds) {
            FileHandle.standardError.write(
                Data(
                    ("costsim: warning: \(objective) is always met: a response counts at most "
                        + "the client timeout (\(Format.duration(scenario.clientTimeoutSeconds))), so requests that "
                        + "time out do not break it; bound them with --timeouts or timedOut:\n").utf8))
        }
        return scenario
    }
}
