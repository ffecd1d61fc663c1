import Simulator

/// The seed article's cost table ("Cost structure", GKE us-central1), recomputed from the
/// catalog with the same calculator that prices simulations:
///
/// - **Option 1, dedicated**: one on-demand n1-highmem-4 + T4 VM all month
///   ($0.236606 + $0.35 = $0.586606/h → $422.36 per 720-h month);
/// - **Option 2, scale to zero**: the default pool of 2 × e2-medium all month
///   (2 × $0.033503/h → $48.24) plus a spot n1-highmem-4 + T4 for 2 h a day, 30 days
///   ($0.159812/h × 60 h → $9.59): $57.83 ("$58"), about 7.3× cheaper.
///
/// Like the article it assumes the GPU node runs exactly 2 h a day (no cold start, cooldown or
/// scale-down tails, no minimum-charge effects beyond one run a day) and leaves out the GKE
/// management fee; ``clusterFeeMonthly`` reports that fee separately when the snapshot has it.
public struct ArticleEstimate: Sendable, Hashable {
    /// The snapshot the prices came from.
    public var priceSnapshot: String
    public var monthHours: Int
    /// On-demand n1-highmem-4 + T4 per hour.
    public var dedicatedHourly: HourlyRate
    /// Option 1, priced as one VM run of `monthHours` (2 h/day serving, the rest idle).
    public var dedicated: CostReport
    /// One e2-medium per hour (on-demand).
    public var systemNodeHourly: HourlyRate
    public var systemNodeCount: Int
    /// Spot n1-highmem-4 + T4 per hour.
    public var spotGPUHourly: HourlyRate
    public var gpuHoursPerDay: Int
    /// Days in the month (`monthHours / 24`): one GPU VM run per day.
    public var days: Int
    /// Option 2, priced as `systemNodeCount` always-on system nodes plus `days` spot GPU runs.
    public var scaleToZero: CostReport
    /// GKE cluster management fee for the month, if the snapshot has the fee row (the article
    /// leaves it out; GKE's free tier covers one zonal cluster).
    public var clusterFeeMonthly: Money?

    /// Option 1 vs option 2.
    public var comparison: CostComparison { CostComparison(baseline: dedicated, alternative: scaleToZero) }
    /// Option 2's system-pool share of the month.
    public var systemPoolMonthly: Money { scaleToZero.perMonth.systemNodes }
    /// Option 2's GPU share of the month.
    public var spotGPUMonthly: Money { scaleToZero.perMonth.gpuNodes }

