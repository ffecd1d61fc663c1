import Foundation

/// The command line as a user runs it: the release binary of the package one level up
/// (`swift build -c release` there first), timed from the outside, best of 5.
enum CommandBenchmarks {
    /// The README's main command (`costsim run --report DIR`: tables, PDF, PNGs and the HTML
    /// report), and `costsim report` with and without `--html` to show what the HTML adds.
    static let readmeCommand = Benchmark(
        name: "readme-command",
        summary: "costsim run --report DIR (the README's main command), and report with and without --html, best of 5"
    ) {
        let binary = "../.build/release/costsim"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return "no \(binary): run `swift build -c release` in the repository first"
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costsim-bench-cli-\(getpid())")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let commands: [(String, [String])] = [
            ("run --report", ["run", "--report", directory + "/out", "--output", directory + "/summary.txt"]),
            ("report (PDF)", ["report", "-o", directory + "/r.pdf"]),
            ("report --html", ["report", "-o", directory + "/r.pdf", "--html", directory + "/r.html"]),
        ]
        var lines: [String] = []
        for (label, arguments) in commands {
            var best = Double.infinity
            for _ in 0..<5 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                let start = Benchmark.now()
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    return "\(label): exit status \(process.terminationStatus)"
                }
                best = min(best, Benchmark.now() - start)
            }
            lines.append("\(label) \(String(format3: best)) s")
        }
        return lines.joined(separator: "; ")
    }
}
