import Foundation
import Testing
@testable import Sweeps

/// Damaged or edited results files: every one is an error naming the file, the table, the row
/// and the column, never a crash and never a wrong answer; and what part of the grid a result
/// covers travels with it.
///
/// The fixture grid has 8 configurations; shard 1/3 holds configurations 1, 4 and 7, each with
/// replications 0 and 1.
@Suite("Results files: validation of damaged files, coverage of shards and merges")
struct ResultsFileValidationTests {
    /// Each shard of the fixture sweep (2 replications) runs once for all tests.
    actor Runs {
        private var runs: [Shard: Task<SweepResults, any Error>] = [:]

        func results(_ shard: Shard) async throws -> SweepResults {
            if let task = runs[shard] { return try await task.value }
            let task = Task { try await Fixtures.sweep(replications: 2).run(jobs: 2, shard: shard) }
            runs[shard] = task
            return try await task.value
        }
    }

    static let runs = Runs()

    /// Writes `shard` of the fixture sweep to `directory`, as `costsim sweep --shard i/n --db` does.
    static func shardFile(_ shard: Shard, in directory: URL) async throws -> String {
        let results = try await runs.results(shard)
        let path = directory.appendingPathComponent("shard-\(shard.index)-of-\(shard.count).sqlite").path
        try ResultsDatabase.write(results, to: path)
        return path
    }

