import Foundation
import Storage

/// The sweep results file (SQLite), written atomically: the database is built in a temporary
/// file beside the destination, closed, then renamed over it.
///
/// Tables: `meta(key, value)` (grid hash, scenario, option, seed, replications, shards,
/// complete), `configurations(configuration, label, parameters)` (parameters as JSON),
/// `runs(configuration, replication, monthly_cost_nano, p50_s, p95_s, p99_s, mean_s, arrived,
/// timed_out, cold_starts)`; view `summary` (per configuration: n, mean cost, mean latencies,
/// timeout and cold-start shares, and the cost's sample variance).
public enum ResultsDatabase {
    public static let formatVersion = "1"

    /// Writes `results` to `path`.
    ///
    /// - Parameter atomically: build the file beside `path` and rename it over `path` when
    ///   complete (the default, through Storage's ``AtomicFile``). `false` builds it at `path`
    ///   itself (which must not exist, or be empty), for a caller that writes it as one file of a
    ///   larger output (``OutputBatch``).
    public static func write(_ results: SweepResults, to path: String, atomically: Bool = true) throws(SweepError) {
        do {
            if atomically {
                try AtomicFile.produce(path) { temporary in try build(results, at: temporary) }
            } else {
                try build(results, at: path)
            }
        } catch let error as SweepError {
            throw error
        } catch let error as OutputError {
            throw .results(error.description)
        } catch let error as SQLiteError {
            throw .results("\(path): \(error.reason)")
        } catch {
            throw .results("\(path): \(error)")
        }
    }

