import ArgumentParser

/// `--format` of a command that prints one result: a table for people, JSON or CSV for programs
/// (docs/json.md). `diff` also writes markdown.
enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    static let help = ArgumentHelp("Output format: table, json or csv (keys and money as in docs/json.md).")
}
