import Foundation
import Testing

/// The repository stands alone: nothing it ships points at files beside or outside it. (`.ci/run`
/// also runs the suite in a fresh clone with nothing beside it.)
@Suite struct StandaloneRepositoryTests {
    /// Where a reference to files outside the repository would appear.
    static let shipped = [
        "README.md", "Package.swift", "docs", "Sources", "Tests", "scenarios", "scripts", "pricing", "deploy",
        "Benchmarks/Package.swift", "Benchmarks/Sources", ".ci",
    ]

    /// Spelled in pieces so that this file does not match itself.
    static let outsidePaths = [
        "../" + "shared", "shared" + "/data/", "shared" + "/reference/", "shared" + "/seed/", "/" + "work/",
    ]

    @Test("no shipped file names a path beside or outside the repository, or a machine path")
    func nothingPointsOutside() throws {
        var found: [String] = []
        for entry in Self.shipped {
            let root = CLIRunner.repositoryRoot.appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else { continue }
            let contents = isDirectory.boolValue ? FileManager.default.enumerator(atPath: root.path)?.allObjects : nil
            let names = contents.map { $0.compactMap { $0 as? String } }
            let files = names.map { $0.map { root.appendingPathComponent($0) } } ?? [root]
            for file in files where ["swift", "md", "yaml", "sh", "csv", "jsonl", ""].contains(file.pathExtension) {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                for path in Self.outsidePaths where text.contains(path) {
                    found.append("\(file.path.dropFirst(CLIRunner.repositoryRoot.path.count + 1)): \(path)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
