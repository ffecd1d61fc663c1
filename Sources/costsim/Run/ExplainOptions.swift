import ArgumentParser
import Scenarios
import Simulator

/// `--explain` and what narrows it: the actors (`--explain-actor`) and a window of simulated
/// time (`--explain-from`, `--explain-to`). A narrowing option implies `--explain`.
struct ExplainOptions: ParsableArguments {
    @Flag(name: .long, help: "Also print every scaling decision (time, actor, inputs, rule) — why a node stayed up.")
    var explain = false

    @Option(name: .customLong("explain-actor"), help: ArgumentHelp(
        "Only this actor's decisions (repeatable): \(ExplainOptions.actorNames), case-insensitive.",
        valueName: "actor"))
    var actors: [String] = []

    @Option(name: .customLong("explain-from"), help: ArgumentHelp(
        "Only decisions at or after this simulated time (90, 10m, 1h30m, 2d).", valueName: "duration"))
    var from: String?

    @Option(name: .customLong("explain-to"), help: ArgumentHelp(
        "Only decisions before this simulated time.", valueName: "duration"))
    var to: String?

    static let actorNames = ScalingDecision.Actor.allCases.map(\.rawValue).joined(separator: ", ")

    /// The decisions to print, or nil without --explain.
    struct Filter {
        var actors: Set<ScalingDecision.Actor>
        var from: Double
        var to: Double

        func includes(_ decision: ScalingDecision) -> Bool {
            (actors.isEmpty || actors.contains(decision.actor))
                && decision.timeSeconds >= from && decision.timeSeconds < to
        }
    }

    var isEnabled: Bool { explain || !actors.isEmpty || from != nil || to != nil }

    func validate() throws { _ = try filter() }

    func filter() throws -> Filter? {
        guard isEnabled else { return nil }
        let actors = try self.actors.map { name in
            // The log's names; "Knative" also names Knative's autoscaler, KPA.
            let wanted = name.lowercased() == "knative" ? "kpa" : name.lowercased()
            guard let actor = ScalingDecision.Actor.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else {
                throw ValidationError(
                    "--explain-actor: unknown actor '\(name)'; use one of \(Self.actorNames) (or Knative for KPA).")
            }
            return actor
        }
        let from = try from.map { try Self.seconds($0, option: "--explain-from") } ?? 0
        let to = try to.map { try Self.seconds($0, option: "--explain-to") } ?? .infinity
        guard from < to else { throw ValidationError("--explain-from must be before --explain-to.") }
        return Filter(actors: Set(actors), from: from, to: to)
    }

    /// A duration as the scenario file writes one (`90`, `10m`, `1.5h`, `2d`) or in Go syntax (`1h30m`).
    static func seconds(_ text: String, option: String) throws -> Double {
        guard let seconds = DecimalNumber.seconds(text) ?? ConfigNode.parseGoDuration(text), seconds >= 0 else {
            throw ValidationError("\(option): '\(text)' is not a duration (e.g. 600, 10m, 1h30m).")
        }
        return seconds
    }
}
