import ArgumentParser

/// `costsim trace`: make and examine request traces.
struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Generate synthetic traces and inspect trace files.",
        discussion: """
            Examples:
              costsim trace generate -o day.csv --days 1
              costsim trace inspect day.csv
            """,
        subcommands: [TraceGenerateCommand.self, TraceInspectCommand.self])
}
