import Foundation
import Testing

/// End-to-end tests of `costsim sweep`, `sweep merge`, `recommend` and `diff` on a tiny scenario
/// (six hours of light traffic), so each run takes milliseconds.
@Suite struct SweepCommandTests {
    static func setUp() throws -> (directory: URL, scenario: String, grid: String) {
        let directory = CLIRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("tiny.yaml")
        try """
            name: tiny
            seed: 3
            replications: 3
            workload:
              generate: {days: 0.25, speechMinutesPerDay: 60, profile: uniform}
            options:
              - name: dedicated
                dedicated: {node: {machineType: n1-highmem-4, gpu: T4}}
              - name: stz
                systemNodes: [{pool: default-pool, count: 2, node: {machineType: e2-medium}}]
                managedCluster: true
                autoscaled:
                  keda: {pollingInterval: 10s, cooldownPeriod: 60s, maxReplicaCount: 5, trigger: {value: 20}}
                  nodePool: {node: {machineType: n1-highmem-4, gpu: T4, spot: true}, min: 0, max: 3}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let grid = directory.appendingPathComponent("grid.yaml")
        try """
            parameters:
              keda.pollingInterval: [5s, 30s]
              keda.cooldownPeriod: {from: 30s, to: 90s, step: 60s}
              node.spot: [true, false]
            """.write(to: grid, atomically: true, encoding: .utf8)
        return (directory, scenario.path, grid.path)
    }

    @Test func sweepIsIdenticalWithOneOrTwoJobsAndShardsMergeToTheSameRows() throws {
        let (directory, scenario, grid) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let one = try CLIRunner.run([
            "sweep", "--scenario", scenario, "--grid", grid, "--jobs", "1", "--format", "csv", "--db",
            path("one.sqlite"),
        ])
        #expect(one.status == 0, "\(one.standardError)")
        // No progress bar when stderr is not a terminal (the 6-hour scenario does get the short-observation warning).
        #expect(!one.standardError.contains("\r") && !one.standardError.contains("ETA"), "\(one.standardError)")
        let two = try CLIRunner.run([
            "sweep", "run", "--scenario", scenario, "--grid", grid, "--jobs", "2", "--format", "csv", "--db",
            path("two.sqlite"),
        ])
        #expect(two.status == 0, "\(two.standardError)")
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.standardOutput.split(separator: "\n").count == 1 + 8)
        // Every interval has its mean and both bounds, low ≤ mean ≤ high.
        let rows = one.standardOutput.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = rows[0]
        for row in rows.dropFirst() {
            #expect(row.count == header.count)
            for metric in [
                "monthlyCost", "responseP50Seconds", "responseP95Seconds", "responseP99Seconds", "timeoutShare",
                "coldStartShare",
            ] {
                let mean = try #require(header.firstIndex(of: metric))
                let (low, high) = (try #require(Double(row[mean + 1])), try #require(Double(row[mean + 2])))
                #expect(header[mean + 1] == metric + "Low" && header[mean + 2] == metric + "High")
                #expect(low <= Double(row[mean])! && Double(row[mean])! <= high, "\(metric): \(row)")
            }
        }

        for index in 0..<3 {
            let shard = try CLIRunner.run([
                "sweep", "--scenario", scenario, "--grid", grid, "--shard", "\(index)/3", "--db",
                path("shard-\(index).sqlite"),
            ])
            #expect(shard.status == 0, "\(shard.standardError)")
            #expect(
                shard.standardOutput.contains("(partial: only shard \(index)/3;")
                    && !shard.standardOutput.contains("INCOMPLETE"), "\(shard.standardOutput)")
        }
        let merged = try CLIRunner.run([
            "sweep", "merge", path("shard-2.sqlite"), path("shard-0.sqlite"), path("shard-1.sqlite"),
            "--format", "csv", "--db", path("merged.sqlite"),
        ])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == one.standardOutput)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("merged.sqlite"))).count > 0)

        let table = try CLIRunner.run([
            "sweep", "merge", path("shard-0.sqlite"), path("shard-1.sqlite"), path("shard-2.sqlite"), "--pareto", "p99",
            "--chart", path("pareto.png"),
        ])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("Pareto frontier, monthly cost against p99"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("pareto.png"))).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let fromResults = try CLIRunner.run(["recommend", "--results", path("merged.sqlite"), "--slo", "p99<=2m"])
        // A response counts at most the 60-s client timeout, so p99 <= 2 min holds for every
        // configuration whose replications agree on it within the interval: a recommendation (exit
        // 0, not 2 for "none meets it"), with the warning that the objective cannot fail.
        #expect(fromResults.status == 0, "\(fromResults.standardError)")
        #expect(fromResults.standardOutput.contains("3 replications, 8 configurations"))
        #expect(fromResults.standardOutput.contains("Recommended: #"), "\(fromResults.standardOutput)")
        #expect(fromResults.standardError.contains("p99 <= 120s is always met"), "\(fromResults.standardError)")
        let json = try CLIRunner.run([
            "sweep", "merge", path("shard-0.sqlite"), path("shard-1.sqlite"), path("shard-2.sqlite"), "--format",
            "json",
        ])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect((document?["configurations"] as? [Any])?.count == 8)
        #expect(document?["complete"] as? Bool == true)
        #expect(
            (document?["coverage"] as? String)?.hasPrefix("all ") == true,
            "\(String(describing: document?["coverage"]))")

        // Shards of another sweep (another seed) are refused.
        let other = try CLIRunner.run([
            "sweep", "--scenario", scenario, "--grid", grid, "--seed", "4", "--shard", "1/3", "--db",
            path("other-1.sqlite"),
        ])
        #expect(other.status == 0, "\(other.standardError)")
        let mixed = try CLIRunner.run(["sweep", "merge", path("shard-0.sqlite"), path("other-1.sqlite")])
        #expect(mixed.status != 0)
        #expect(mixed.standardError.contains("different sweep"))
    }

    @Test func badInputIsReportedClearly() throws {
        let (directory, scenario, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.yaml")
        try "parameters:\n  keda.pollingInterval: [5s]\n  keda.cooldown: [30s]\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let unknown = try CLIRunner.run(["sweep", "--scenario", scenario, "--grid", bad.path])
        #expect(unknown.status != 0)
        #expect(
            unknown.standardError.contains(
                "bad.yaml:3: field 'parameters.keda.cooldown': unknown parameter 'keda.cooldown'"),
            "\(unknown.standardError)")

        let grid = directory.appendingPathComponent("g.yaml")
        try "parameters:\n  keda.value: [10]\n".write(to: grid, atomically: true, encoding: .utf8)
        let shard = try CLIRunner.run([
            "sweep", "--scenario", scenario, "--grid", grid.path, "--shard", "3/3", "--db",
            directory.appendingPathComponent("s.sqlite").path,
        ])
        #expect(shard.status != 0)
        #expect(shard.standardError.contains("shard index 3 is out of range"))
        let slo = try CLIRunner.run(["recommend", "--scenario", scenario, "--grid", grid.path, "--slo", "p95>=30s"])
        #expect(slo.status != 0)
        #expect(slo.standardError.contains("only upper bounds"))
        let option = try CLIRunner.run(["sweep", "--scenario", scenario, "--grid", grid.path, "--option", "dedicated"])
        #expect(option.status != 0)
        #expect(option.standardError.contains("needs an autoscaled option"))
    }

    @Test func recommendPicksTheCheapestMeetingTheSLOAndDiffComparesManifests() throws {
        let (directory, scenario, grid) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recommend = try CLIRunner.run([
            "recommend", "--scenario", scenario, "--grid", grid, "--slo", "p99<=2m", "--timeouts", "<=50%",
        ])
        #expect(recommend.status == 0, "\(recommend.standardError)")
        #expect(recommend.standardOutput.contains("Recommended: #"))
        #expect(recommend.standardOutput.contains("Runner-up:"))

        let breakEven = try CLIRunner.run([
            "recommend", "--scenario", scenario, "--grid", grid, "--slo", "p99<=2m", "--timeouts", "<=50%",
            "--break-even", "--replications", "2",
        ])
        #expect(breakEven.status == 0, "\(breakEven.standardError)")
        #expect(breakEven.standardOutput.contains("Break-even against the dedicated option"))
        #expect(breakEven.standardOutput.contains("×32"))

        let impossible = try CLIRunner.run(["recommend", "--scenario", scenario, "--grid", grid, "--slo", "p95<=1ms"])
        #expect(impossible.status == 2)
        #expect(impossible.standardOutput.contains("No configuration meets the objective"))
        #expect(
            impossible.standardOutput.contains("It misses p95 <= 0.001s with 95% confidence."),
            "\(impossible.standardOutput)")
        // Closest on the first objective, which it meets: the message names the one it misses.
        let timeouts = try CLIRunner.run([
            "recommend", "--scenario", scenario, "--grid", grid, "--slo", "p99<=1h", "--timeouts", "<=0.0001%",
        ])
        #expect(timeouts.status == 2)
        #expect(
            timeouts.standardOutput.contains("It misses timed out <= 0.0001% with 95% confidence."),
            "\(timeouts.standardOutput)")

        let manifest = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-scaledobject.yaml").path
        let slower = directory.appendingPathComponent("slower.yaml")
        try String(contentsOfFile: manifest, encoding: .utf8).replacingOccurrences(
            of: "pollingInterval: 10 ", with: "pollingInterval: 60 ")
            .write(to: slower, atomically: true, encoding: .utf8)
        let diff = try CLIRunner.run([
            "diff", manifest, slower.path, "--scenario", scenario, "--replications", "3", "--format", "markdown",
        ])
        #expect(diff.status == 0, "\(diff.standardError)")
        #expect(diff.standardOutput.contains("| stz |"))
        #expect(diff.standardOutput.contains("Paired over 3 replications"))
    }
}
