import CostModel
import Foundation
import Reports
import Scenarios
import Simulator

/// Input validation and report rendering speed. The tests check what these inputs do; how fast
/// they do it is measured here.
enum InputAndReportBenchmarks {
    /// A trace line whose one field is 20 MB, in CSV, JSONL and the Azure wall-clock format: the
    /// reader must stay linear in the line length (growing the buffer byte by byte took 15 s).
    static let longTraceField = Benchmark(
        name: "trace-long-field",
        summary: "Reading a trace whose one field is 20 MB (CSV, JSONL, Azure wall clock) until its error, best of 3"
    ) {
        let digits = String(repeating: "1", count: 20_000_000)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costsim-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines: [String] = []
        for (text, name, preset) in [
            ("arrival_seconds,work_size\n0,\(digits)\n", "t.csv", TraceFormat.costsim),
            ("{\"arrival_seconds\": 0, \"work_size\": \(digits)}\n", "t.jsonl", TraceFormat.costsim),
            ("TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.\(digits),1,1\n", "t.csv",
             TraceFormat.azureLLM),
        ] {
            let path = directory.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            var format = preset
            format.syntax = TraceFormat.syntax(forPath: name)
            var best = Double.infinity
            for _ in 0..<3 {
                let start = Benchmark.now()
                var source = try TraceFile.reader(path: path, format: format)
                do {
                    while try source.next() != nil {}
                    return "\(name): read without an error (expected one)"
                } catch {}
                best = min(best, Benchmark.now() - start)
            }
            lines.append("\(name) \(preset.timeColumn): \(String(format3: best * 1000)) ms")
        }
        return lines.joined(separator: "; ")
    }

    /// Opening the bundled price catalog from its file: every row is validated on opening.
    static let catalogOpen = Benchmark(
        name: "catalog-open",
        summary: "Opening (and validating) the bundled price catalog file, mean of 200 opens"
    ) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("costsim-bench-catalog-\(getpid()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PriceCatalog.bundled().write(to: path)
        let count = 200
        let (_, seconds) = try Benchmark.time {
            for _ in 0..<count { _ = try PriceCatalog(contentsOfFile: path) }
        }
        return "\(String(format3: seconds / Double(count) * 1000)) ms per open"
    }

    /// The stakeholder PDF, its HTML page and its PNGs for a 30-day run of the bundled scenario's options.
    static let report30Days = Benchmark(
        name: "report-30-days",
        summary: "Rendering the report of the bundled scenario (30 days, every option): "
            + "PDF and HTML best of 5, PNGs best of 3"
    ) {
        let scenario = try ScenarioLoader.load(path: "../scenarios/article-gke-t4.yaml")
        let calculator = CostCalculator(catalog: try PriceCatalog.bundled())
        let results = try scenario.options.map { try Simulation.run(scenario, option: $0) }
        let costs = try results.map { try calculator.price($0) }
        let input = ReportInput(scenarioName: scenario.name, results: results, costReports: costs)
        let renderer = ReportRenderer(input: input)
        var bestPDF = Double.infinity
        var size = 0
        for _ in 0..<5 {
            let (bytes, seconds) = try Benchmark.time { try renderer.pdfData() }
            size = bytes.count
            bestPDF = min(bestPDF, seconds)
        }
        var bestHTML = Double.infinity
        var htmlSize = 0
        for _ in 0..<5 {
            let (bytes, seconds) = try Benchmark.time { try HTMLReport(input: input).data() }
            htmlSize = bytes.count
            bestHTML = min(bestHTML, seconds)
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("costsim-bench-report-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var bestPNG = Double.infinity
        var files = 0
        for _ in 0..<3 {
            let (written, seconds) = try Benchmark.time { try renderer.writePNGs(directory: directory) }
            files = written.count
            bestPNG = min(bestPNG, seconds)
        }
        return "PDF \(size) bytes in \(String(format3: bestPDF * 1000)) ms; "
            + "HTML \(htmlSize) bytes in \(String(format3: bestHTML * 1000)) ms; "
            + "\(files) PNGs in \(String(format3: bestPNG * 1000)) ms"
    }
}
