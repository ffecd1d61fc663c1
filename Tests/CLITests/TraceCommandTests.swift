import Foundation
import Testing

@Suite struct TraceCommandTests {
    @Test func generateThenInspect() throws {
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("week.csv").path
        let generated = try CLIRunner.run(["trace", "generate", "--out", trace, "--days", "7", "--seed", "5"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "arrival_seconds,work_size")
        // 1,200 requests a day on average: a week is Poisson(8,400), sd ≈ 92.
        #expect(abs(lines.count - 1 - 8400) < 500)

        let again = directory.appendingPathComponent("again.csv").path
        _ = try CLIRunner.run(["trace", "generate", "--out", again, "--days", "7", "--seed", "5"])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == text)

        let inspected = try CLIRunner.run(["trace", "inspect", trace])
        #expect(inspected.status == 0)
        #expect(inspected.standardOutput.contains("requests  \(formatCount(lines.count - 1))"))
        #expect(inspected.standardOutput.contains("longest gaps"))
    }

    @Test func inspectsTheMooncakeTrace() throws {
        let path = CLIRunner.repositoryRoot.appendingPathComponent("../shared/data/traces/mooncake_conversation_trace.jsonl").standardized.path
        let outcome = try CLIRunner.run(["trace", "inspect", path, "--preset", "mooncake"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("requests  12,031"))
    }

    @Test func inspectReportsBadRowsWithLineAndField() throws {
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("bad.csv")
        try "arrival_seconds,work_size\n0,1\n-\n".write(to: trace, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["trace", "inspect", trace.path])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("bad.csv:3"))
    }

    @Test func generateRejectsImpossibleSizesAndLeavesNoFile() throws {
        let directory = CLIRunner.temporaryDirectory()
        let trace = directory.appendingPathComponent("t.csv").path
        let outcome = try CLIRunner.run(["trace", "generate", "--out", trace, "--size-mean", "20", "--size-p95", "10"])
        #expect(outcome.status != 0)
        #expect(!FileManager.default.fileExists(atPath: trace))
    }

    func formatCount(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