    /// Recomputes the table from `catalog` (use ``PriceSnapshot/article`` for the article's own
    /// prices, ``PriceSnapshot/latest`` for today's).
    public static func compute(
        catalog: PriceCatalog, snapshot: PriceSnapshot = .article, monthHours: Int = 720,
        gpuHoursPerDay: Int = 2, systemNodeCount: Int = 2
    ) throws(CostModelError) -> ArticleEstimate {
        guard monthHours >= 24, monthHours <= 1_000, gpuHoursPerDay >= 1, gpuHoursPerDay <= 24, systemNodeCount >= 0,
            systemNodeCount <= 100
        else {
            throw .invalidUsage("article estimate needs monthHours 24…1000, gpuHoursPerDay 1…24, systemNodeCount 0…100")
        }
        let days = monthHours / 24
        let monthSeconds = Double(monthHours) * 3600
        let gpuOnDemand = NodeSpec.articleGPU
        var gpuSpot = NodeSpec.articleGPU
        gpuSpot.spot = true
        let system = NodeSpec.articleSystemNode
        let calculator = CostCalculator(
            catalog: catalog, snapshot: snapshot, rules: BillingRules(monthHours: monthHours, clusterFee: .none))

        var dedicatedStates = NodeStateDurations()
        dedicatedStates[.serving] = Double(gpuHoursPerDay * days) * 3600
        dedicatedStates[.idle] = monthSeconds - dedicatedStates[.serving]
        let dedicatedRun = NodeRun(
            nodeID: 0, pool: "dedicated", machine: gpuOnDemand, startSeconds: 0, endSeconds: monthSeconds,
            readySeconds: 0, runningAtEnd: true, durations: dedicatedStates)
        let dedicated = try calculator.price(
            BilledUsage(
                optionName: "dedicated", managedCluster: false, horizonSeconds: monthSeconds, nodeRuns: [dedicatedRun]))

        var runs: [NodeRun] = []
        var systemStates = NodeStateDurations()
        systemStates[.serving] = monthSeconds
        for index in 0..<systemNodeCount {
            runs.append(
                NodeRun(
                    nodeID: index, pool: "default-pool", machine: system, startSeconds: 0, endSeconds: monthSeconds,
                    readySeconds: 0, runningAtEnd: true, durations: systemStates))
        }
        let gpuSeconds = Double(gpuHoursPerDay) * 3600
        var gpuStates = NodeStateDurations()
        gpuStates[.serving] = gpuSeconds
        for day in 0..<days {
            let start = Double(day) * 86_400
            runs.append(
                NodeRun(
                    nodeID: systemNodeCount + day, pool: "gpu-pool", machine: gpuSpot, startSeconds: start,
                    endSeconds: start + gpuSeconds, readySeconds: start, runningAtEnd: false, durations: gpuStates))
        }
        let scaleToZero = try calculator.price(
            BilledUsage(
                optionName: "scale-to-zero", managedCluster: false, horizonSeconds: monthSeconds, nodeRuns: runs))

        var feeMonthly: Money?
        if let fee = try? catalog.price(
            .fee, sku: "gke-cluster-management", provider: "gcp", region: "global", capacity: .onDemand,
            snapshot: snapshot)
        {
            guard let monthly = fee.pricePerHour.charge(forHours: Int64(monthHours)) else {
                throw .overflow("GKE management fee for a \(monthHours)-h month at \(fee.pricePerHour)")
            }
            feeMonthly = monthly
        }
        var used: [String] = []
        for sku in dedicated.bySKU + scaleToZero.bySKU where !used.contains(sku.snapshot) { used.append(sku.snapshot) }
        let snapshotText: String
        if case .named = snapshot {
            snapshotText = snapshot.description
        } else {
            snapshotText = "\(snapshot) (snapshot \(used.joined(separator: ", ")))"
        }
        return ArticleEstimate(
            priceSnapshot: snapshotText, monthHours: monthHours,
            dedicatedHourly: try catalog.nodePrice(for: gpuOnDemand, snapshot: snapshot).hourlyRate,
            dedicated: dedicated,
            systemNodeHourly: try catalog.nodePrice(for: system, snapshot: snapshot).hourlyRate,
            systemNodeCount: systemNodeCount,
            spotGPUHourly: try catalog.nodePrice(for: gpuSpot, snapshot: snapshot).hourlyRate,
            gpuHoursPerDay: gpuHoursPerDay,
            days: days, scaleToZero: scaleToZero, clusterFeeMonthly: feeMonthly)
    }

    /// The table as plain text lines, as `costsim article` prints it.
    public var lines: [String] {
        let ratio = comparison.savingsRatio.map { Self.oneDecimal($0) } ?? "n/a"
        var lines = [
            "Prices: \(priceSnapshot); \(monthHours)-hour month (\(days) days)",
            "Option 1, dedicated: n1-highmem-4 + T4 on-demand = \(dedicatedHourly) × \(monthHours) h = "
                + "\(dedicated.monthlyTotal.formatted)",
            "Option 2, scale to zero:",
            "  \(systemNodeCount) × e2-medium = \(systemNodeCount) × \(systemNodeHourly) × \(monthHours) h = "
                + "\(systemPoolMonthly.formatted)",
            "  spot n1-highmem-4 + T4 = \(spotGPUHourly) × \(gpuHoursPerDay) h/day × \(days) days = "
                + "\(spotGPUMonthly.formatted)",
            "  total = \(scaleToZero.monthlyTotal.formatted)",
            "Ratio: \(dedicated.monthlyTotal.formatted) / \(scaleToZero.monthlyTotal.formatted) = \(ratio)×",
        ]
        if let fee = clusterFeeMonthly {
            lines.append(
                "Not in the article: GKE management fee \(fee.formatted) per \(monthHours)-h month (GKE's free tier "
                    + "covers one zonal cluster).")
        }
        return lines
    }

    /// `7.3` (half-up to one decimal), without Foundation formatting.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
