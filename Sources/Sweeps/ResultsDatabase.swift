import CSQLite
import Foundation

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
    ///   complete (the default). `false` builds it at `path` itself, for a caller that already
    ///   writes to a temporary file of its own (the CLI registers its temporary files for removal
    ///   on Ctrl-C; a second, inner temporary file would be left behind).
    public static func write(_ results: SweepResults, to path: String, atomically: Bool = true) throws(SweepError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .results("\(path): directory \(directory.path) does not exist")
        }
        let temporary = atomically
            ? directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
            : path
        do {
            let db = try Connection(path: temporary, create: true)
            try db.execute("""
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE configurations (configuration INTEGER PRIMARY KEY, label TEXT NOT NULL, parameters TEXT NOT NULL);
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
                                - SUM(r.monthly_cost_nano / 1e9) * SUM(r.monthly_cost_nano / 1e9) / COUNT(*)) / (COUNT(*) - 1) END AS var_monthly_usd,
                           AVG(r.p50_s) AS mean_p50_s, AVG(r.p95_s) AS mean_p95_s, AVG(r.p99_s) AS mean_p99_s,
                           AVG(CASE WHEN r.arrived > 0 THEN 1.0 * r.timed_out / r.arrived ELSE 0 END) AS mean_timeout_share,
                           AVG(CASE WHEN r.arrived > 0 THEN 1.0 * r.cold_starts / r.arrived ELSE 0 END) AS mean_cold_start_share
                    FROM runs r JOIN configurations c USING (configuration)
                    GROUP BY r.configuration ORDER BY mean_monthly_usd, r.configuration;
                BEGIN;
                """)
            let identity = results.identity
            var meta: [(String, String)] = [
                ("format", formatVersion), ("grid_hash", identity.hash), ("scenario", identity.scenarioName),
                ("option", identity.optionName), ("seed", String(identity.seed)), ("replications", String(identity.replications)),
                ("configurations", String(results.configurations.count)),
                ("shards", results.shards.map(\.description).joined(separator: ",")),
                ("complete", results.complete ? "true" : "false"),
            ]
            if let cap = identity.responseCapSeconds { meta.append(("client_timeout_seconds", String(cap))) }
            let insertMeta = try db.prepare("INSERT INTO meta VALUES (?, ?)")
            for (key, value) in meta { try insertMeta.run([.text(key), .text(value)]) }
            let insertConfiguration = try db.prepare("INSERT INTO configurations VALUES (?, ?, ?)")
            for (index, settings) in results.configurations.enumerated() {
                try insertConfiguration.run([.integer(Int64(index)), .text(ConfigurationSummary.label(settings)), .text(parametersJSON(settings))])
            }
            let insertRun = try db.prepare("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for run in results.runs {
                try insertRun.run([
                    .integer(Int64(run.configuration)), .integer(Int64(run.replication)), .integer(run.monthlyCostNanoDollars),
                    .real(run.p50Seconds), .real(run.p95Seconds), .real(run.p99Seconds), .real(run.meanSeconds),
                    .integer(Int64(run.arrived)), .integer(Int64(run.timedOut)), .integer(Int64(run.coldStarts)),
                ])
            }
            insertMeta.finalize()
            insertConfiguration.finalize()
            insertRun.finalize()
            try db.execute("COMMIT;")
            try db.close()
            guard !atomically || rename(temporary, path) == 0 else {
                throw SweepError.results("\(path): cannot replace file: \(String(cString: strerror(errno)))")
            }
        } catch let error as SweepError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .results("\(path): \(error)")
        }
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
        guard FileManager.default.fileExists(atPath: path) else { throw .results("\(path): file not found") }
        do {
            let db = try Connection(path: path, create: false)
            defer { try? db.close() }
            let meta = try Meta(reading: db, path: path)
            let configurations = try readConfigurations(db, path: path, expected: meta.configurations)
            let runs = try readRuns(db, path: path, responseCap: meta.identity.responseCapSeconds)
            let results = SweepResults(identity: meta.identity, configurations: configurations, runs: runs, shards: meta.shards, complete: meta.complete)
            try results.checkConsistency(source: path)
            return results
        } catch let error as SweepError {
            throw error
        } catch {
            throw .results("\(path): \(error)")
        }
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
                    throw .results("\(path) holds shard \(shard), but \(first.path) was split into \(shardCount) shards")
                }
                if let other = holder[shard] { throw .results("\(path): shard \(shard) appears twice (also in \(other))") }
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
    static func checkSameSweep(_ part: SweepResults, path: String, as first: (path: String, results: SweepResults)) throws(SweepError) {
        let (a, b) = (part.identity, first.results.identity)
        guard a.hash == b.hash else {
            throw .results("\(path) is from a different sweep than \(first.path) (grid hash \(a.hash) ≠ \(b.hash)): scenario, grid, option, seed, replications or prices differ")
        }
        var fields = [("scenario", a.scenarioName, b.scenarioName), ("option", a.optionName, b.optionName),
                      ("seed", String(a.seed), String(b.seed)), ("replications", String(a.replications), String(b.replications))]
        if let capA = a.responseCapSeconds, let capB = b.responseCapSeconds {
            fields.append(("client_timeout_seconds", String(capA), String(capB)))
        }
        for (key, value, expected) in fields where value != expected {
            throw .results("\(path): table meta, key \(key): '\(value)', but '\(expected)' in \(first.path) of the same sweep (grid hash \(a.hash)): a file was edited")
        }
        guard part.configurations == first.results.configurations else {
            throw .results("\(path): table configurations differs from that of \(first.path) of the same sweep (grid hash \(a.hash)): a file was edited")
        }
    }

    /// The checked `meta` table.
    struct Meta {
        var identity: SweepIdentity
        /// The grid's size, if stored.
        var configurations: Int?
        var shards: [Shard]
        var complete: Bool

        init(reading db: Connection, path: String) throws {
            var meta: [String: String] = [:]
            for row in try db.query("SELECT key, value FROM meta") { meta[row[0].text] = row[1].text }
            guard meta["format"] == formatVersion else {
                throw SweepError.results("\(path): not a costsim sweep results file (format \(formatVersion))")
            }
            func invalid(_ key: String, _ expected: String) -> SweepError {
                .results("\(path): table meta, key \(key): expected \(expected), found \(meta[key].map { "'\($0)'" } ?? "no such key")")
            }
            guard let hash = meta["grid_hash"], !hash.isEmpty else { throw invalid("grid_hash", "the sweep's grid hash") }
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
                guard let shard = try? Shard(parsing: String(text)), shards.allSatisfy({ $0.count == shard.count && $0 != shard }) else {
                    throw invalid("shards", "distinct shards i/n (0 ≤ i < n, one n) separated by commas")
                }
                shards.append(shard)
            }
            guard let complete = ["true": true, "false": false][meta["complete"] ?? ""] else { throw invalid("complete", "true or false") }
            self.complete = complete
            var cap: Double?
            if let text = meta["client_timeout_seconds"] {
                guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                    throw invalid("client_timeout_seconds", "a positive number of seconds")
                }
                cap = seconds
            }
            identity = SweepIdentity(
                scenarioName: meta["scenario"] ?? "", optionName: meta["option"] ?? "", seed: seed, replications: replications,
                hash: hash, responseCapSeconds: cap)
        }
    }

    /// Table `configurations`: numbered 0, 1, 2, … without gaps, `expected` of them if known.
    static func readConfigurations(_ db: Connection, path: String, expected: Int?) throws -> [[ParameterSetting]] {
        var configurations: [[ParameterSetting]] = []
        for row in try db.query("SELECT configuration, parameters FROM configurations ORDER BY configuration") {
            let number = configurations.count
            guard case .integer(let found) = row[0], found == number else {
                throw SweepError.results("\(path): table configurations, row \(number + 1), column configuration: expected \(number) (configurations are numbered 0, 1, 2, … without gaps), found \(row[0])")
            }
            configurations.append(try parseParametersJSON(row[1].text, context: "\(path): table configurations, configuration \(number), column parameters"))
        }
        guard !configurations.isEmpty else { throw SweepError.results("\(path): table configurations is empty") }
        if let expected, expected != configurations.count {
            throw SweepError.results("\(path): table meta, key configurations: \(expected), but table configurations has \(configurations.count) rows")
        }
        return configurations
    }

    /// Table `runs`, every value checked (``RunRow``).
    static func readRuns(_ db: Connection, path: String, responseCap: Double?) throws -> [RunOutcome] {
        let query = "SELECT \(RunRow.columns.joined(separator: ", ")) FROM runs ORDER BY configuration, replication"
        return try db.query(query).map { values throws(SweepError) in
            try RunRow(path: path, values: values, responseCap: responseCap).outcome()
        }
    }

    static func parametersJSON(_ settings: [ParameterSetting]) -> String {
        let items = settings.map { setting -> String in
            let value: String = switch setting.value {
            case .number(let number): ParameterValue.format(number)
            case .text(let text): "\"\(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
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
    static let columns = ["configuration", "replication", "monthly_cost_nano", "p50_s", "p95_s", "p99_s", "mean_s", "arrived", "timed_out", "cold_starts"]
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
            timedOut: try whole(8, "a count of requests", atMost: arrived), coldStarts: try whole(9, "a count of requests", atMost: arrived))
    }

    func failure(_ column: Int, _ expected: String) -> SweepError {
        .results("\(path): table runs, row (configuration \(values[0]), replication \(values[1])), column \(Self.columns[column]): expected \(expected), found \(values[column])")
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
            throw failure(column, "a response time in seconds from 0 to " + (responseCap.map { "the client timeout, \(ParameterValue.format($0)) s" } ?? "any finite number"))
        }
        return value
    }
}

