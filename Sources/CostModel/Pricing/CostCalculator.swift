import Simulator

/// Turns simulated usage into money: looks every VM run up in a ``PriceCatalog``, applies the
/// catalog's billing increments and minimums per run, adds the cluster management fee, and
/// projects to a month.
///
/// ```swift
/// let catalog = try PriceCatalog.bundled()
/// let calculator = CostCalculator(catalog: catalog, snapshot: .latest, rules: .standard)
/// let report = try calculator.price(result)          // result: SimulationResult
/// print(report.monthlyTotal.formatted)
/// ```
///
/// Rounding: each run's machine charge and GPU charge is `rate × billed seconds / 3600`,
/// rounded half-up to the nano-dollar once; everything after that is exact integer sums.
/// Monthly projections scale each component by `month / horizon` (half-up to the nano-dollar)
/// and split sub-totals with the largest-remainder method so that parts always add up.
public struct CostCalculator: Sendable {
    public let catalog: PriceCatalog
    public var snapshot: PriceSnapshot
    public var rules: BillingRules

    public init(catalog: PriceCatalog, snapshot: PriceSnapshot = .latest, rules: BillingRules = .standard) {
        self.catalog = catalog
        self.snapshot = snapshot
        self.rules = rules
    }

    /// Prices everything a simulation run used.
    public func price(_ result: SimulationResult) throws(CostModelError) -> CostReport {
        try price(BilledUsage(result))
    }

