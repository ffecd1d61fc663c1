import Analysis
import Simulator
import Testing
@testable import Reports

/// Requests a platform rejected show beside the timed-out ones wherever the failed share is
/// printed; with none, the texts are those of a run without rejections.
@Suite struct RejectedRequestTextTests {
    /// A dedicated baseline with no failure and a cheaper platform option of which 120 of 1,000
    /// requests failed: 31 rejected, 89 timed out.
    static func input(rejected: Int) -> ReportInput {
        var input = ReportInput(scenarioName: "rejections", results: [])
        let options = [("dedicated", 400.0, 0, 0), ("sagemaker", 100.0, 120, rejected)]
        input.figures = options.map { name, dollars, failed, rejected in
            var response = LatencyDistribution()
            for _ in 0..<(1000 - rejected) { response.record(10) }
            var figures = OptionFigures(
                name: name, monthlyDollars: dollars, response: response.summary,
                coldStartWait: LatencyDistribution().summary, arrived: 1000, timedOut: failed, waitedForColdStart: 0,
                clientTimeoutSeconds: 60, horizonSeconds: 86_400)
            figures.rejected = rejected
            return figures
        }
        input.baselineOptionName = "dedicated"
        input.objectives = [Objective(metric: .timedOut, threshold: 0.01)]
        return input
    }

    @Test func theTableTheSentencesAndTheBreachNameTheRejected() throws {
        let summary = ReportSummary(Self.input(rejected: 31))
        #expect(summary.tableHeader[6] == "Timed out or rejected")
        #expect(summary.tableRows[1][6] == "12% (120, 31 rejected)")
        #expect(summary.tableRows[0][6] == "0% (0)")
        #expect(summary.sentences.contains(
            "With sagemaker, the platform rejected 31 of 1,000 requests (3.1%) with an error; they count as "
                + "failed, like a timeout."))
        #expect(summary.sentences.contains(
            "With sagemaker, 89 of 1,000 requests (8.9%) gave up at the 60 s client timeout."))
        let breach = try #require(summary.verdict.breachSentences.first)
        #expect(breach.contains("12% of requests time out or are rejected (3.1% rejected) (objective ≤ 1%)"))
    }

    @Test func withoutRejectionsTheTextsAreTheTimeoutOnes() throws {
        let summary = ReportSummary(Self.input(rejected: 0))
        #expect(summary.tableHeader[6] == "Timed out")
        #expect(summary.tableRows[1][6] == "12% (120)")
        #expect(summary.sentences.contains(
            "With sagemaker, 120 of 1,000 requests (12%) gave up at the 60 s client timeout."))
        #expect(!summary.sentences.contains { $0.contains("rejected") })
        let breach = try #require(summary.verdict.breachSentences.first)
        #expect(breach.contains("12% of requests time out (objective ≤ 1%)"))
    }

    @Test func aPercentileIsCappedOnlyByTimeoutsNotByRejections() {
        // Every answered request took the full 60 s timeout: with only rejections among the failed,
        // 60 s is a measured time; with timeouts, it is the cap ("≥ 60 s").
        var response = LatencyDistribution()
        for _ in 0..<10 { response.record(60) }
        var figures = OptionFigures(
            name: "sagemaker", monthlyDollars: nil, response: response.summary,
            coldStartWait: LatencyDistribution().summary, arrived: 12, timedOut: 2, waitedForColdStart: 0,
            clientTimeoutSeconds: 60, horizonSeconds: 3600)
        #expect(figures.isCapped(60))
        figures.rejected = 2
        #expect(!figures.isCapped(60))
        #expect(figures.failedLabel == "timed out or rejected")
    }
}
