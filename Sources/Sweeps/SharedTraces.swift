import Simulator

/// The generated traffic of each replication, made once per sweep and replayed by every
/// configuration that keeps the scenario's workload. The records are the ones the configuration
/// would have generated itself (same description, seed and replication), so results do not
/// change; the sweep just stops paying for the same random draws once per configuration.
///
/// Traces that would hold more than ``maximumRecords`` records in memory (all replications
/// together) are streamed as before: this bounds a sweep's memory whatever its replications.
struct SharedTraces: Sendable {
    /// 4 million records: 96 MB (a ``Simulator/TraceRecord`` takes 24 bytes).
    static let maximumRecords = 4_000_000.0

    /// The shared workload, when there is one.
    private let description: SyntheticTrace.Description?
    private let recordsByReplication: [Int: [TraceRecord]]

    /// Generates `replications` of `scenario`'s workload if it is generated and small enough.
    init(scenario: Scenario, replications: [Int]) throws {
        guard case .synthetic(let description) = scenario.workload,
              description.requestsPerDay * description.days * Double(replications.count) <= Self.maximumRecords else {
            self.description = nil
            recordsByReplication = [:]
            return
        }
        var recordsByReplication: [Int: [TraceRecord]] = [:]
        for replication in replications {
            var trace = SyntheticTrace(description, seed: scenario.seed, replication: replication)
            var records: [TraceRecord] = []
            records.reserveCapacity(Int(description.requestsPerDay * description.days * 1.01) + 16)
            while let record = try trace.next() { records.append(record) }
            recordsByReplication[replication] = records
        }
        self.description = description
        self.recordsByReplication = recordsByReplication
    }

    /// `scenario` replaying the shared records of `replication` when its workload is the shared
    /// one (same seed too); otherwise `scenario` unchanged.
    func applied(to scenario: Scenario, seed: UInt64, replication: Int) -> Scenario {
        guard let description, case .synthetic(let own) = scenario.workload, own == description, scenario.seed == seed,
              let records = recordsByReplication[replication] else { return scenario }
        var replaying = scenario
        replaying.workload = .records(records)
        // the generated days stay the observation period
        if replaying.horizonSeconds == nil { replaying.horizonSeconds = description.horizonSeconds }
        return replaying
    }
}
