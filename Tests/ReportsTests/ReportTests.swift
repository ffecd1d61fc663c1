import Glibc
import Testing
@testable import Reports

@Suite struct ReportTests {
    @Test func pdfHasSummaryAssumptionsAndOnePagePerChart() throws {
        let input = try Fixtures.reportInput()
        let pdf = try ReportRenderer(input: input).pdfData()
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        // summary + findings + assumptions + CDF + 1 timeline + cost + break-even + Pareto
        #expect(input.charts.count == 5)
        #expect(DocumentChecks.pdfPageCount(pdf) == 8)
        var withoutFindings = input
        withoutFindings.findings = []
        #expect(DocumentChecks.pdfPageCount(try ReportRenderer(input: withoutFindings).pdfData()) == 7)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("2020"))  // fixed creation date
    }

    @Test func longAssumptionTablesContinueOnMorePages() throws {
        var input = try Fixtures.reportInput(days: 1)
        input.assumptions = (0..<60).map {
            AssumptionRow(
                item: "price \($0)", value: "$\($0).00 per hour", source: "https://example.com/\($0)",
                date: "2026-11-01")
        }
        let pdf = try ReportRenderer(input: input).pdfData()
        #expect(DocumentChecks.pdfPageCount(pdf) >= 8)
    }

    @Test func reportIsByteIdenticalAcrossRenders() throws {
        let renderer = ReportRenderer(input: try Fixtures.reportInput(days: 1))
        #expect(try renderer.pdfData() == renderer.pdfData())
    }

    @Test func pageOneAnswersInPlainWords() throws {
        let summary = ReportSummary(try Fixtures.reportInput())
        // One simulated option (dedicated, 0.72 % timed out): the default objective allows one point more.
        #expect(summary.verdict.sentence == "dedicated: $257 a month; it meets every objective (timed out ≤ 1.72%).")
        #expect(summary.verdict.breachSentences.isEmpty)
        #expect(summary.sentences.contains { $0.hasPrefix("95% of requests get their answer within") })
        #expect(summary.keyFigures.map(\.value) == ["$257", "29.8 s"])
        #expect(summary.figures.first?.monthlyDollars == Fixtures.costs[0].totalDollars)
    }

    @Test func writesFilesAtomicallyAndLeavesNoTemporaries() throws {
        let directory = "/tmp/costsim-reports-test-\(getpid())"
        defer { _ = system("rm -rf '\(directory)'") }
        let renderer = ReportRenderer(input: try Fixtures.reportInput(days: 1))
        let paths = try renderer.writePNGs(directory: directory)
        #expect(paths.count == 5)
        #expect(Set(paths).count == paths.count)
        for path in paths { #expect(access(path, R_OK) == 0) }
        try renderer.writePDF(to: directory + "/report.pdf")
        #expect(access(directory + "/report.pdf", R_OK) == 0)
        let listing = try #require(opendir(directory))
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            #expect(!name.contains(".tmp-"), "left a temporary file \(name)")
        }
    }

    @Test func failedWriteThrowsAndLeavesNothing() throws {
        let renderer = ReportRenderer(input: ReportInput(scenarioName: "x", results: []))
        #expect(throws: ReportError.self) { try renderer.writePDF(to: "/nonexistent-dir-costsim/report.pdf") }
        #expect(throws: ReportError.self) { try renderer.writePNGs(directory: "/proc/costsim-cannot-exist/png") }
    }
}
