import Foundation
import Testing

/// The JSON of `run`, `sweep`, `recommend` and `diff`, as the commands print it, against the
/// schemas in docs/schema and the key list in docs/json.md; money and counts as documented
/// (ResultFormatTests validates the other commands' JSON with ``validated(_:_:status:)``).
@Suite struct JSONSchemaTests {
    static func schema(_ command: String) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(
            path: CLIRunner.repositoryRoot.appendingPathComponent("docs/schema/\(command).schema.json").path)
    }

    /// Runs a command that prints JSON and checks it against the command's schema.
    @discardableResult
    static func validated(_ command: String, _ arguments: [String], status: Set<Int32> = [0]) throws -> [String: Any] {
        let outcome = try CLIRunner.run(arguments)
        #expect(status.contains(outcome.status), "\(outcome.standardError)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let errors = try schema(command).errors(document)
        #expect(errors.isEmpty, "\(arguments.joined(separator: " ")):\n\(errors.joined(separator: "\n"))")
        #expect(document["schemaVersion"] as? Int == 1)
        return document
    }

    /// `nanoDollars` rounded half up to the cent, as text: the rule docs/json.md states.
    static func cents(_ nanoDollars: Int64) -> String {
        let cents = (nanoDollars + 5_000_000) / 10_000_000
        return "\(cents / 100)." + String(format: "%02d", Int(cents % 100))
    }

    @Test func runJSONFollowsTheSchemaAndRoundsMoneyOnce() throws {
        let (directory, scenario, _) = try SweepCommandTests.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.validated("run", ["run", "--scenario", scenario, "--explain", "--format", "json"])
        let bundled = try Self.validated("run", ["run", "--format", "json"])
        let options = try #require(bundled["options"] as? [[String: Any]])
        #expect(options.count == 4)
        for option in options {
            let nanos = try #require((option["monthlyCostNanoDollars"] as? NSNumber)?.int64Value)
            #expect(option["monthlyCost"] as? String == Self.cents(nanos), "\(option["name"] ?? "")")
        }
        // The dedicated node is up from the start (none started); scale-to-zero starts one per burst.
        let dedicated = try #require(options.first)
        #expect(dedicated["gpuNodesStarted"] as? Int == 0)
        #expect((options[1]["gpuNodesStarted"] as? Int ?? 0) > 0)
        let components = try #require(dedicated["monthlyCostByComponent"] as? [String: Any])
        #expect((components["clusterFee"] as? String)?.split(separator: ".").last?.count == 2)
    }

    @Test func runCSVUsesTheJSONNamesIntegerCountsAndTheSameMoney() throws {
        let (directory, scenario, _) = try SweepCommandTests.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try CLIRunner.run(["run", "--scenario", scenario, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        let lines = csv.standardOutput.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(lines.first)
        #expect(header.prefix(4) == ["option", "monthlyCost", "monthlyCostNanoDollars", "arrived"])
        #expect(header.allSatisfy { $0.first?.isLowercase == true && !$0.contains("_") }, "\(header)")
        let json = try Self.validated("run", ["run", "--scenario", scenario, "--format", "json"])
        let options = try #require(json["options"] as? [[String: Any]])
        for (row, option) in zip(lines.dropFirst(), options) {
            let field = { (name: String) in row[header.firstIndex(of: name)!] }
            #expect(field("monthlyCost") == option["monthlyCost"] as? String)
            // Counts over three replications, summed: integers, as in the JSON.
            for name in ["arrived", "timedOut", "gpuNodesStarted", "scaleUpsFromZero"] {
                #expect(Int(field(name)) != nil, "\(name) = \(field(name))")
            }
            #expect(Int(field("gpuNodesStarted")) == option["gpuNodesStarted"] as? Int)
        }
    }

    @Test func sweepRecommendAndDiffJSONFollowTheirSchemas() throws {
        let (directory, scenario, grid) = try SweepCommandTests.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let sweep = try Self.validated(
            "sweep", ["sweep", "--scenario", scenario, "--grid", grid, "--jobs", "1", "--format", "json", "--db", db])
        let configurations = try #require(sweep["configurations"] as? [[String: Any]])
        #expect(configurations.count == 8)
        #expect(configurations.allSatisfy { ($0["monthlyCost"] as? [String: Any])?["mean"] is String })

        let met = try Self.validated(
            "recommend", ["recommend", "--results", db, "--slo", "p99<=1h", "--format", "json"])
        #expect(met["recommended"] is [String: Any])
        #expect(met["qualifying"] as? Int == 8)
        let missed = try Self.validated(
            "recommend", ["recommend", "--results", db, "--slo", "p95<=1ms", "--format", "json"], status: [2])
        #expect(missed["recommended"] == nil)
        #expect(missed["missedObjectives"] as? [String] == ["p95 <= 0.001s"])

        let cheaper = directory.appendingPathComponent("cheaper.yaml")
        try String(contentsOfFile: scenario, encoding: .utf8).replacingOccurrences(
            of: "maxReplicaCount: 5", with: "maxReplicaCount: 1")
            .write(to: cheaper, atomically: true, encoding: .utf8)
        let diff = try Self.validated(
            "diff", ["diff", scenario, cheaper.path, "--replications", "2", "--format", "json"])
        #expect((diff["options"] as? [[String: Any]])?.map { $0["name"] as? String } == ["dedicated", "stz"])
    }

    @Test func everySchemaKeyIsDocumented() throws {
        let guide = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        let schemas = try FileManager.default.contentsOfDirectory(
            atPath: CLIRunner.repositoryRoot.appendingPathComponent("docs/schema").path)
        let commands = schemas.filter { $0.hasSuffix(".schema.json") }.map {
            $0.replacingOccurrences(of: ".schema.json", with: "")
        }
        #expect(
            Set(commands) == [
                "run", "sweep", "recommend", "diff", "trace-inspect", "pricing", "article", "scenario-list",
                "calibrate", "validate",
            ])
        for command in commands {
            #expect(guide.contains("`\(command).schema.json`"), "docs/json.md does not list \(command).schema.json")
            let missing = try Self.schema(command).propertyNames.filter { !guide.contains("`\($0)`") }
            #expect(missing.isEmpty, "docs/json.md does not describe \(command)'s \(missing.sorted())")
        }
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let schema = try Self.schema("sweep")
        #expect(!schema.errors(["schemaVersion": 2]).isEmpty)
        let valid = try #require(try JSONSerialization.jsonObject(with: Data("""
            {"schemaVersion": 1, "scenario": "s", "option": "o", "seed": 1, "replications": 2, "gridHash": "h",
             "complete": true, "coverage": "all", "configurationsInGrid": 1, "sortedBy": "cost", "paretoMetric": "p95",
             "configurations": [{"replications": 2, "monthlyCost": {"mean": "1.50"}, "responseSeconds":
               {"p50": {"mean": 1}, "p95": {"mean": 1}, "p99": {"mean": 2}}, "timeoutShare": {"mean": 0},
               "coldStartShare": {"mean": 0}}]}
            """.utf8)) as? [String: Any])
        #expect(schema.errors(valid) == [])
        var badMoney = valid
        var configuration = try #require((valid["configurations"] as? [[String: Any]])?.first)
        configuration["monthlyCost"] = ["mean": "1.5"]
        badMoney["configurations"] = [configuration]
        #expect(
            schema.errors(badMoney) == [
                "$.configurations[0].monthlyCost.mean: '1.5' does not match ^-?[0-9]+\\.[0-9]{2}$"])
        var extra = valid
        extra["seed"] = "1"
        extra["costUSD"] = 1
        #expect(schema.errors(extra) == ["$: undocumented key 'costUSD'", "$.seed: expected integer, got 1"])
    }
}