    /// Creates the database at `path` and fills it; the connection closes when this returns.
    private static func build(_ results: SweepResults, at path: String) throws(SQLiteError) {
        let db = try SQLiteConnection(path: path, mode: .readWriteCreate)
        try db.execute("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE configurations (configuration INTEGER PRIMARY KEY, label TEXT NOT NULL, \
            parameters TEXT NOT NULL);
            CREATE TABLE runs (
                configuration INTEGER NOT NULL REFERENCES configurations(configuration),
                replication INTEGER NOT NULL,
                monthly_cost_nano INTEGER NOT NULL,
                p50_s REAL NOT NULL, p95_s REAL NOT NULL, p99_s REAL NOT NULL, mean_s REAL NOT NULL,
                arrived INTEGER NOT NULL, timed_out INTEGER NOT NULL, cold_starts INTEGER NOT NULL,
                PRIMARY KEY (configuration, replication)
            );
            CREATE VIEW summary AS
                SELECT r.configuration, c.label, COUNT(*) AS n,
                       AVG(r.monthly_cost_nano) / 1e9 AS mean_monthly_usd,
                       CASE WHEN COUNT(*) > 1 THEN (SUM((r.monthly_cost_nano / 1e9) * (r.monthly_cost_nano / 1e9))
                            - SUM(r.monthly_cost_nano / 1e9) * SUM(r.monthly_cost_nano / 1e9) / COUNT(*)) \
            / (COUNT(*) - 1) END AS var_monthly_usd,
                       AVG(r.p50_s) AS mean_p50_s, AVG(r.p95_s) AS mean_p95_s, AVG(r.p99_s) AS mean_p99_s,
                       AVG(CASE WHEN r.arrived > 0 THEN 1.0 * r.timed_out / r.arrived ELSE 0 END) AS mean_timeout_share,
                       AVG(CASE WHEN r.arrived > 0 THEN 1.0 * r.cold_starts / r.arrived ELSE 0 END) \
            AS mean_cold_start_share
                FROM runs r JOIN configurations c USING (configuration)
                GROUP BY r.configuration ORDER BY mean_monthly_usd, r.configuration;
            BEGIN;
            """)
        let identity = results.identity
        var meta: [(String, String)] = [
            ("format", formatVersion), ("grid_hash", identity.hash), ("scenario", identity.scenarioName),
            ("option", identity.optionName), ("seed", String(identity.seed)),
            ("replications", String(identity.replications)),
            ("configurations", String(results.configurations.count)),
            ("shards", results.shards.map(\.description).joined(separator: ",")),
            ("complete", results.complete ? "true" : "false"),
        ]
        if let cap = identity.responseCapSeconds { meta.append(("client_timeout_seconds", String(cap))) }
        let insertMeta = try db.prepare("INSERT INTO meta VALUES (?, ?)")
        for (key, value) in meta { try insertMeta.run([.text(key), .text(value)]) }
        let insertConfiguration = try db.prepare("INSERT INTO configurations VALUES (?, ?, ?)")
        for (index, settings) in results.configurations.enumerated() {
            try insertConfiguration.run([
                .integer(Int64(index)), .text(ConfigurationSummary.label(settings)), .text(parametersJSON(settings)),
            ])
        }
        let insertRun = try db.prepare("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for run in results.runs {
            try insertRun.run([
                .integer(Int64(run.configuration)), .integer(Int64(run.replication)),
                .integer(run.monthlyCostNanoDollars),
                .real(run.p50Seconds), .real(run.p95Seconds), .real(run.p99Seconds), .real(run.meanSeconds),
                .integer(Int64(run.arrived)), .integer(Int64(run.timedOut)), .integer(Int64(run.coldStarts)),
            ])
        }
        try db.execute("COMMIT;")
    }

    /// Reads a results file and checks it against its own metadata, so a damaged or edited file
    /// is an error naming the file, table, row and column, never a wrong answer:
    ///
    /// - `meta`: a known format, a grid hash, a seed, replications ≥ 1, shards `i/n` of one `n`,
    ///   `complete` `true` or `false`, a positive client timeout (if stored);
    /// - `configurations`: numbered 0, 1, 2, … without gaps, as many as `meta` says, each with
    ///   known parameters, none twice;
    /// - `runs`: every value of its type and range (counts whole and ≥ 0, timeouts and cold
    ///   starts at most the arrivals, cost whole nano-dollars ≥ 0, response times finite, from 0
    ///   to the client timeout, p50 ≤ p95 ≤ p99), and the rows consistent (see
    ///   ``SweepResults/checkConsistency(source:)``): each configuration in the grid and in one of
    ///   the file's shards, each replication in `0..<replications` and once, and every run of the
    ///   file's shards present when `complete` is `true`.
    public static func read(path: String) throws(SweepError) -> SweepResults {
        do {
            let db = try SQLiteConnection(path: path, mode: .readOnly)
            let meta = try Meta(reading: db, path: path)
            let configurations = try readConfigurations(db, path: path, expected: meta.configurations)
            let runs = try readRuns(db, path: path, responseCap: meta.identity.responseCapSeconds)
            let results = SweepResults(
                identity: meta.identity, configurations: configurations, runs: runs, shards: meta.shards,
                complete: meta.complete)
            try results.checkConsistency(source: path)
            return results
        } catch let error as SweepError {
            throw error
        } catch let error as SQLiteError {
            throw .results(describe(error))
        } catch {
            throw .results("\(path): \(error)")
        }
    }

    /// A results file that could not be opened or read, in the terms of results files.
    static func describe(_ error: SQLiteError) -> String {
        switch error.kind {
        case .notADatabase, .missingTable: "\(error.path): not a costsim sweep results file: \(error.reason)"
        default: error.description
        }
    }

    /// `true` if `path` is a results file of a whole sweep (`complete` is `true` in its `meta`)
    /// — one an interrupted run must not replace; `false` for anything else, also no file.
    public static func holdsCompleteSweep(_ path: String) -> Bool {
        guard let db = try? SQLiteConnection(path: path, mode: .readOnly),
              let rows = try? db.query("SELECT value FROM meta WHERE key = 'format' OR key = 'complete' ORDER BY key")
        else { return false }
        return rows.map { $0[0].textValue ?? "" } == ["true", formatVersion]
    }

    /// Combines results files of one sweep: shard files, or files merged from some of its shards.
    ///
    /// Refuses files of different sweeps (grid hash, configurations, meta), mismatched shard
    /// counts, a shard held by two files, and files whose runs contradict their shards
    /// (``SweepResults/checkConsistency(source:)``). The merge is ``SweepResults/complete`` when
    /// its runs cover every configuration with all replications, however the files split them.
    public static func merge(_ parts: [(path: String, results: SweepResults)]) throws(SweepError) -> SweepResults {
        guard let first = parts.first else { throw .invalidInput("nothing to merge") }
        let shardCount = first.results.shards.first?.count ?? 1
        var runs: [RunOutcome] = []
        var holder: [Shard: String] = [:]
        for (path, part) in parts {
            try part.checkConsistency(source: path)
            try checkSameSweep(part, path: path, as: first)
            for shard in part.shards {
                guard shard.count == shardCount else {
                    throw .results(
                        "\(path) holds shard \(shard), but \(first.path) was split into \(shardCount) shards")
                }
                if let other = holder[shard] {
                    throw .results("\(path): shard \(shard) appears twice (also in \(other))")
                }
                holder[shard] = path
            }
            runs += part.runs
        }
        var merged = SweepResults(
            identity: first.results.identity, configurations: first.results.configurations, runs: runs,
            shards: holder.keys.sorted { $0.index < $1.index }, complete: false)
        merged.complete = merged.coverage.isWholeGrid
        return merged
    }

    /// Files with the same grid hash that differ in their grid or metadata were edited.
    static func checkSameSweep(
        _ part: SweepResults, path: String, as first: (path: String, results: SweepResults)
    ) throws(SweepError) {
        let (a, b) = (part.identity, first.results.identity)
        guard a.hash == b.hash else {
            throw .results(
                "\(path) is from a different sweep than \(first.path) (grid hash \(a.hash) ≠ \(b.hash)): scenario, "
                    + "grid, option, seed, replications or prices differ")
        }
        var fields = [
            ("scenario", a.scenarioName, b.scenarioName), ("option", a.optionName, b.optionName),
            ("seed", String(a.seed), String(b.seed)), ("replications", String(a.replications), String(b.replications)),
        ]
        if let capA = a.responseCapSeconds, let capB = b.responseCapSeconds {
            fields.append(("client_timeout_seconds", String(capA), String(capB)))
        }
        for (key, value, expected) in fields where value != expected {
            throw .results(
                "\(path): table meta, key \(key): '\(value)', but '\(expected)' in \(first.path) of the same sweep "
                    + "(grid hash \(a.hash)): a file was edited")
        }
        guard part.configurations == first.results.configurations else {
            throw .results(
                "\(path): table configurations differs from that of \(first.path) of the same sweep (grid hash "
                    + "\(a.hash)): a file was edited")
        }
    }

    /// The checked `meta` table.
    struct Meta {
        var identity: SweepIdentity
        /// The grid's size, if stored.
        var configurations: Int?
        var shards: [Shard]
        var complete: Bool

        init(reading db: SQLiteConnection, path: String) throws {
            var meta: [String: String] = [:]
            for row in try db.query("SELECT key, value FROM meta") {
                meta[row[0].textValue ?? ""] = row[1].textValue ?? ""
            }
            guard meta["format"] == formatVersion else {
                throw SweepError.results("\(path): not a costsim sweep results file (format \(formatVersion))")
            }
            func invalid(_ key: String, _ expected: String) -> SweepError {
                .results(
                    "\(path): table meta, key \(key): expected \(expected), found "
                        + "\(meta[key].map { "'\($0)'" } ?? "no such key")")
            }
            guard let hash = meta["grid_hash"], !hash.isEmpty else {
                throw invalid("grid_hash", "the sweep's grid hash")
            }
            guard let seed = meta["seed"].flatMap(UInt64.init) else { throw invalid("seed", "a whole number ≥ 0") }
            guard let replications = meta["replications"].flatMap(Int.init), replications >= 1 else {
                throw invalid("replications", "a whole number ≥ 1")
            }
            if let text = meta["configurations"] {
                guard let count = Int(text), count >= 1 else { throw invalid("configurations", "a whole number ≥ 1") }
                configurations = count
            }
            shards = []
            for text in (meta["shards"] ?? "").split(separator: ",", omittingEmptySubsequences: false) {
                guard let shard = try? Shard(parsing: String(text)),
                    shards.allSatisfy({ $0.count == shard.count && $0 != shard })
                else {
                    throw invalid("shards", "distinct shards i/n (0 ≤ i < n, one n) separated by commas")
                }
                shards.append(shard)
            }
            guard let complete = ["true": true, "false": false][meta["complete"] ?? ""] else {
                throw invalid("complete", "true or false")
            }
            self.complete = complete
            var cap: Double?
            if let text = meta["client_timeout_seconds"] {
                guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                    throw invalid("client_timeout_seconds", "a positive number of seconds")
                }
                cap = seconds
            }
            identity = SweepIdentity(
                scenarioName: meta["scenario"] ?? "", optionName: meta["option"] ?? "", seed: seed,
                replications: replications,
                hash: hash, responseCapSeconds: cap)
        }
    }

    /// Table `configurations`: numbered 0, 1, 2, … without gaps, `expected` of them if known.
    static func readConfigurations(_ db: SQLiteConnection, path: String, expected: Int?) throws -> [[ParameterSetting]]
    {
        var configurations: [[ParameterSetting]] = []
        for row in try db.query("SELECT configuration, parameters FROM configurations ORDER BY configuration") {
            let number = configurations.count
            guard case .integer(let found) = row[0], found == number else {
                throw SweepError.results(
                    "\(path): table configurations, row \(number + 1), column configuration: expected \(number) "
                        + "(configurations are numbered 0, 1, 2, … without gaps), found \(row[0])")
            }
            configurations.append(
                try parseParametersJSON(
                    row[1].textValue ?? "",
                    context: "\(path): table configurations, configuration \(number), column parameters"))
        }
        guard !configurations.isEmpty else { throw SweepError.results("\(path): table configurations is empty") }
        if let expected, expected != configurations.count {
            throw SweepError.results(
                "\(path): table meta, key configurations: \(expected), but table configurations has "
                    + "\(configurations.count) rows")
        }
        return configurations
    }

    /// Table `runs`, every value checked (``RunRow``).
    static func readRuns(_ db: SQLiteConnection, path: String, responseCap: Double?) throws -> [RunOutcome] {
        let query = "SELECT \(RunRow.columns.joined(separator: ", ")) FROM runs ORDER BY configuration, replication"
        return try db.query(query).map { values throws(SweepError) in
            try RunRow(path: path, values: values, responseCap: responseCap).outcome()
        }
    }

    static func parametersJSON(_ settings: [ParameterSetting]) -> String {
        let items = settings.map { setting -> String in
            let value: String = switch setting.value {
            case .number(let number): ParameterValue.format(number)
            case .text(let text):
                "\"" + text.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"") + "\""
            }
            return "[\"\(setting.parameter.rawValue)\", \(value)]"
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// `[["name", value], …]` as written by ``parametersJSON(_:)``; `context` starts the error messages.
    static func parseParametersJSON(_ text: String, context: String) throws(SweepError) -> [ParameterSetting] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]] else {
            throw .results("\(context): unreadable configuration parameters \(text)")
        }
        var settings: [ParameterSetting] = []
        for pair in array {
            guard pair.count == 2, let name = pair[0] as? String, let parameter = SweepParameter(rawValue: name) else {
                throw .results("\(context): unknown parameter in \(text)")
            }
            guard !settings.contains(where: { $0.parameter == parameter }) else {
                throw .results("\(context): parameter \(name) appears twice in \(text)")
            }
            if let text = pair[1] as? String {
                settings.append(ParameterSetting(parameter, .text(text)))
            } else if let number = pair[1] as? NSNumber, number.doubleValue.isFinite {
                settings.append(ParameterSetting(parameter, .number(number.doubleValue)))
            } else {
                throw .results("\(context): unreadable value in \(text)")
            }
        }
        return settings
    }
}

/// One row of table `runs` being read: ``outcome()`` checks every column against its meaning
/// and throws an error naming the file, the row (configuration, replication) and the column.
struct RunRow {
    static let columns = [
        "configuration", "replication", "monthly_cost_nano", "p50_s", "p95_s", "p99_s", "mean_s", "arrived",
        "timed_out", "cold_starts",
    ]
    /// Means may exceed the cap by rounding (a sum of capped values divided by their count).
    static let roundingTolerance = 1e-9

    let path: String
    let values: [SQLValue]
    /// The client timeout: no response time exceeds it (nil: not stored).
    let responseCap: Double?

    func outcome() throws(SweepError) -> RunOutcome {
        let arrived = try whole(7, "a count of requests")
        let (p50, p95, p99) = (try seconds(3), try seconds(4), try seconds(5))
        guard p50 <= p95 else { throw failure(4, "at least p50_s (\(p50))") }
        guard p95 <= p99 else { throw failure(5, "at least p95_s (\(p95))") }
        return RunOutcome(
            configuration: try whole(0, "a configuration number"), replication: try whole(1, "a replication number"),
            monthlyCostNanoDollars: Int64(try whole(2, "a cost in nano-dollars")),
            p50Seconds: p50, p95Seconds: p95, p99Seconds: p99, meanSeconds: try seconds(6), arrived: arrived,
            timedOut: try whole(8, "a count of requests", atMost: arrived),
            coldStarts: try whole(9, "a count of requests", atMost: arrived))
    }

    func failure(_ column: Int, _ expected: String) -> SweepError {
        .results(
            "\(path): table runs, row (configuration \(values[0]), replication \(values[1])), column "
                + "\(Self.columns[column]): expected \(expected), found \(values[column])")
    }

    /// A whole number ≥ 0, and at most `arrived` requests if given.
    func whole(_ column: Int, _ what: String, atMost arrived: Int? = nil) throws(SweepError) -> Int {
        guard case .integer(let stored) = values[column], let value = Int(exactly: stored), value >= 0 else {
            throw failure(column, "\(what) (a whole number ≥ 0)")
        }
        if let arrived, value > arrived { throw failure(column, "at most arrived (\(arrived))") }
        return value
    }

    /// A response time: a finite number of seconds from 0 to the client timeout.
    func seconds(_ column: Int) throws(SweepError) -> Double {
        let limit = responseCap.map { $0 * (1 + Self.roundingTolerance) } ?? .greatestFiniteMagnitude
        let value: Double? = switch values[column] {
        case .real(let v): v
        case .integer(let v): Double(v)
        case .text, .null: nil
        }
        guard let value, value.isFinite, value >= 0, value <= limit else {
            throw failure(
                column,
                "a response time in seconds from 0 to "
                    + (responseCap.map { "the client timeout, \(ParameterValue.format($0)) s" } ?? "any finite number"))
        }
        return value
    }
}
