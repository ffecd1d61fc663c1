import Foundation
import Testing

/// `costsim report --html`: the HTML page alone or beside the PDF and PNGs, escaped, checked
/// before simulating, and written with the other files or not at all.
@Suite struct ReportHTMLCommandTests {
    static let scenario = """
        name: "tiny <b>"
        workload:
          generate: {days: 1, speechMinutesPerDay: 60}
        options:
          - name: "<script>alert(1)</script>"
            dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
        """

    static func setUp() throws -> URL {
        let directory = CLIRunner.temporaryDirectory()
        try scenario.write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    static func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// `--html` without `-o` writes the page and no PDF; names from the scenario are escaped.
    @Test func htmlAloneWritesOnlyThePage() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["report", "--scenario", "s.yaml", "--html", "r.html"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.hasSuffix("wrote r.html\n"), "\(outcome.standardError)")
        #expect(try Self.files(in: directory) == ["r.html", "s.yaml"])
        let html = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(html.contains("Scenario tiny &lt;b&gt;"))
        #expect(!html.contains("<script") && !html.contains("<b>"))
    }

    /// The bundled scenario under `--timeouts "<=1%"`: page 1 names warm-pool, with scale-to-zero's
    /// breach beside its price, in the same weight.
    @Test func theBundledReportNamesWarmPoolUnderATimeoutObjective() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["report", "--timeouts", "<=1%", "--html", "r.html"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(
            html.contains(
                "<p class=\"verdict\">Run warm-pool: $311 a month, 27% cheaper than dedicated ($428), "
                    + "and it meets every objective (timed out ≤ 1%).</p>"), "\(html.prefix(4000))")
        #expect(
            html.contains(
                "<ul class=\"breaches\">\n<li>scale-to-zero: $285 a month, but 11.5% of requests time out "
                    + "(objective ≤ 1%).</li>"))
        #expect(html.contains("<span class=\"value\">$311</span>"))
    }

    /// With `-o` and `--png-dir` too, all three outputs are written and named in one message;
    /// a second run writes the same page byte for byte.
    @Test func htmlBesidePDFAndPNGs() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["report", "--scenario", "s.yaml", "-o", "r.pdf", "--html", "r.html", "--png-dir", "png"]
        let outcome = try CLIRunner.run(arguments, in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let pngs = try Self.files(in: directory.appendingPathComponent("png"))
        #expect(pngs.count == 4)  // latency CDF, the option's timeline, monthly cost, break-even
        #expect(
            outcome.standardError.hasSuffix("wrote r.pdf, r.html and 4 charts (PNG) in png\n"),
            "\(outcome.standardError)")
        #expect(try Self.files(in: directory) == ["png", "r.html", "r.pdf", "s.yaml"])
        let first = try Data(contentsOf: directory.appendingPathComponent("r.html"))
        #expect(try CLIRunner.run(arguments, in: directory).status == 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("r.html")) == first)
    }

    @Test func htmlAndPDFMustBeDifferentFiles() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["report", "--scenario", "s.yaml", "-o", "r", "--html", "./r"], in: directory)
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("--output and --html name the same file (r and ./r)"),
            "\(outcome.standardError)")
        #expect(try Self.files(in: directory) == ["s.yaml"])
    }

    /// A page that cannot be written stops the report before it runs: no PDF, no PNG.
    @Test func unwritableHTMLWritesNothing() throws {
        let directory = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page")
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: false)
        let outcome = try CLIRunner.run(
            ["report", "--scenario", "s.yaml", "-o", "r.pdf", "--html", "page", "--png-dir", "png"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cannot write page: it is a directory"), "\(outcome.standardError)")
        #expect(try Self.files(in: directory) == ["page", "s.yaml"])
        #expect(try Self.files(in: page).isEmpty)
    }
}