    /// Prices usage built by hand or taken from a result.
    public func price(_ usage: BilledUsage) throws(CostModelError) -> CostReport {
        guard usage.horizonSeconds > 0 else { throw .invalidUsage("horizon \(usage.horizonSeconds) s must be positive") }
        let horizonMicros = try BillingRules.wholeMicroseconds(usage.horizonSeconds)
        guard rules.monthHours > 0, rules.monthHours <= 100_000 else { throw .invalidUsage("month of \(rules.monthHours) h") }
        let monthMicros = Int64(rules.monthHours) * 3_600_000_000

        var simulated = CostBreakdown()
        var skuCosts: [SKUCost] = []
        var skuIndex: [String: Int] = [:]
        var runCharges: [NodeRunCharge] = []
        var gpuUsedSeconds = 0.0
        var gpuBilledSeconds: Int64 = 0
        // Each machine's prices, with the keys of their rows (built once: a run can have thousands of VMs).
        var prices: [NodeSpec: (price: NodePrice, machineKey: String, gpuKey: String?)] = [:]

        func record(_ row: PriceRow, key: String, units: Int, usedSeconds: Double, billedSeconds: Int64, cost: Money) throws(CostModelError) {
            let billedUnits = billedSeconds.multipliedReportingOverflow(by: Int64(units))
            guard !billedUnits.overflow else { throw .overflow("billed seconds of \(row.sku)") }
            if let index = skuIndex[key] {
                skuCosts[index].runCount += 1
                skuCosts[index].usedUnitSeconds += usedSeconds * Double(units)
                skuCosts[index].billedUnitSeconds += billedUnits.partialValue
                skuCosts[index].cost = try Self.sum(skuCosts[index].cost, cost)
            } else {
                skuIndex[key] = skuCosts.count
                skuCosts.append(SKUCost(
                    provider: row.provider, region: row.region, kind: row.kind, sku: row.sku, capacity: row.capacity,
                    snapshot: row.snapshot, pricePerHour: row.pricePerHour, runCount: 1,
                    usedUnitSeconds: usedSeconds * Double(units), billedUnitSeconds: billedUnits.partialValue, cost: cost))
            }
        }

        for run in usage.nodeRuns {
            let nodePrice: NodePrice, machineKey: String, gpuKey: String?
            if let cached = prices[run.machine] {
                (nodePrice, machineKey, gpuKey) = cached
            } else {
                nodePrice = try catalog.nodePrice(for: run.machine, snapshot: snapshot)
                (machineKey, gpuKey) = (nodePrice.machine.keyDescription, nodePrice.gpu?.keyDescription)
                prices[run.machine] = (nodePrice, machineKey, gpuKey)
            }
            let charge = try Self.charge(run, at: nodePrice)
            runCharges.append(charge)
            let usedSeconds = run.endSeconds - run.startSeconds
            try record(nodePrice.machine, key: machineKey, units: 1, usedSeconds: usedSeconds, billedSeconds: charge.billedSeconds, cost: charge.machineCost)
            if let gpu = nodePrice.gpu, let gpuKey {
                let gpuBilled = try BillingRules.billedSeconds(forDuration: usedSeconds, incrementSeconds: gpu.billingIncrementSeconds, minimumSeconds: gpu.billingMinimumSeconds)
                try record(gpu, key: gpuKey, units: nodePrice.attachedGPUCount, usedSeconds: usedSeconds, billedSeconds: gpuBilled, cost: charge.gpuCost)
            }
            let total = charge.total
            if charge.isGPUNode {
                simulated.gpuNodes = try Self.sum(simulated.gpuNodes, total)
                simulated.gpuByState = simulated.gpuByState + charge.byState
                gpuUsedSeconds += usedSeconds
                gpuBilledSeconds += charge.billedSeconds
            } else {
                simulated.systemNodes = try Self.sum(simulated.systemNodes, total)
            }
            switch charge.capacity {
            case .onDemand: simulated.onDemand = try Self.sum(simulated.onDemand, total)
            case .spot: simulated.spot = try Self.sum(simulated.spot, total)
            }
        }

        if usage.managedCluster, let fee = try clusterFeeRow(for: usage) {
            let billed = try BillingRules.billedSeconds(forDuration: usage.horizonSeconds, incrementSeconds: fee.billingIncrementSeconds, minimumSeconds: fee.billingMinimumSeconds)
            guard let cost = fee.pricePerHour.charge(forSeconds: billed) else { throw .overflow("cluster fee") }
            simulated.clusterFee = cost
            try record(fee, key: fee.keyDescription, units: 1, usedSeconds: usage.horizonSeconds, billedSeconds: billed, cost: cost)
            if rules.gkeFreeTierCredit, fee.provider == .gcp {
                guard let cap = BillingRules.gkeFreeTierCreditPerMonth.scaled(by: horizonMicros, over: monthMicros) else {
                    throw .overflow("free-tier credit")
                }
                simulated.clusterFeeCredit = min(cost, cap)
            }
        }

        let perMonth = try Self.project(simulated, by: monthMicros, over: horizonMicros)
        return CostReport(
            optionName: usage.optionName, priceSnapshot: snapshot.description, catalogOrigin: catalog.origin,
            currency: "USD", horizonSeconds: usage.horizonSeconds, monthHours: rules.monthHours,
            simulated: simulated, perMonth: perMonth, bySKU: skuCosts, nodeRuns: runCharges,
            gpuNodeUsedSeconds: gpuUsedSeconds, gpuNodeBilledSeconds: gpuBilledSeconds)
    }

    /// The charge for one VM run (looks its prices up in the catalog).
    public func charge(_ run: NodeRun) throws(CostModelError) -> NodeRunCharge {
        try Self.charge(run, at: catalog.nodePrice(for: run.machine, snapshot: snapshot))
    }