// MARK: - A minimal libsqlite3 wrapper (CostModel's is internal to that module)

/// A value as SQLite stores it; read it with a `switch` and check its type (``RunRow``).
enum SQLValue: CustomStringConvertible {
    case integer(Int64), real(Double), text(String), null

    /// The text, or "" for any other type.
    var text: String { if case .text(let v) = self { v } else { "" } }

    /// For error messages: numbers as stored, text quoted (shortened), NULL.
    var description: String {
        switch self {
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): "'" + (v.count > 40 ? v.prefix(40) + "…" : v) + "'"
        case .null: "NULL"
        }
    }
}

struct SQLiteFailure: Error, CustomStringConvertible {
    let description: String
}

final class Connection {
    private var handle: OpaquePointer?

    init(path: String, create: Bool) throws {
        let flags = create ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteFailure(description: "cannot open database: \(message)")
        }
    }

    deinit { sqlite3_close(handle) }

    func close() throws {
        guard let handle else { return }
        guard sqlite3_close(handle) == SQLITE_OK else { throw SQLiteFailure(description: "cannot close: \(lastError)") }
        self.handle = nil
    }

    var lastError: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw SQLiteFailure(description: text)
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteFailure(description: "\(lastError) in \(sql)")
        }
        return Statement(statement, connection: self)
    }

    func query(_ sql: String) throws -> [[SQLValue]] {
        let statement = try prepare(sql)
        defer { statement.finalize() }
        return try statement.rows()
    }
}

final class Statement {
    private var statement: OpaquePointer?
    private unowned let connection: Connection

    init(_ statement: OpaquePointer, connection: Connection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    func finalize() {
        sqlite3_finalize(statement)
        statement = nil
    }

    func run(_ values: [SQLValue]) throws {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32 = switch value {
            case .integer(let v): sqlite3_bind_int64(statement, index, v)
            case .real(let v): sqlite3_bind_double(statement, index, v)
            case .text(let v): sqlite3_bind_text(statement, index, v, -1, csqlite_transient())
            case .null: sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw SQLiteFailure(description: connection.lastError) }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw SQLiteFailure(description: connection.lastError) }
    }

    func rows() throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw SQLiteFailure(description: connection.lastError) }
            var row: [SQLValue] = []
            for column in 0..<sqlite3_column_count(statement) {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: row.append(.real(sqlite3_column_double(statement, column)))
                case SQLITE_TEXT: row.append(.text(String(cString: sqlite3_column_text(statement, column))))
                default: row.append(.null)
                }
            }
            rows.append(row)
        }
    }
}
