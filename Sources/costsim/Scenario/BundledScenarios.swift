import Foundation
#if canImport(Glibc)
import Glibc
import Storage
#endif
import Synchronization

/// The scenarios, grids, manifest and trace compiled into costsim (``BundledFiles``), found by
/// name, and written out to a private temporary directory when one is read: the loaders and trace
/// readers read files, and a bundled scenario's relative paths (its trace) resolve beside it there.
/// The directory lives until the process exits (also on SIGINT/SIGTERM, through ``TemporaryFiles``).
enum BundledScenarios {
    /// The scenario `costsim run` runs without `--scenario`.
    static let defaultScenario = "article-gke-t4.yaml"

    /// What a bundled file is, by its content.
    static func kind(of file: (name: String, text: String)) -> String {
        if file.name.hasSuffix(".csv") { return "trace" }
        let topLevelKeys = file.text.split(whereSeparator: \.isNewline).filter { $0.first?.isLetter == true }
        if topLevelKeys.contains(where: { $0.hasPrefix("kind:") }) { return "manifest" }
        if topLevelKeys.contains(where: { $0.hasPrefix("options:") }) { return "scenario" }
        return "grid"
    }

    /// The bundled file called `name`, with or without its `.yaml` extension.
    static func file(named name: String) -> (name: String, text: String)? {
        BundledFiles.all.first { $0.name == name || $0.name == name + ".yaml" }
    }

    /// The file to read for a command-line argument naming a scenario, grid or manifest: the file
    /// at `argument` if one exists, else the bundled file of that name, else an error naming
    /// `flag` and the bundled names.
    static func path(for argument: String, flag: String) throws -> String {
        if FileManager.default.fileExists(atPath: argument) { return argument }
        if let bundled = file(named: argument) { return try materializedPath(of: bundled.name) }
        let names = BundledFiles.all.filter { kind(of: $0) != "trace" }.map(\.name).joined(separator: ", ")
        throw CLIError("\(flag): \(argument): file not found, and no bundled file has that name (bundled: \(names))")
    }

    /// The path of the bundled file `name` in the process's copy of the bundle (written on first use).
    static func materializedPath(of name: String) throws -> String {
        let directory = try directory.withLock { directory in
            if let existing = directory { return existing }
            let created = try writeBundle()
            directory = created
            return created
        }
        return directory + "/" + name
    }

    /// `path` as shown to users: a file of the bundle's copy as `bundled NAME`, others unchanged.
    static func displayPath(_ path: String) -> String {
        guard let directory = directory.withLock({ $0 }), path.hasPrefix(directory + "/") else { return path }
        return "bundled " + path.dropFirst(directory.count + 1)
    }

    // MARK: The copy on disk

    private static let directory = Mutex<String?>(nil)
    nonisolated(unsafe) private static var written: [(path: String, registration: TemporaryFiles.Registration?)] = []

    /// Writes every bundled file into a new `mkdtemp` directory (mode 0700), registers the files
    /// and the directory for removal on interrupt, and removes them at exit.
    private static func writeBundle() throws -> String {
        let pattern = (NSTemporaryDirectory() as NSString).appendingPathComponent("costsim-bundled-XXXXXX")
        var template = Array(pattern.utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            let reason = String(cString: strerror(errno))
            throw CLIError("cannot create a temporary directory for the bundled scenarios: \(reason)")
        }
        let directory = String(cString: created)
        written.append((directory, TemporaryFiles.register(directory, kind: .directory)))
        atexit { BundledScenarios.removeBundle() }
        for file in BundledFiles.all {
            let path = directory + "/" + file.name
            written.append((path, TemporaryFiles.register(path, kind: .file)))
            do {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw CLIError("cannot write the bundled \(file.name) to \(directory): \(error.localizedDescription)")
            }
        }
        return directory
    }

    /// Removes the copy: files first, then the directory.
    private static func removeBundle() {
        for entry in written.reversed() {
            _ = entry.path == written.first?.path ? rmdir(entry.path) : unlink(entry.path)
            entry.registration?.release()
        }
        written = []
    }
}
