import ArgumentParser
import Foundation

/// `costsim scenario show NAME`: a bundled file, byte for byte, on standard output.
struct ScenarioShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a bundled scenario, grid, manifest or trace, as a starting point for your own file.",
        discussion: """
            Example: costsim scenario show article-gke-t4 > my-gke.yaml
            A bundled scenario that replays a trace names it relative to itself: copy the trace too
            (costsim scenario show AzureLLMInferenceTrace_code.csv > AzureLLMInferenceTrace_code.csv).
            """)

    @Argument(help: "A name from 'costsim scenario list' (.yaml may be left out).")
    var name: String

    func run() async throws {
        guard let file = BundledScenarios.file(named: name) else {
            throw CLIError("no bundled file named '\(name)'; 'costsim scenario list' lists them")
        }
        FileHandle.standardOutput.write(Data(file.text.utf8))
    }
}
