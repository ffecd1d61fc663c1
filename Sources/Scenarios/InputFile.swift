import Foundation

/// Reads a YAML input file (scenario, manifest, grid) as UTF-8 text, with the same error for
/// every kind of file.
package enum InputFile {
    package static func text(atPath path: String) throws(ScenarioFileError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioFileError(file: path, message: FileManager.default.fileExists(atPath: path) ? "cannot read file" : "file not found")
        }
    }
}
