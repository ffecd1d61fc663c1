import ArgumentParser
import CostModel

/// `costsim`: what scaling GPU nodes to zero really costs, and how long users wait.
@main
struct CostSim: AsyncParsableCommand {
    /// The release version, printed by `costsim --version`.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "costsim",
        abstract: "Simulate and price GPU inference: dedicated servers vs scale-to-zero with KEDA.",
        discussion: """
            Examples:
              costsim run              # the bundled article scenario, from any directory
              costsim report -o report.pdf
              costsim recommend --grid scenarios/grid-keda.yaml --slo "p95<=30s"
            """,
        subcommands: [
            RunCommand.self,
            ReportCommand.self,
            ScenarioCommand.self,
            TraceCommand.self,
            PricingCommand.self, ArticleCommand.self,
            SweepCommand.self, RecommendCommand.self, DiffCommand.self, CalibrateCommand.self, ValidateCommand.self,
        ],
        defaultSubcommand: nil
    )

    // Not argument-parser's `version:`, which is evaluated on every run: the snapshot date needs the catalog.
    @Flag(name: .long, help: "Print the version and the date of the bundled price catalog's newest snapshot.")
    var version = false

    func run() async throws {
        guard version else { throw CleanExit.helpRequest(self) }
        let newest = try PriceCatalog.bundled().snapshots()
            .max { ($0.effectiveDate, $0.name) < ($1.effectiveDate, $1.name) }
        print("costsim \(Self.version)")
        print("bundled prices: snapshot \(newest?.name ?? "-") (effective \(newest?.effectiveDate ?? "-"))")
    }
}
