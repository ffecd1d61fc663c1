import Foundation
import Testing

/// Every kind of bad input a hostile or careless user can give, through the CLI: each must end
/// with a non-zero exit, a message naming the file (and line and field where there is one), and
/// no output created or replaced. The inputs are made in a fresh directory per case.
@Suite("Bad inputs: clear error, non-zero exit, no output touched")
struct BadInputCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files to create: name → bytes (`nil` makes a FIFO).
        var files: [String: [UInt8]?]
        /// Arguments; `OUT` stands for the output path.
        var arguments: [String]
        /// Fragments the error must contain, in order: the file first, then line and field.
        var expected: [String]
        var testDescription: String { name }
    }

    static func text(_ string: String) -> [UInt8]? { Array(string.utf8) }
    static func utf16(_ string: String) -> [UInt8]? {
        [0xFF, 0xFE] + string.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static let priceHeader = "snapshot,effective_date,provider,region,sku_kind,sku,vcpus,memory_gib,gpu_model,"
        + "gpu_count,gpu_memory_gib,attachable_to,on_demand_usd_per_hour,spot_usd_per_hour,billing_increment_s,"
        + "billing_minimum_s,currency,source_url,source_date,notes\n"

    static let cases: [Case] = [
        Case(name: "grid range with a step of 1e-300 s",
             files: ["g.yaml": text(
                 "option: scale-to-zero\nparameters:\n  keda.cooldownPeriod: {from: 60s, to: 300s, step: 1e-300s}\n")],
             arguments: ["sweep", "--grid", "g.yaml", "--format", "json", "--output", "OUT"],
             expected: ["g.yaml:3", "parameters.keda.cooldownPeriod.step"]),
        Case(name: "grid count of 1e19",
             files: ["g.yaml": text("option: scale-to-zero\nparameters:\n  node.maxNodes: [1e19]\n")],
             arguments: ["sweep", "--grid", "g.yaml", "--format", "json", "--output", "OUT"],
             expected: ["g.yaml:3", "parameters.node.maxNodes[0]"]),
        Case(name: "grid count of 2^63",
             files: ["g.yaml": text("option: dedicated\nparameters:\n  dedicated.nodes: [9223372036854775808]\n")],
             arguments: ["sweep", "--grid", "g.yaml", "--format", "json", "--output", "OUT"],
             expected: ["g.yaml:3", "dedicated.nodes"]),
        Case(name: "price CSV with a header only",
             files: ["p.csv": text(priceHeader)],
             arguments: ["pricing", "import", "p.csv", "--output", "OUT"],
             expected: ["p.csv", "line 1"]),
        Case(name: "price CSV with a 100 KiB field",
             files: ["p.csv": text(priceHeader + "2026-11-29,2026-11-29,gcp,us-central1,machine,"
                 + String(repeating: "x", count: 100 * 1024)
                 + ",2,7.5,,0,,,0.09,0.03,1,60,USD,https://example.com,2026-07-30,\n")],
             arguments: ["pricing", "import", "p.csv", "--output", "OUT"],
             expected: ["p.csv", "line 2", "field 6"]),
        Case(name: "price catalog that is a FIFO",
             files: ["p.sqlite": nil],
             arguments: ["run", "--pricing", "p.sqlite", "--format", "json", "--output", "OUT"],
             expected: ["p.sqlite", "named pipe"]),
        Case(name: "price catalog that is not SQLite",
             files: ["p.sqlite": text("not a database\n")],
             arguments: ["run", "--pricing", "p.sqlite", "--format", "json", "--output", "OUT"],
             expected: ["p.sqlite", "not a SQLite database"]),
        Case(name: "scenario in UTF-16",
             files: ["s.yaml": utf16("name: x\n")],
             arguments: ["run", "--scenario", "s.yaml", "--format", "json", "--output", "OUT"],
             expected: ["s.yaml", "UTF-16"]),
        Case(name: "scenario that is a FIFO",
             files: ["s.yaml": nil],
             arguments: ["run", "--scenario", "s.yaml", "--format", "json", "--output", "OUT"],
             expected: ["s.yaml", "named pipe"]),
        Case(name: "scenario with an unknown key",
             files: ["s.yaml": text("name: x\nworkload:\n  generate:\n    days: 1\n    colour: blue\n")],
             arguments: ["run", "--scenario", "s.yaml", "--format", "json", "--output", "OUT"],
             expected: ["s.yaml:5", "workload.generate.colour"]),
        Case(name: "trace in UTF-16",
             files: ["t.csv": utf16("arrival_seconds,work_size\n0,1\n")],
             arguments: ["run", "--trace", "t.csv", "--format", "json", "--output", "OUT"],
             expected: ["t.csv", "UTF-16"]),
        Case(name: "trace with a negative size",
             files: ["t.csv": text("arrival_seconds,work_size\n0,1\n5,-2\n")],
             arguments: ["run", "--trace", "t.csv", "--format", "json", "--output", "OUT"],
             expected: ["t.csv:3", "work_size"]),
        Case(name: "trace that is binary",
             files: ["t.csv": [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]],
             arguments: ["run", "--trace", "t.csv", "--format", "json", "--output", "OUT"],
             expected: ["t.csv", "binary"]),
        Case(name: "KEDA manifest that is binary",
             files: ["k.yaml": [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]],
             arguments: ["run", "--keda", "k.yaml", "--format", "json", "--output", "OUT"],
             expected: ["k.yaml", "binary"]),
        Case(name: "results file to merge that is not SQLite",
             files: ["r.sqlite": text("garbage\n")],
             arguments: ["sweep", "merge", "r.sqlite", "--db", "OUT"],
             expected: ["r.sqlite", "not a SQLite database"]),
    ]

    @Test("refused without creating the output", arguments: cases)
    func refusedWithoutCreatingTheOutput(_ badInput: Case) throws {
        let directory = try Self.make(badInput)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.result").path
        let outcome = try CLIRunner.run(badInput.arguments.map { $0 == "OUT" ? output : $0 }, in: directory)
        #expect(outcome.status != 0)
        Self.expectInOrder(badInput.expected, in: outcome.standardError)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try Self.strayFiles(in: directory, besides: badInput).isEmpty)
    }

    @Test("refused without replacing an earlier output", arguments: cases)
    func refusedWithoutReplacingAnEarlierOutput(_ badInput: Case) throws {
        let directory = try Self.make(badInput)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.result").path
        let earlier = Data("an earlier result\n".utf8)
        try earlier.write(to: URL(fileURLWithPath: output))
        let outcome = try CLIRunner.run(badInput.arguments.map { $0 == "OUT" ? output : $0 }, in: directory)
        #expect(outcome.status != 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == earlier)
    }

    static func make(_ badInput: Case) throws -> URL {
        let directory = CLIRunner.temporaryDirectory()
        for (name, bytes) in badInput.files {
            let path = directory.appendingPathComponent(name).path
            if let bytes {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            } else {
                try #require(mkfifo(path, 0o600) == 0, "mkfifo \(path)")
            }
        }
        return directory
    }

    /// Files in `directory` other than the case's inputs and the output: temporary files left behind.
    static func strayFiles(in directory: URL, besides badInput: Case) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { !badInput.files.keys.contains($0) && $0 != "out.result" }
    }

    static func expectInOrder(
        _ fragments: [String], in message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var rest = message[...]
        for fragment in fragments {
            guard let range = rest.range(of: fragment) else {
                Issue.record("'\(fragment)' missing (in order) from: \(message)", sourceLocation: sourceLocation)
                return
            }
            rest = rest[range.upperBound...]
        }
    }
}
