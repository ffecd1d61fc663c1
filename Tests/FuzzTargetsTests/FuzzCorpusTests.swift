import Foundation
import FuzzTargets
import Testing

/// Replays the fuzz corpora through every parser, so what the fuzzer found stays fixed.
///
/// `Fuzz/corpus/TARGET` holds valid seed inputs: each must be accepted, which shows the
/// target reaches past the parser's first checks. `Fuzz/regressions/TARGET` holds inputs
/// that once crashed or hung a parser: each must now be refused with a message.
@Suite("Fuzz corpora: seeds are accepted, past crashers are refused")
struct FuzzCorpusTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func files(_ kind: String, _ target: FuzzTarget) -> [String] {
        let directory = fuzzDirectory.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    @Test("every target has a seed corpus, and every seed is accepted", arguments: FuzzTarget.allCases)
    func seedsAreAccepted(target: FuzzTarget) {
        let seeds = Self.files("corpus", target)
        #expect(!seeds.isEmpty, "Fuzz/corpus/\(target.rawValue) is empty")
        for path in seeds {
            if case .rejected(let message) = target.run(path: path) {
                Issue.record("\(path) was refused: \(message)")
            }
        }
    }

    @Test("every past crasher is refused with a message naming the file", arguments: FuzzTarget.allCases)
    func regressionsAreRefused(target: FuzzTarget) {
        for path in Self.files("regressions", target) {
            switch target.run(path: path) {
            case .accepted(let summary): Issue.record("\(path) was accepted: \(summary)")
            case .rejected(let message): #expect(message.contains(path), "\(path): \(message)")
            }
        }
    }
}