    /// Prices one run: machine and GPU rows each billed with their own increment and minimum.
    static func charge(_ run: NodeRun, at price: NodePrice) throws(CostModelError) -> NodeRunCharge {
        let usedSeconds = run.endSeconds - run.startSeconds
        guard usedSeconds >= 0 else {
            throw .invalidUsage("node \(run.nodeID) (\(run.pool)) ends at \(run.endSeconds) s, before it starts at \(run.startSeconds) s")
        }
        let machine = price.machine
        let billed = try BillingRules.billedSeconds(forDuration: usedSeconds, incrementSeconds: machine.billingIncrementSeconds, minimumSeconds: machine.billingMinimumSeconds)
        guard let machineCost = machine.pricePerHour.charge(forSeconds: billed) else { throw .overflow("charge for node \(run.nodeID)") }
        var gpuCost = Money.zero
        if let gpu = price.gpu {
            let gpuBilled = try BillingRules.billedSeconds(forDuration: usedSeconds, incrementSeconds: gpu.billingIncrementSeconds, minimumSeconds: gpu.billingMinimumSeconds)
            guard let perGPU = gpu.pricePerHour.charge(forSeconds: gpuBilled) else { throw .overflow("GPU charge for node \(run.nodeID)") }
            let (product, overflow) = perGPU.nanoDollars.multipliedReportingOverflow(by: Int64(price.attachedGPUCount))
            guard !overflow else { throw .overflow("GPU charge for node \(run.nodeID)") }
            gpuCost = Money(nanoDollars: product)
        }
        let total = try sum(machineCost, gpuCost)
        var weights: [UInt64] = []
        for state in NodeState.allCases {
            weights.append(try BillingRules.wholeMicroseconds(run.durations[state]).magnitude)
        }
        let parts = total.apportioned(by: weights)
        var byState = StateCosts()
        for state in NodeState.allCases { byState[state] = parts[state.rawValue] }
        return NodeRunCharge(
            nodeID: run.nodeID, pool: run.pool, machine: run.machine, isGPUNode: price.isGPUNode,
            capacity: CapacityType(spot: run.machine.spot), usedSeconds: usedSeconds, billedSeconds: billed,
            machineCost: machineCost, gpuCost: gpuCost, byState: byState)
    }

    /// The fee row for the usage's cluster, or `nil` if the rules charge none.
    private func clusterFeeRow(for usage: BilledUsage) throws(CostModelError) -> PriceRow? {
        let providers = Set(usage.nodeRuns.map(\.machine.provider))
        guard providers.count == 1, let name = providers.first else {
            throw .clusterProviderUnknown(providers.isEmpty
                ? "option '\(usage.optionName)' has no node runs to tell the provider from"
                : "option '\(usage.optionName)' mixes providers \(providers.sorted().joined(separator: ", "))")
        }
        guard let provider = CloudProvider(rawValue: name) else {
            throw .unknownProvider(name, known: CloudProvider.allCases.map(\.rawValue))
        }
        guard let sku = rules.clusterFee.sku(for: provider) else { return nil }
        return try catalog.price(.fee, sku: sku, provider: name, region: "global", capacity: .onDemand, snapshot: snapshot)
    }

    /// Scales a breakdown from the horizon to a month, keeping its invariants exact.
    static func project(_ breakdown: CostBreakdown, by numerator: Int64, over denominator: Int64) throws(CostModelError) -> CostBreakdown {
        func scale(_ money: Money) throws(CostModelError) -> Money {
            guard let scaled = money.scaled(by: numerator, over: denominator) else { throw .overflow("monthly projection") }
            return scaled
        }
        var month = CostBreakdown()
        month.systemNodes = try scale(breakdown.systemNodes)
        month.gpuNodes = try scale(breakdown.gpuNodes)
        month.clusterFee = try scale(breakdown.clusterFee)
        month.clusterFeeCredit = min(month.clusterFee, try scale(breakdown.clusterFeeCredit))
        let stateParts = month.gpuNodes.apportioned(by: NodeState.allCases.map { breakdown.gpuByState[$0].nanoDollars.magnitude })
        for state in NodeState.allCases { month.gpuByState[state] = stateParts[state.rawValue] }
        let nodes = try sum(month.systemNodes, month.gpuNodes)
        let capacityParts = nodes.apportioned(by: [breakdown.onDemand.nanoDollars.magnitude, breakdown.spot.nanoDollars.magnitude])
        month.onDemand = capacityParts[0]
        month.spot = capacityParts[1]
        return month
    }

    static func sum(_ lhs: Money, _ rhs: Money) throws(CostModelError) -> Money {
        let (value, overflow) = lhs.nanoDollars.addingReportingOverflow(rhs.nanoDollars)
        guard !overflow else { throw .overflow("sum of charges") }
        return Money(nanoDollars: value)
    }
}
