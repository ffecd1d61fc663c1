import Foundation

/// Headless Chromium (Debian's `chromium` package) for the HTML report tests: loads a local page,
/// dumps its DOM or takes a screenshot, and reports what the page logged to its console.
enum Chromium {
    /// The browser binary; `CHROMIUM` overrides it.
    static let path = Environment.value("CHROMIUM") ?? "/usr/bin/chromium"

    static let missingMessage = """
        the HTML report tests need Chromium at \(path): install it with `sudo apt-get install -y chromium` \
        (bash scripts/setup.sh does), or set CHROMIUM to the browser binary
        """

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// What one run of the browser produced.
    struct Outcome {
        var status: Int32
        var standardOutput: String
        /// The console messages (`…:CONSOLE…` log lines: script errors, blocked loads, console.*).
        var consoleMessages: [String]
        var standardError: String
    }

    /// Runs headless Chromium with `arguments` on the file at `page`, with a fresh profile in
    /// `directory`; the browser is stopped after two minutes.
    static func run(_ arguments: [String], page: String, directory: String) throws -> Outcome {
        let output = directory + "/chromium-stdout-\(UUID().uuidString)"
        let error = directory + "/chromium-stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        _ = FileManager.default.createFile(atPath: error, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(directory)/profile-\(UUID().uuidString)", "--enable-logging=stderr", "--v=0",
        ] + arguments + [URL(fileURLWithPath: page).absoluteString]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: error))
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let standardError = try String(contentsOfFile: error, encoding: .utf8)
        return Outcome(
            status: process.terminationStatus, standardOutput: try String(contentsOfFile: output, encoding: .utf8),
            consoleMessages: standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init),
            standardError: standardError)
    }

    /// `text` as Chromium serialises a text node in a dumped DOM.
    static func serialized(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
    }
}
