import CostModel

/// Bills against the simulation, per UTC day: GPU node-hours and cost over the bill intervals that
/// lie wholly within the simulated period (a line covering time outside it is left out, and so is
/// the simulated time outside the compared intervals; docs/calibration.md, "Bills").
public struct BillComparison: Sendable {
    /// One UTC day.
    public struct Day: Sendable, Hashable {
        /// `YYYY-MM-DD`.
        public var date: String
        /// Hours of the day the compared intervals cover.
        public var coveredHours: Double
        public var simulatedNodeHours: Double
        public var billedNodeHours: Double
        public var billedSpotNodeHours: Double
        public var simulatedCost: Money
        public var billedCost: Money
    }

    /// What the billed cost covers, and so the simulated cost it is compared with.
    public enum CostScope: String, Sendable, Hashable, Codable {
        /// The GPU nodes' machines and GPUs.
        case nodes
        /// The GPUs alone (a GCP bill without node pool labels: the vCPU and RAM lines cannot be told apart).
        case gpus
    }

    public var files: [String]
    public var provider: BillProvider
    public var days: [Day]
    /// Billed GPU node-hours by node pool (lines without a pool under `-`), by pool name.
    public var pools: [String: Double]
    /// The GPU SKUs or VM types billed, sorted.
    public var skus: [String]
    /// The bill's currency; costs compare only in USD (costsim's prices).
    public var currency: String?
    public var costScope: CostScope
    /// GPU lines left out because they cover time outside the simulated period.
    public var linesLeftOut: Int

    /// The most bill intervals compared (a year of hours is 8,760).
    public static let maxIntervals = 1_000_000

    public init(bills: [BillExport], cluster: SimulatedCluster) throws(CalibrationError) {
        guard let first = bills.first else { throw CalibrationError(file: "--bill", "no bill given") }
        if let other = bills.first(where: { $0.provider != first.provider }) {
            throw CalibrationError(
                file: other.file,
                "is a \(other.provider.rawValue) bill, \(first.file) a \(first.provider.rawValue) one: "
                    + "compare one cloud at a time")
        }
        files = bills.map(\.file)
        provider = first.provider
        var windows: [(start: Double, end: Double)] = []
        for bill in bills { windows += try Self.windows(of: bill, within: (cluster.periodStart, cluster.periodEnd)) }
        windows.sort { $0.start < $1.start }
        var merged: [(start: Double, end: Double)] = []
        for window in windows {
            if let last = merged.last, window.start <= last.end {
                merged[merged.count - 1].end = max(last.end, window.end)
            } else {
                merged.append(window)
            }
        }
        guard !merged.isEmpty else {
            throw CalibrationError(
                file: first.file,
                "no bill interval lies wholly within the simulated period \(RFC3339.text(cluster.periodStart)) to "
                    + "\(RFC3339.text(cluster.periodEnd)): bill and trace must cover the same time (--start)")
        }
        let rows = bills.flatMap(\.rows)
        let inside = rows.filter { row in merged.contains { row.startSeconds >= $0.start && row.endSeconds <= $0.end } }
        linesLeftOut = rows.filter { $0.unit != .none }.count - inside.filter { $0.unit != .none }.count
        currency = bills.lazy.compactMap(\.currency).first
        costScope = provider == .gcp && !rows.contains { $0.unit == .none } ? .gpus : .nodes
        skus = Array(Set(inside.filter { $0.unit != .none }.map(\.sku))).sorted()

        func nodeHours(_ row: BillRow) -> Double {
            switch row.unit {
            case .gpuHours: row.hours / Double(cluster.gpusPerNode)
            case .nodeHours: row.hours
            case .none: 0
            }
        }
        var pools: [String: Double] = [:]
        for row in inside where row.unit != .none { pools[row.pool ?? "-", default: 0] += nodeHours(row) }
        self.pools = pools

        var days: [Int: Day] = [:]
        func day(_ index: Int) -> Day {
            days[index] ?? Day(
                date: String(RFC3339.text(Double(index) * 86_400).prefix(10)), coveredHours: 0, simulatedNodeHours: 0,
                billedNodeHours: 0, billedSpotNodeHours: 0, simulatedCost: .zero, billedCost: .zero)
        }
        for window in merged {
            var start = window.start
            while start < window.end {
                let index = Int((start / 86_400).rounded(.down))
                let piece = [(start: start, end: min(window.end, Double(index + 1) * 86_400))]
                var entry = day(index)
                entry.coveredHours += (piece[0].end - piece[0].start) / 3600
                entry.simulatedNodeHours += cluster.nodeSeconds(within: piece) / 3600
                entry.simulatedCost = entry.simulatedCost + cluster.charge(within: piece, gpuOnly: costScope == .gpus)
                days[index] = entry
                start = piece[0].end
            }
        }
        for row in inside {
            let index = Int((row.startSeconds / 86_400).rounded(.down))
            var entry = day(index)
            entry.billedNodeHours += nodeHours(row)
            if row.spot { entry.billedSpotNodeHours += nodeHours(row) }
            entry.billedCost = entry.billedCost + row.cost
            days[index] = entry
        }
        self.days = days.keys.sorted().map { days[$0]! }
    }

    /// The bill's intervals wholly within `period`: a grid of its line length (an hour, a day)
    /// over the time the bill covers, so that hours without GPU lines count as 0 billed hours.
    static func windows(
        of bill: BillExport, within period: (start: Double, end: Double)
    ) throws(CalibrationError) -> [(start: Double, end: Double)] {
        let length = bill.rows.filter { $0.unit != .none }.map { $0.endSeconds - $0.startSeconds }.max() ?? 3600
        let from = max(period.start, bill.spanStart), to = min(period.end, bill.spanEnd)
        guard from < to else { return [] }
        guard 86_400.truncatingRemainder(dividingBy: length) == 0 else {
            // Monthly lines (or other lengths that do not divide a day): the lines' own intervals.
            return bill.rows.filter { $0.startSeconds >= period.start && $0.endSeconds <= period.end }
                .map { ($0.startSeconds, $0.endSeconds) }
        }
        let first = (from / length).rounded(.up), last = (to / length).rounded(.down)
        guard last > first else { return [] }
        guard last - first <= Double(maxIntervals) else {
            throw CalibrationError(file: bill.file, "more than \(maxIntervals) bill intervals in the simulated period")
        }
        return [(first * length, last * length)]
    }

    /// Totals over the days.
    public var simulatedNodeHours: Double { days.reduce(0) { $0 + $1.simulatedNodeHours } }
    public var billedNodeHours: Double { days.reduce(0) { $0 + $1.billedNodeHours } }
    public var billedSpotNodeHours: Double { days.reduce(0) { $0 + $1.billedSpotNodeHours } }
    public var simulatedCost: Money { days.reduce(Money.zero) { $0 + $1.simulatedCost } }
    public var billedCost: Money { days.reduce(Money.zero) { $0 + $1.billedCost } }
    /// Costs compare: the bill is in US dollars (or names no currency).
    public var costComparable: Bool { currency == nil || currency == "USD" }
}
