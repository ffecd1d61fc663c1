import ArgumentParser

/// `costsim trace`: make and examine request traces.
struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Generate synthetic traces and inspect trace files.",
        subcommands: [TraceGenerateCommand.self, TraceInspectCommand.self])
}
