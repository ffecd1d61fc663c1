import ArgumentParser
import Storage

/// `--output`/`-o` of a command that prints one result (beside its `--format`, ``ResultFormat``):
/// the file is checked before any work starts and written atomically at the end.
struct ResultOutput: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the result to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    /// The checked `--output` file; call before running anything (and after inputs are known).
    func check(inputs: [(option: String, path: String?)]) throws -> OutputFile? {
        try AtomicFile.refuseSameFile(outputs: [("--output", output)], inputs: inputs)
        return try output.map { try OutputFile(checking: $0, option: "--output") }
    }

    /// Prints `text`, or writes it to the checked file.
    func emit(_ text: String, to file: OutputFile?) throws {
        guard let file else { return print(text, terminator: "") }
        try OutputBatch.write { batch in try batch.add(text, to: file) }
    }
}
