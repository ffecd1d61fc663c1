import ArgumentParser

/// `costsim`: what scaling GPU nodes to zero really costs, and how long users wait.
@main
struct CostSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costsim",
        abstract: "Simulate and price GPU inference: dedicated servers vs scale-to-zero with KEDA.",
        discussion: """
            Examples:
              costsim run
              costsim report -o report.pdf
              costsim recommend --grid scenarios/grid-keda.yaml --slo "p95<=30s"
            """,
        subcommands: [
            RunCommand.self,
            ReportCommand.self,
            TraceCommand.self,
            PricingCommand.self, ArticleCommand.self,
            SweepCommand.self, RecommendCommand.self, DiffCommand.self,
        ],
        defaultSubcommand: nil
    )
}
