import ArgumentParser
import Foundation

/// `costsim scenario list`: every bundled file with its kind and the first line of its header comment.
struct ScenarioListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the bundled scenarios, grids, manifest and traces.",
        discussion: """
            Examples:
              costsim scenario list
              costsim scenario list --format json -o bundled.json
            """)

    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @OptionGroup var output: ResultOutput

    /// One bundled file, as JSON and CSV list it.
    struct Entry: Encodable {
        var name, kind, description: String
    }

    struct Document: Encodable {
        var schemaVersion = JSONOutput.schemaVersion
        var files: [Entry]
    }

    func run() async throws {
        let outputFile = try output.check(inputs: [])
        let entries = BundledFiles.all.map {
            Entry(name: $0.name, kind: BundledScenarios.kind(of: $0), description: Self.description(of: $0))
        }
        let text: String
        switch format {
        case .table:
            var table = TextTable([("name", .left), ("kind", .left), ("description", .left)])
            for entry in entries { table.add([entry.name, entry.kind, entry.description]) }
            text = table.render() + "\n"
        case .json:
            text = try JSONOutput.text(Document(files: entries))
        case .csv:
            text = CSVText.document(
                header: ["name", "kind", "description"],
                rows: entries.map { [$0.name, $0.kind, $0.description].map(CSVText.field) })
        }
        try output.emit(text, to: outputFile)
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
