import Analysis
import Foundation
import Simulator
import Storage
import Testing
@testable import Sweeps

@Suite("Running sweeps: determinism, shards, results files")
struct SweepRunTests {
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("costsim-sweeps-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("results do not depend on the number of parallel jobs")
    func jobsIndependent() async throws {
        let sweep = try Fixtures.sweep()
        let one = try await sweep.run(jobs: 1)
        let two = try await sweep.run(jobs: 2)
        let four = try await sweep.run(jobs: 4)
        #expect(one.runs.count == 8 * 3)
        #expect(one == two)
        #expect(one == four)
        #expect(one.complete)
        // Common random numbers: every configuration saw the same arrivals in a replication.
        let arrivals = Dictionary(grouping: one.runs, by: \.replication).mapValues { Set($0.map(\.arrived)) }
        #expect(arrivals.values.allSatisfy { $0.count == 1 })
        // And the runs differ between replications.
        #expect(Set(one.runs.filter { $0.configuration == 0 }.map(\.arrived)).count > 1)
    }

    @Test("configurations that differ only in node names share one simulation and are each priced with their own nodes")
    func sharedSimulations() async throws {
        let grid = try Grid.parse(yaml: """
            parameters:
              provider/region: [gcp/us-central1, aws/us-east-1, azure/eastus]
              keda.cooldownPeriod: [30s, 300s]
              node.spot: [false, true]
            """, file: "regions.yaml")
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: grid, replications: 2, calculator: Fixtures.calculator())
        let groups = try sweep.simulationGroups(shard: .whole).groups
        // Cooldown and spot change the simulation (spot: preemptions); the region does not.
        #expect(groups.count == 4)
        #expect(groups.allSatisfy { $0.count == 3 })
        let results = try await sweep.run(jobs: 2)
        #expect(results.runs.count == 12 * 2)
        for run in results.runs {
            // runOne simulates the configuration itself.
            #expect(run == (try sweep.runOne(configuration: run.configuration, replication: run.replication)))
        }
        // The regions' prices differ, so a member priced with its leader's nodes would show here.
        for group in groups {
            let costs = Set(
                results.runs.filter { group.contains($0.configuration) && $0.replication == 0 }.map(
                    \.monthlyCostNanoDollars))
            #expect(costs.count == 3)
        }
    }

