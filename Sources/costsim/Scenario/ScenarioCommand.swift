import ArgumentParser

/// `costsim scenario`: the scenarios bundled with costsim, as starting points for your own.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "List and print the scenarios, grids and manifest bundled with costsim.",
        discussion: """
            Example: start your own scenario from the bundled article scenario and run it:
              costsim scenario show article-gke-t4 > my-gke.yaml
              costsim run --scenario my-gke.yaml
            """,
        subcommands: [ScenarioListCommand.self, ScenarioShowCommand.self])
}
