import Foundation

/// The costsim command lines of a Markdown document's ```sh blocks.
enum ReadmeCommands {
    /// Each `costsim …` line (continuations joined, trailing `# comment` removed), and the
    /// `.build/release/costsim …` tail of a set-up line, as `costsim …`; other lines are set-up.
    static func extract(from markdown: String) -> [String] {
        var commands: [String] = []
        var inShell = false
        var pending = ""
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            guard inShell else { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast().trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            let logical = stripComment(pending + line)
            pending = ""
            if logical.hasPrefix("costsim ") || logical == "costsim" {
                commands.append(logical)
            } else if let release = logical.range(of: ".build/release/costsim ") {
                commands.append("costsim " + logical[release.upperBound...])
            }
        }
        return commands
    }

    /// The paths a command writes: `-o`/`--output`, `--report`, `--png-dir`, `--html`, `--db`, `--chart`,
    /// `--fragment` values and `>` targets.
    static func writtenPaths(of command: String) -> [String] {
        let outputOptions: Set<String> = [
            "-o", "--output", "--report", "--png-dir", "--html", "--db", "--chart", "--fragment", ">",
        ]
        let tokens = words(command)
        var paths: [String] = []
        for (index, token) in tokens.enumerated() {
            if outputOptions.contains(token), index + 1 < tokens.count {
                paths.append(tokens[index + 1])
            } else if let equals = token.firstIndex(of: "="), outputOptions.contains(String(token[..<equals])) {
                paths.append(String(token[token.index(after: equals)...]))
            }
        }
        return paths
    }

    /// The command's words, shell quotes removed (enough for README lines: no escapes, no variables).
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `line` without a `#` comment that starts a word outside quotes, trimmed.
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var kept = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " {
                break
            }
            kept.append(character)
            previous = character
        }
        return kept.trimmingCharacters(in: .whitespaces)
    }
}
