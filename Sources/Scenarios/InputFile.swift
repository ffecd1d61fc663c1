import Simulator

/// Reads a YAML input file (scenario, manifest, grid) as UTF-8 text, with the same checks and
/// errors for every kind of file (``Simulator/TextInput``): a regular file, UTF-8, and at most
/// ``maxBytes``, checked before it is read (parsing takes about twice a file's size in memory).
package enum InputFile {
    /// 16 MiB: hundreds of times the largest real scenario, manifest or grid.
    package static let maxBytes = 16 * 1024 * 1024

    package static func text(atPath path: String) throws(ScenarioFileError) -> String {
        try TextInput.readText(path, maxBytes: maxBytes, kind: "a YAML input (scenario, manifest or grid)")
    }
}