    @Test("""
        replaying the shared generated traffic gives each run exactly what generating its own gives; traffic.scale \
        generates its own
        """)
    func sharedTraces() async throws {
        let grid = try Grid.parse(yaml: """
            parameters:
              keda.cooldownPeriod: [30s, 300s]
              traffic.scale: [1, 1.5]
            """, file: "traffic.yaml")
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: grid, replications: 2, calculator: Fixtures.calculator())
        let shared = try await sweep.run(jobs: 2)
        for run in shared.runs {
            #expect(run == (try sweep.runOne(configuration: run.configuration, replication: run.replication)))
        }
        let traces = try SharedTraces(scenario: sweep.scenario, replications: [0, 1])
        func index(scale: Double) -> Int {
            grid.configurations.firstIndex { $0.contains(ParameterSetting(.trafficScale, .number(scale))) }!
        }
        let (scaled, _) = try sweep.configured(index(scale: 1.5))
        guard case .synthetic = traces.applied(to: scaled, seed: sweep.scenario.seed, replication: 0).workload else {
            Issue.record("a configuration with its own traffic replayed the shared trace")
            return
        }
        let (kept, _) = try sweep.configured(index(scale: 1))
        guard case .records(let records) = traces.applied(to: kept, seed: sweep.scenario.seed, replication: 1).workload
        else {
            Issue.record("a configuration that keeps the workload generated its own")
            return
        }
        var own = SyntheticTrace(
            SyntheticTrace.Description(workPerDay: Fixtures.workPerDay, days: 0.25, profile: .uniform), seed: 7,
            replication: 1)
        var generated: [TraceRecord] = []
        while let record = try own.next() { generated.append(record) }
        #expect(records == generated && !records.isEmpty)
    }

    @Test("n shards merged equal one unsharded run, row for row, also through SQLite files")
    func shardsMerge() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Fixtures.sweep(replications: 2)
        let whole = try await sweep.run(jobs: 2)
        var parts: [(path: String, results: SweepResults)] = []
        for index in [2, 0, 1] {       // any order
            let shard = try Shard(index: index, count: 3)
            let part = try await sweep.run(jobs: 2, shard: shard)
            #expect(part.runs.allSatisfy { shard.contains(configuration: $0.configuration) })
            let path = directory.appendingPathComponent("shard-\(index).sqlite").path
            try ResultsDatabase.write(part, to: path)
            parts.append((path, try ResultsDatabase.read(path: path)))
        }
        let merged = try ResultsDatabase.merge(parts)
        #expect(merged.runs == whole.runs)
        #expect(merged.complete)
        #expect(merged.summaries == whole.summaries)
        let mergedPath = directory.appendingPathComponent("merged.sqlite").path
        let wholePath = directory.appendingPathComponent("whole.sqlite").path
        try ResultsDatabase.write(merged, to: mergedPath)
        try ResultsDatabase.write(whole, to: wholePath)
        let query = "SELECT * FROM runs ORDER BY configuration, replication"
        #expect(try rows(mergedPath, query) == rows(wholePath, query))
        #expect(try rows(mergedPath, "SELECT * FROM summary") == rows(wholePath, "SELECT * FROM summary"))
        #expect(try rows(wholePath, "SELECT COUNT(*) FROM runs") == [["16"]])

        // A missing shard leaves the merge incomplete; a repeated one is refused.
        #expect(try !ResultsDatabase.merge(Array(parts.prefix(2))).complete)
        #expect(throws: SweepError.self) { try ResultsDatabase.merge([parts[0], parts[0]]) }
    }

    @Test("the client timeout travels in the results file; a damaged value is an error naming file and field")
    func storedTimeout() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Fixtures.sweep(replications: 2)
        let results = try await sweep.run(jobs: 2)
        let path = directory.appendingPathComponent("r.sqlite").path
        try ResultsDatabase.write(results, to: path)
        #expect(
            try ResultsDatabase.read(path: path).identity.responseCapSeconds == Fixtures.scenario().clientTimeoutSeconds
        )

        try Self.edit(path, "UPDATE meta SET value = 'soon' WHERE key = 'client_timeout_seconds'")
        #expect {
            try ResultsDatabase.read(path: path)
        } throws: { error in
            let text = (error as? SweepError)?.description ?? ""
            return text.contains(path) && text.contains("client_timeout_seconds") && text.contains("soon")
        }
        try Self.edit(path, "DELETE FROM meta WHERE key = 'client_timeout_seconds'")
        #expect(
            try ResultsDatabase.read(path: path).identity.responseCapSeconds == nil,
            "files from before the cap read as before")
    }

    @Test("merging shards of different sweeps is refused")
    func differentSweeps() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = try Fixtures.sweep(replications: 2)
        var scenario = Fixtures.scenario()
        scenario.seed = 8
        let b = try Sweep(scenario: scenario, grid: Fixtures.grid(), replications: 2, calculator: Fixtures.calculator())
        #expect(a.identity.hash != b.identity.hash)
        let partA = try await a.run(jobs: 2, shard: Shard(index: 0, count: 2))
        let partB = try await b.run(jobs: 2, shard: Shard(index: 1, count: 2))
        #expect {
            try ResultsDatabase.merge([("a.sqlite", partA), ("b.sqlite", partB)])
        } throws: { error in
            (error as? SweepError)?.description.contains("different sweep") == true
        }
    }

    @Test("shard specifications", arguments: ["4/4", "-1/3", "0/0", "1", "a/b", "1/2/3"])
    func badShards(text: String) {
        #expect(throws: SweepError.self) { try Shard(parsing: text) }
    }

    @Test("a stop flag keeps finished runs and marks the result incomplete")
    func stop() async throws {
        let sweep = try Fixtures.sweep(replications: 2)
        let stop = StopFlag()
        let results = try await sweep.run(jobs: 1, stop: stop) { progress in
            if progress.done == 5 { stop.set() }
        }
        #expect(!results.complete)
        #expect(results.runs.count == 5)
    }

    @Test("""
        the results file is written atomically: the old file stays until the new one is complete, no temporary \
        files remain
        """)
    func atomicWrite() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Fixtures.sweep(replications: 2)
        let results = try await sweep.run(jobs: 2, shard: Shard(index: 0, count: 4))
        let path = directory.appendingPathComponent("results.sqlite").path
        try "not a database".write(toFile: path, atomically: false, encoding: .utf8)
        // A write that fails halfway (a duplicate run violates the primary key) leaves the old file.
        var broken = results
        broken.runs.append(broken.runs[0])
        #expect(throws: SweepError.self) { try ResultsDatabase.write(broken, to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database")
        try ResultsDatabase.write(results, to: path)
        #expect(try ResultsDatabase.read(path: path) == results)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["results.sqlite"])
        #expect(throws: SweepError.self) {
            try ResultsDatabase.write(results, to: directory.appendingPathComponent("missing/r.sqlite").path)
        }
    }

    @Test("an invalid configuration is reported before anything runs")
    func invalidConfiguration() throws {
        let grid = try Grid.parse(
            yaml: "parameters:\n  keda.minReplicaCount: [0, 9]\n  keda.maxReplicaCount: [5]\n", file: "g.yaml")
        let sweep = try Sweep(scenario: Fixtures.scenario(), grid: grid, calculator: Fixtures.calculator())
        #expect {
            try sweep.validate()
        } throws: { error in
            (error as? SweepError)?.description.contains("configuration 1") == true
        }
        #expect(throws: SweepError.self) {
            try Sweep(scenario: Fixtures.scenario(), grid: grid, optionName: "nope", calculator: Fixtures.calculator())
        }
        // A machine the catalog has no price for is found before anything runs.
        let unpriced = try Grid.parse(
            yaml: "parameters:\n  node.machineType: [n1-highmem-4, n9-imaginary-8]\n", file: "g.yaml")
        let sweep2 = try Sweep(scenario: Fixtures.scenario(), grid: unpriced, calculator: Fixtures.calculator())
        #expect {
            try sweep2.validate()
        } throws: { error in
            (error as? SweepError)?.description.contains("configuration 1 (node.machineType=n9-imaginary-8)") == true
        }
    }

    @Test("a run that fails names the configuration and replication beside the cause")
    func failedRunNamesConfiguration() async throws {
        // A trace is streamed by each run, so a bad line far into it surfaces during the runs.
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.appendingPathComponent("day.csv")
        try "arrival_seconds,work_size\n10,1\n20,1\n30,x\n".write(to: trace, atomically: true, encoding: .utf8)
        var scenario = Fixtures.scenario()
        scenario.workload = .traceFile(path: trace.path, format: .costsim)
        scenario.horizonSeconds = 3_600
        let grid = try Grid.parse(yaml: "parameters:\n  keda.cooldownPeriod: [30s]\n", file: "g.yaml")
        let sweep = try Sweep(
            scenario: scenario, grid: grid, optionName: "scale-to-zero", replications: 1,
            calculator: Fixtures.calculator())
        await #expect {
            _ = try await sweep.run(jobs: 1)
        } throws: { error in
            guard case .runFailed(0, "keda.cooldownPeriod=30s", 0, let reason) = error as? SweepError else {
                return false
            }
            return reason.contains("day.csv:4") && reason.contains("work_size")
        }
    }

    /// On-demand nodes on both sides. At 0.05× (200 audio-s a day) the GPU node of scale-to-zero
    /// runs a few cold starts and tails. At 20× (80,000 audio-s a day, ≈ 0.42 GPU utilisation, a
    /// request every ≈ 16 s against a 60-s cooldown) it never scales in: it pays the same node as
    /// dedicated all the time plus the cluster's system nodes and fee, so dedicated is cheaper and
    /// the curves cross exactly once between the two volumes, dedicated cheaper above.
    @Test("break-even: dedicated wins at high traffic, scale-to-zero at low")
    func breakEven() async throws {
        let yaml = "parameters:\n  keda.cooldownPeriod: [60s]\n  node.spot: [false]\n"
        let grid = try Grid.parse(yaml: yaml, file: "g.yaml")
        let sweep = try Sweep(
            scenario: Fixtures.scenario(), grid: grid, replications: 1, calculator: Fixtures.calculator())
        let curve = try await sweep.breakEven(configuration: 0, scales: [0.05, 20], jobs: 2)
        #expect(curve.points.map(\.volume) == [200, 80_000])
        #expect(curve.points[0].sweptDollars < curve.points[0].dedicatedDollars)
        #expect(curve.points[1].dedicatedDollars < curve.points[1].sweptDollars)
        let crossover = try #require(curve.crossovers.first)
        #expect(curve.crossovers.count == 1)
        #expect(crossover.dedicatedCheaperAbove)
        #expect(crossover.volume > 200 && crossover.volume < 80_000)
    }

    @Test(
        "diff: a scenario against itself differs by exactly zero; a longer cooldown costs more, paired per replication")
    func diff() async throws {
        let old = Fixtures.scenario(replications: 3)
        let same = try await ScenarioDiff.compare(
            old: old, new: old, replications: 3, calculator: Fixtures.calculator(), jobs: 2)
        #expect(same.rows.map(\.optionName) == ["dedicated", "scale-to-zero"])
        #expect(same.rows.allSatisfy { $0.costDelta.mean == 0 && $0.costDelta.halfWidth == 0 && $0.p95Delta.mean == 0 })
        var new = old
        try ParameterSetting(.kedaCooldownPeriod, .number(1800)).apply(to: &new, optionIndex: 1)
        new.options.removeFirst()
        let changed = try await ScenarioDiff.compare(
            old: old, new: new, replications: 3, calculator: Fixtures.calculator(), jobs: 2)
        #expect(changed.rows.map(\.optionName) == ["scale-to-zero"])
        #expect(changed.onlyOld == ["dedicated"])
        #expect(changed.rows[0].costDelta.mean > 0)
    }

    /// Changes a results file in place (the library opens finished files read-only).
    static func edit(_ path: String, _ sql: String) throws {
        try SQLiteConnection(path: path, mode: .readWriteCreate).execute(sql)
    }

    func rows(_ path: String, _ sql: String) throws -> [[String]] {
        let db = try SQLiteConnection(path: path, mode: .readOnly)
        return try db.query(sql).map { row in
            row.map { value in
                switch value {
                case .integer(let v): String(v)
                case .real(let v): String(v)
                case .text(let v): v
                case .null: "NULL"
                }
            }
        }
    }
}

