import Foundation
import Simulator
@testable import CostModel

/// Shared helpers for CostModel tests: temporary directories, repository paths, node runs.
enum TestSupport {
    /// The repository root (two levels above this file's folder).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/NAME`: data vendored for tests (origin and licence in its README).
    static func fixture(_ name: String) -> URL { repositoryRoot.appendingPathComponent("Tests/Fixtures/" + name) }

    /// A fresh empty directory under the system temp folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("costmodel-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// A run of `seconds` of `machine` with all time in `state`.
    static func run(
        _ machine: NodeSpec, id: Int = 0, pool: String = "gpu-pool", start: Double = 0, seconds: Double,
        state: NodeState = .serving
    ) -> NodeRun {
        var durations = NodeStateDurations()
        durations[state] = seconds
        return NodeRun(
            nodeID: id, pool: pool, machine: machine, startSeconds: start, endSeconds: start + seconds,
            readySeconds: start, runningAtEnd: false, durations: durations)
    }

    static func dollars(_ text: String) -> Money {
        guard let money = Money(dollars: text) else { preconditionFailure("bad test amount \(text)") }
        return money
    }

    static func rate(_ text: String) -> HourlyRate {
        guard let rate = HourlyRate(dollarsPerHour: text) else { preconditionFailure("bad test rate \(text)") }
        return rate
    }

    static var spotArticleGPU: NodeSpec {
        var node = NodeSpec.articleGPU
        node.spot = true
        return node
    }
}
