import ArgumentParser
import Foundation

/// `costsim scenario list`: every bundled file with its kind and the first line of its header comment.
struct ScenarioListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the bundled scenarios, grids, manifest and traces.",
        discussion: "Example: costsim scenario list")

    func run() async throws {
        var table = TextTable([("name", .left), ("kind", .left), ("description", .left)])
        for file in BundledFiles.all {
            table.add([file.name, BundledScenarios.kind(of: file), Self.description(of: file)])
        }
        print(table.render())
    }

    /// The first line of the file's header comment that is not a command line; a trace's columns
    /// (a rate file has no header line).
    static func description(of file: (name: String, text: String)) -> String {
        let lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if BundledScenarios.kind(of: file) == "trace" {
            let header = lines.first?.first?.isLetter == true
            return header ? "columns " + lines[0] : "per-window request rates (ServeGen layout)"
        }
        let comment = lines.prefix { $0.hasPrefix("#") }.map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }
        return comment.first { !$0.hasPrefix("costsim ") } ?? ""
    }
}