@Suite("concurrentMap: order and errors independent of the number of jobs", .serialized)
struct ConcurrentMapTests {
    struct Failure: Error, Equatable { let index: Int }

    /// The indices in the order the tasks ran them.
    final class StartLog: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [Int] = []
        func append(_ index: Int) { lock.withLock { started.append(index) } }
        var indices: [Int] { lock.withLock { started } }
    }

    @Test(arguments: [1, 2, 5])
    func resultsInIndexOrder(jobs: Int) async throws {
        let squares = try await concurrentMap(count: 40, jobs: jobs) { index in index * index }
        #expect(squares == (0..<40).map { $0 * $0 })
        // Started in another order, the results still come back by index.
        let started = StartLog()
        let reversed = try await concurrentMap(count: 40, jobs: jobs, startOrder: Array((0..<40).reversed())) { index in
            started.append(index)
            return index * index
        }
        #expect(reversed == squares)
        if jobs == 1 { #expect(started.indices == Array((0..<40).reversed())) }
    }

    @Test func firstFailingIndexWinsWhateverTheStartOrder() async {
        await #expect(throws: Failure(index: 7)) {
            _ = try await concurrentMap(count: 30, jobs: 1, startOrder: Array((0..<30).reversed())) { index in
                if index == 7 || index == 19 { throw Failure(index: index) }    // 19 starts and fails first
                return index
            }
        }
    }

    @Test(arguments: [1, 2, 5])
    func firstFailingIndexWins(jobs: Int) async {
        await #expect(throws: Failure(index: 7)) {
            _ = try await concurrentMap(count: 30, jobs: jobs) { index in
                // with several jobs, 19 fails first (cases run one at a time: a sleeping task holds a thread)
                if index == 7 { Thread.sleep(forTimeInterval: 0.05) }
                if index == 7 || index == 19 { throw Failure(index: index) }
                return index
            }
        }
    }
}

