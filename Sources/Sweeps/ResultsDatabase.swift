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

    /// Writes `results` to `path` atomically.
    public static func write(_ results: SweepResults, to path: String) throws(SweepError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .results("\(path): directory \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
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
            guard rename(temporary, path) == 0 else {
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

    /// Reads a results file.
    public static func read(path: String) throws(SweepError) -> SweepResults {
        guard FileManager.default.fileExists(atPath: path) else { throw .results("\(path): file not found") }
        do {
            let db = try Connection(path: path, create: false)
            defer { try? db.close() }
            var meta: [String: String] = [:]
            for row in try db.query("SELECT key, value FROM meta") { meta[row[0].text] = row[1].text }
            guard meta["format"] == formatVersion, let hash = meta["grid_hash"], let seed = meta["seed"].flatMap(UInt64.init),
                  let replications = meta["replications"].flatMap(Int.init)
            else { throw SweepError.results("\(path): not a costsim sweep results file (format \(formatVersion))") }
            var configurations: [[ParameterSetting]] = []
            for row in try db.query("SELECT parameters FROM configurations ORDER BY configuration") {
                configurations.append(try parseParametersJSON(row[0].text, path: path))
            }
            var runs: [RunOutcome] = []
            for row in try db.query("SELECT * FROM runs ORDER BY configuration, replication") {
                runs.append(RunOutcome(
                    configuration: Int(row[0].integer), replication: Int(row[1].integer), monthlyCostNanoDollars: row[2].integer,
                    p50Seconds: row[3].real, p95Seconds: row[4].real, p99Seconds: row[5].real, meanSeconds: row[6].real,
                    arrived: Int(row[7].integer), timedOut: Int(row[8].integer), coldStarts: Int(row[9].integer)))
            }
            var shards: [Shard] = []
            for text in (meta["shards"] ?? "").split(separator: ",") { shards.append(try Shard(parsing: String(text))) }
            let identity = SweepIdentity(
                scenarioName: meta["scenario"] ?? "", optionName: meta["option"] ?? "", seed: seed, replications: replications, hash: hash,
                responseCapSeconds: try responseCap(meta["client_timeout_seconds"], path: path))
            return SweepResults(identity: identity, configurations: configurations, runs: runs, shards: shards, complete: meta["complete"] == "true")
        } catch let error as SweepError {
            throw error
        } catch {
            throw .results("\(path): \(error)")
        }
    }

    /// Combines shard files of one sweep. Refuses files of different sweeps (grid hash),
    /// overlapping shards and mismatched shard counts.
    public static func merge(_ parts: [(path: String, results: SweepResults)]) throws(SweepError) -> SweepResults {
        guard let first = parts.first else { throw .invalidInput("nothing to merge") }
        var runs: [RunOutcome] = []
        var seen = Set<Shard>()
        var complete = true
        for (path, part) in parts {
            guard part.identity.hash == first.results.identity.hash else {
                throw .results("\(path) is from a different sweep than \(first.path) (grid hash \(part.identity.hash) ≠ \(first.results.identity.hash)): scenario, grid, option, seed, replications or prices differ")
            }
            for shard in part.shards {
                guard shard.count == first.results.shards.first?.count else {
                    throw .results("\(path) holds shard \(shard), but \(first.path) was split into \(first.results.shards.first?.count ?? 0) shards")
                }
                guard seen.insert(shard).inserted else { throw .results("\(path): shard \(shard) appears twice") }
            }
            runs += part.runs
            complete = complete && part.complete
        }
        let count = first.results.shards.first?.count ?? 1
        let allShards = seen.count == count
        return SweepResults(
            identity: first.results.identity, configurations: first.results.configurations, runs: runs,
            shards: seen.sorted { $0.index < $1.index }, complete: complete && allShards)
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

    /// The stored client timeout: absent in files written before it was kept (no cap), else a positive number.
    static func responseCap(_ text: String?, path: String) throws(SweepError) -> Double? {
        guard let text else { return nil }
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
            throw .results("\(path): meta client_timeout_seconds must be a positive number of seconds, found '\(text)'")
        }
        return seconds
    }

    static func parseParametersJSON(_ text: String, path: String) throws(SweepError) -> [ParameterSetting] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]] else {
            throw .results("\(path): unreadable configuration parameters \(text)")
        }
        var settings: [ParameterSetting] = []
        for pair in array {
            guard pair.count == 2, let name = pair[0] as? String, let parameter = SweepParameter(rawValue: name) else {
                throw .results("\(path): unknown parameter in \(text)")
            }
            if let text = pair[1] as? String {
                settings.append(ParameterSetting(parameter, .text(text)))
            } else if let number = pair[1] as? NSNumber {
                settings.append(ParameterSetting(parameter, .number(number.doubleValue)))
            } else {
                throw .results("\(path): unreadable value in \(text)")
            }
        }
        return settings
    }
}

// MARK: - A minimal libsqlite3 wrapper (CostModel's is internal to that module)

enum SQLValue {
    case integer(Int64), real(Double), text(String), null

    var integer: Int64 { if case .integer(let v) = self { v } else if case .real(let v) = self { Int64(v) } else { 0 } }
    var real: Double { if case .real(let v) = self { v } else if case .integer(let v) = self { Double(v) } else { .nan } }
    var text: String { if case .text(let v) = self { v } else { "" } }
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