    /// `costsim sweep --db` builds the file in a temporary file of its own (removed on Ctrl-C):
    /// a non-atomic write builds it at that path itself, with no inner temporary file.
    @Test func nonAtomicWriteBuildsThePathItself() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let results = try await Self.runs.results(Shard(index: 1, count: 3))
        // An empty file with a second name: built in place, the second name sees the results; a
        // rename over the path would leave it empty.
        let path = directory.appendingPathComponent("results.sqlite").path
        let alias = directory.appendingPathComponent("alias.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        try FileManager.default.linkItem(atPath: path, toPath: alias)

        try ResultsDatabase.write(results, to: path, atomically: false)
        #expect(try ResultsDatabase.read(path: alias).runs == results.runs)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "alias.sqlite", "results.sqlite",
            ])
    }

    /// The error reading `path` gives, or nil if it reads.
    static func readError(_ path: String) -> String? {
        do {
            _ = try ResultsDatabase.read(path: path)
            return nil
        } catch {
            return error.description
        }
    }

    /// Each edit damages one value of the row (configuration 4, replication 1) of shard 1/3;
    /// `column` is the column the error must name, `row` the row as the error shows it.
    struct Damage: Sendable, CustomTestStringConvertible {
        var assignment: String
        var column: String
        var row = "(configuration 4, replication 1)"
        var testDescription: String { assignment }
    }

    static let damages: [Damage] = [
        Damage(assignment: "monthly_cost_nano = '1e30'", column: "monthly_cost_nano"),  // was a trap (Double → Int64)
        Damage(assignment: "monthly_cost_nano = -5", column: "monthly_cost_nano"),
        Damage(assignment: "monthly_cost_nano = 2.5", column: "monthly_cost_nano"),
        Damage(assignment: "monthly_cost_nano = 'cheap'", column: "monthly_cost_nano"),
        Damage(assignment: "p95_s = 'abc'", column: "p95_s"),  // was "nan h", an empty CSV field, a JSON EncodingError
        Damage(assignment: "p50_s = 9e999", column: "p50_s"),                                   // SQLite's infinity
        Damage(assignment: "mean_s = -0.5", column: "mean_s"),
        Damage(assignment: "p99_s = 61", column: "p99_s"),  // above the 60 s client timeout
        Damage(assignment: "p50_s = 2, p95_s = 1, p99_s = 3", column: "p95_s"),                 // p50 above p95
        Damage(assignment: "p50_s = 1, p95_s = 3, p99_s = 2", column: "p99_s"),
        Damage(assignment: "arrived = -1", column: "arrived"),
        Damage(assignment: "arrived = 'many'", column: "arrived"),
        Damage(assignment: "timed_out = arrived + 1", column: "timed_out"),                     // a share above 100 %
        Damage(assignment: "cold_starts = arrived + 1", column: "cold_starts"),
        Damage(
            assignment: "configuration = 'four'", column: "configuration",
            row: "(configuration 'four', replication 1)"),
        Damage(assignment: "configuration = 99", column: "configuration", row: "(configuration 99, replication 1)"),
        // shard 0/3's
        Damage(assignment: "configuration = 0", column: "configuration", row: "(configuration 0, replication 1)"),
        // meta replications = 2
        Damage(assignment: "replication = 2", column: "replication", row: "(configuration 4, replication 2)"),
        Damage(assignment: "replication = -1", column: "replication", row: "(configuration 4, replication -1)"),
    ]

    @Test("a damaged value in table runs is an error naming file, table, row and column", arguments: damages)
    func damagedRun(damage: Damage) async throws {
        let directory = SweepRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try await Self.shardFile(Shard(index: 1, count: 3), in: directory)
        #expect(Self.readError(path) == nil)
        try SweepRunTests.edit(path, "UPDATE runs SET \(damage.assignment) WHERE configuration = 4 AND replication = 1")
        let message = try #require(Self.readError(path), "a file with runs.\(damage.assignment) was read")
        for part in [path, "table runs", "row \(damage.row)", "column \(damage.column)"] {
            #expect(message.contains(part), "\(message)")
        }
        if damage.column == "configuration" && damage.assignment.hasSuffix("= 0") {
            #expect(message.contains("belongs to shard 0/3"), "\(message)")
        }
    }

    @Test("a run listed twice is an error, even in a table without its primary key")
    func duplicateRun() async throws {
        let directory = SweepRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try await Self.shardFile(Shard(index: 1, count: 3), in: directory)
        try SweepRunTests.edit(path, """
            DROP VIEW summary;
            CREATE TABLE copy AS SELECT * FROM runs;
            INSERT INTO copy SELECT * FROM runs WHERE configuration = 4 AND replication = 0;
            DROP TABLE runs;
            ALTER TABLE copy RENAME TO runs;
            """)
        let message = try #require(Self.readError(path))
        #expect(
            message.contains(path) && message.contains("row (configuration 4, replication 0)")
                && message.contains("twice"), "\(message)")
    }

    @Test("meta complete = true with runs missing is an error; with complete = false the same file reads as partial")
    func completeButRunsMissing() async throws {
        let directory = SweepRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try await Self.shardFile(Shard(index: 1, count: 3), in: directory)
        try SweepRunTests.edit(path, "DELETE FROM runs WHERE configuration = 7 AND replication = 1")
        let message = try #require(Self.readError(path))
        #expect(
            message.contains(path) && message.contains("complete")
                && message.contains("1 of the 2 replications of configuration 7"), "\(message)")

        try SweepRunTests.edit(path, "UPDATE meta SET value = 'false' WHERE key = 'complete'")
        let partial = try ResultsDatabase.read(path: path)
        #expect(partial.coverage.configurationsFinished == 2)
        #expect(!partial.coverage.isWholeGrid)

        // More replications claimed than stored.
        let other = try await Self.shardFile(Shard(index: 0, count: 1), in: directory)
        try SweepRunTests.edit(other, "UPDATE meta SET value = '5' WHERE key = 'replications'")
        let claimed = try #require(Self.readError(other))
        #expect(claimed.contains("2 of the 5 replications of configuration 0"), "\(claimed)")
    }

    struct MetaDamage: Sendable, CustomTestStringConvertible {
        var sql: String
        var expected: String
        var testDescription: String { sql }
    }

    static let metaDamages: [MetaDamage] = [
        MetaDamage(sql: "UPDATE meta SET value = '0' WHERE key = 'replications'", expected: "key replications"),
        MetaDamage(sql: "UPDATE meta SET value = '-3' WHERE key = 'replications'", expected: "key replications"),
        MetaDamage(sql: "UPDATE meta SET value = 'yes' WHERE key = 'complete'", expected: "key complete"),
        MetaDamage(sql: "UPDATE meta SET value = '1/3,1/3' WHERE key = 'shards'", expected: "key shards"),
        MetaDamage(sql: "UPDATE meta SET value = '5/3' WHERE key = 'shards'", expected: "key shards"),
        MetaDamage(sql: "UPDATE meta SET value = '1/3,0/2' WHERE key = 'shards'", expected: "key shards"),
        MetaDamage(
            sql: "DELETE FROM meta WHERE key = 'shards'",
            expected:
                "key shards: expected distinct shards i/n (0 ≤ i < n, one n) separated by commas, found no such key"),
        MetaDamage(
            sql: "UPDATE meta SET value = '9' WHERE key = 'configurations'",
            expected: "key configurations: 9, but table configurations has 8 rows"),
        MetaDamage(
            sql: "UPDATE configurations SET configuration = 10 WHERE configuration = 5",
            expected: "table configurations, row 6, column configuration"),
        MetaDamage(
            sql: #"UPDATE configurations SET parameters = '[["gpu", "T4"], ["gpu", "L4"]]' WHERE configuration = 2"#,
            expected: "table configurations, configuration 2, column parameters: parameter gpu appears twice"),
        MetaDamage(sql: "DELETE FROM configurations", expected: "table configurations is empty"),
    ]

    @Test("damaged meta and configurations tables are errors naming the key or row", arguments: metaDamages)
    func damagedMeta(damage: MetaDamage) async throws {
        let directory = SweepRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try await Self.shardFile(Shard(index: 1, count: 3), in: directory)
        try SweepRunTests.edit(path, damage.sql)
        let message = try #require(Self.readError(path))
        #expect(message.contains(path) && message.contains(damage.expected), "\(message)")
    }

    @Test("a shard's file says it covers only its shard; a whole run covers the whole grid")
    func coverage() async throws {
        let directory = SweepRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let shard = try ResultsDatabase.read(path: try await Self.shardFile(Shard(index: 1, count: 3), in: directory))
        #expect(shard.complete, "the shard itself finished")
        #expect(!shard.coverage.isWholeGrid)
        #expect(!shard.coverage.hasAllShards)
        #expect(shard.coverage.description == "partial: only shard 1/3; 3 of 8 configurations finished")
        let whole = try ResultsDatabase.read(path: try await Self.shardFile(.whole, in: directory))
        #expect(whole.coverage.isWholeGrid)
        #expect(whole.coverage.description == "all 8 configurations")
    }

    @Test("a merge of a partial merge with the missing shard is complete and equals the unsharded run")
    func mergeOfMerges() async throws {
        let directory = SweepRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for index in 0..<3 { files.append(try await Self.shardFile(Shard(index: index, count: 3), in: directory)) }
        let parts = try files.map { (path: $0, results: try ResultsDatabase.read(path: $0)) }
        let partial = try ResultsDatabase.merge(Array(parts.prefix(2)))
        #expect(!partial.complete)
        #expect(partial.coverage.description == "partial: only shards 0/3, 1/3; 6 of 8 configurations finished")
        let partialPath = directory.appendingPathComponent("partial.sqlite").path
        try ResultsDatabase.write(partial, to: partialPath)

        let merged = try ResultsDatabase.merge([(partialPath, try ResultsDatabase.read(path: partialPath)), parts[2]])
        let whole = try await Self.runs.results(.whole)
        #expect(merged.runs == whole.runs)
        #expect(merged.complete)
        #expect(merged.coverage.isWholeGrid)
        #expect(
            merged.shards == [
                try Shard(index: 0, count: 3), try Shard(index: 1, count: 3), try Shard(index: 2, count: 3),
            ])

        // A shard held by the partial merge and given again is refused, naming both files.
        #expect {
            try ResultsDatabase.merge([(partialPath, try ResultsDatabase.read(path: partialPath)), parts[1]])
        } throws: { error in
            "\(error)".contains("shard 1/3 appears twice (also in \(partialPath))")
        }
    }

    @Test("""
        merge refuses files of one grid hash whose grids differ, and in-memory results whose runs are not \
        their shard's
        """)
    func mergeChecksParts() async throws {
        let directory = SweepRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await Self.shardFile(Shard(index: 0, count: 2), in: directory)
        let second = try await Self.shardFile(Shard(index: 1, count: 2), in: directory)
        try SweepRunTests.edit(
            second, #"UPDATE configurations SET parameters = '[["gpu", "L4"]]' WHERE configuration = 0"#)
        #expect {
            try ResultsDatabase.merge([
                (first, try ResultsDatabase.read(path: first)), (second, try ResultsDatabase.read(path: second)),
            ])
        } throws: { error in
            "\(error)".contains("\(second): table configurations differs from that of \(first)")
        }

        var stray = try ResultsDatabase.read(path: first)
        stray.runs[0].configuration = 1        // shard 1/2's configuration
        #expect {
            try ResultsDatabase.merge([("stray", stray)])
        } throws: { error in
            "\(error)".contains("belongs to shard 1/2, not to this file's shard 0/2")
        }
    }
}