/// Results folded as they finish: in start order whatever the number of jobs, with at most
/// `4 × jobs` finished results waiting for an earlier one (so memory does not grow with the runs).
@Suite("concurrentForEach: folds in start order with a bounded backlog", .serialized)
struct ConcurrentForEachTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    @Test(arguments: [1, 2, 5])
    func foldsInStartOrderWithABoundedBacklog(jobs: Int) async throws {
        let started = Counter()
        let order = Array((0..<60).reversed())
        var consumed: [Int] = []
        var mostAhead = 0
        try await concurrentForEach(count: 60, jobs: jobs, startOrder: order, { index in
            started.increment()
            if index == 59 { Thread.sleep(forTimeInterval: 0.05) }   // the first to start finishes last of its batch
            return index * 2
        }) { index, doubled in
            #expect(doubled == index * 2)
            consumed.append(index)
            mostAhead = max(mostAhead, started.count - consumed.count)
        }
        #expect(consumed == order)
        #expect(mostAhead <= 4 * jobs, "\(mostAhead) runs started beyond the last one folded")
    }

    @Test func theFirstFailureInStartOrderStopsTheRest() async {
        let started = Counter()
        await #expect(throws: ConcurrentMapTests.Failure(index: 5)) {
            try await concurrentForEach(count: 100, jobs: 1, { index in
                started.increment()
                if index == 5 || index == 50 { throw ConcurrentMapTests.Failure(index: index) }
                return index
            }) { _, _ in }
        }
        #expect(started.count == 6)
    }
}

