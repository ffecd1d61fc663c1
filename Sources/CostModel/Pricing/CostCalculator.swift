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
///
/// Overflow: every product and sum is checked. An amount beyond ``Money``'s range (or a billed
/// time beyond 64 bits) throws ``CostModelError/overflow(_:)`` saying what overflowed (which
/// catalog row, node or total); it never traps. Every breakdown in a returned report, including
/// its `total`, is within range.
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
        try catalog.validate(snapshot)
        guard usage.horizonSeconds > 0 else {
            throw .invalidUsage("horizon \(usage.horizonSeconds) s must be positive")
        }
        let horizonMicros = try BillingRules.wholeMicroseconds(usage.horizonSeconds)
        guard horizonMicros > 0 else {
            throw .invalidUsage(
                "horizon \(usage.horizonSeconds) s is shorter than a microsecond, the billing resolution")
        }
        guard rules.monthHours > 0, rules.monthHours <= 100_000 else {
            throw .invalidUsage("month of \(rules.monthHours) h")
        }
        let monthMicros = Int64(rules.monthHours) * 3_600_000_000

        var simulated = CostBreakdown()
        var skuCosts: [SKUCost] = []
        var skuIndex: [String: Int] = [:]
        var runCharges: [NodeRunCharge] = []
        var gpuUsedSeconds = 0.0
        var gpuBilledSeconds: Int64 = 0
        // Each machine's prices, with the keys of their rows (built once: a run can have thousands of VMs).
        var prices: [NodeSpec: (price: NodePrice, machineKey: String, gpuKey: String?)] = [:]

        func record(
            _ row: PriceRow, key: String, units: Int, usedSeconds: Double, billedSeconds: Int64, cost: Money
        ) throws(CostModelError) {
            let billedUnits = billedSeconds.multipliedReportingOverflow(by: Int64(units))
            guard !billedUnits.overflow else {
                throw .overflow("billed seconds of catalog row \(key): \(billedSeconds) s × \(units)")
            }
            if let index = skuIndex[key] {
                let (billedSum, overflow) = skuCosts[index].billedUnitSeconds.addingReportingOverflow(
                    billedUnits.partialValue)
                guard !overflow else { throw .overflow("total billed seconds of catalog row \(key)") }
                skuCosts[index].runCount += 1
                skuCosts[index].usedUnitSeconds += usedSeconds * Double(units)
                skuCosts[index].billedUnitSeconds = billedSum
                skuCosts[index].cost = try Self.sum(skuCosts[index].cost, cost, "total charge of catalog row \(key)")
            } else {
                skuIndex[key] = skuCosts.count
                skuCosts.append(
                    SKUCost(
                        provider: row.provider, region: row.region, kind: row.kind, sku: row.sku,
                        capacity: row.capacity,
                        snapshot: row.snapshot, pricePerHour: row.pricePerHour, runCount: 1,
                        usedUnitSeconds: usedSeconds * Double(units), billedUnitSeconds: billedUnits.partialValue,
                        cost: cost))
            }
        }

        let option = "option '\(usage.optionName)'"
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
            try record(
                nodePrice.machine, key: machineKey, units: 1, usedSeconds: usedSeconds,
                billedSeconds: charge.billedSeconds, cost: charge.machineCost)
            if let gpu = nodePrice.gpu, let gpuKey {
                let gpuBilled = try Self.billedSeconds(
                    gpu, forDuration: usedSeconds, of: "node \(run.nodeID) (\(run.pool))")
                try record(
                    gpu, key: gpuKey, units: nodePrice.attachedGPUCount, usedSeconds: usedSeconds,
                    billedSeconds: gpuBilled, cost: charge.gpuCost)
            }
            let total = charge.total  // checked in charge(_:at:)
            if charge.isGPUNode {
                simulated.gpuNodes = try Self.sum(simulated.gpuNodes, total, "GPU node charges of \(option)")
                // Each state's share is at most its run's total, so these sums stay below gpuNodes.
                simulated.gpuByState = simulated.gpuByState + charge.byState
                gpuUsedSeconds += usedSeconds
                let (billedSum, overflow) = gpuBilledSeconds.addingReportingOverflow(charge.billedSeconds)
                guard !overflow else { throw .overflow("billed GPU node seconds of \(option)") }
                gpuBilledSeconds = billedSum
            } else {
                simulated.systemNodes = try Self.sum(simulated.systemNodes, total, "system node charges of \(option)")
            }
            switch charge.capacity {
            case .onDemand:
                simulated.onDemand = try Self.sum(simulated.onDemand, total, "on-demand charges of \(option)")
            case .spot: simulated.spot = try Self.sum(simulated.spot, total, "spot charges of \(option)")
            }
        }

        if usage.managedCluster, let fee = try clusterFeeRow(for: usage) {
            let billed = try Self.billedSeconds(
                fee, forDuration: usage.horizonSeconds, of: "the cluster of option '\(usage.optionName)'")
            let cost = try Self.charge(
                fee, billedSeconds: billed, units: 1, of: "the cluster of option '\(usage.optionName)'")
            simulated.clusterFee = cost
            try record(
                fee, key: fee.keyDescription, units: 1, usedSeconds: usage.horizonSeconds, billedSeconds: billed,
                cost: cost)
            if rules.gkeFreeTierCredit, fee.provider == .gcp {
                guard let cap = BillingRules.gkeFreeTierCreditPerMonth.scaled(by: horizonMicros, over: monthMicros)
                else {
                    throw .overflow("free-tier credit")
                }
                simulated.clusterFeeCredit = min(cost, cap)
            }
        }

        try Self.checkTotal(simulated, "total of option '\(usage.optionName)' over the simulated horizon")
        let perMonth = try Self.project(simulated, by: monthMicros, over: horizonMicros)
        try Self.checkTotal(perMonth, "monthly total of option '\(usage.optionName)'")
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
            throw .invalidUsage(
                "node \(run.nodeID) (\(run.pool)) ends at \(run.endSeconds) s, before it starts at "
                    + "\(run.startSeconds) s")
        }
        // Built only for an error message.
        func node() -> String { "node \(run.nodeID) (\(run.pool))" }
        let machine = price.machine
        let billed = try billedSeconds(machine, forDuration: usedSeconds, of: node())
        let machineCost = try charge(machine, billedSeconds: billed, units: 1, of: node())
        var gpuCost = Money.zero
        if let gpu = price.gpu {
            let gpuBilled = try billedSeconds(gpu, forDuration: usedSeconds, of: node())
            gpuCost = try charge(gpu, billedSeconds: gpuBilled, units: price.attachedGPUCount, of: node())
        }
        let total = try sum(machineCost, gpuCost, "machine + GPU charge of \(node())")
        let byState = try StateCosts(apportioning: total, over: run.durations)
        return NodeRunCharge(
            nodeID: run.nodeID, pool: run.pool, machine: run.machine, isGPUNode: price.isGPUNode,
            capacity: CapacityType(spot: run.machine.spot), usedSeconds: usedSeconds, billedSeconds: billed,
            machineCost: machineCost, gpuCost: gpuCost, byState: byState)
    }

    /// Billed seconds of `row` for `seconds` of use by `user`; overflow errors name the row.
    static func billedSeconds(
        _ row: PriceRow, forDuration seconds: Double, of user: @autoclosure () -> String
    ) throws(CostModelError) -> Int64 {
        do {
            return try BillingRules.billedSeconds(
                forDuration: seconds, incrementSeconds: row.billingIncrementSeconds,
                minimumSeconds: row.billingMinimumSeconds)
        } catch {
            guard case .overflow(let what) = error else { throw error }
            throw .overflow("\(what), for \(user()) priced by catalog row \(row.keyDescription)")
        }
    }

    /// `units` × `row`'s rate × `billedSeconds`; overflow errors name the row and the amounts.
    static func charge(
        _ row: PriceRow, billedSeconds: Int64, units: Int, of user: @autoclosure () -> String
    ) throws(CostModelError) -> Money {
        guard let each = row.pricePerHour.charge(forSeconds: billedSeconds) else {
            throw .overflow(
                "charge of catalog row \(row.keyDescription) for \(user()): \(row.pricePerHour) × \(billedSeconds) s")
        }
        let (product, overflow) = each.nanoDollars.multipliedReportingOverflow(by: Int64(units))
        guard !overflow else {
            throw .overflow(
                "charge of catalog row \(row.keyDescription) for \(user()): \(units) × \(each.exactDollarsText) USD")
        }
        return Money(nanoDollars: product)
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
        return try catalog.price(
            .fee, sku: sku, provider: name, region: "global", capacity: .onDemand, snapshot: snapshot)
    }

    /// Scales a breakdown from the horizon to a month, keeping its invariants exact.
    static func project(
        _ breakdown: CostBreakdown, by numerator: Int64, over denominator: Int64
    ) throws(CostModelError) -> CostBreakdown {
        func scale(_ money: Money, _ what: String) throws(CostModelError) -> Money {
            guard let scaled = money.scaled(by: numerator, over: denominator) else {
                throw .overflow(
                    "monthly projection of \(what): \(money.exactDollarsText) USD × \(numerator) / \(denominator)")
            }
            return scaled
        }
        var month = CostBreakdown()
        month.systemNodes = try scale(breakdown.systemNodes, "system node charges")
        month.gpuNodes = try scale(breakdown.gpuNodes, "GPU node charges")
        month.clusterFee = try scale(breakdown.clusterFee, "the cluster fee")
        month.clusterFeeCredit = min(month.clusterFee, try scale(breakdown.clusterFeeCredit, "the free-tier credit"))
        let stateParts = month.gpuNodes.apportioned(
            by: NodeState.allCases.map { breakdown.gpuByState[$0].nanoDollars.magnitude })
        for state in NodeState.allCases { month.gpuByState[state] = stateParts[state.rawValue] }
        let nodes = try sum(month.systemNodes, month.gpuNodes, "monthly node charges")
        let capacityParts = nodes.apportioned(by: [
            breakdown.onDemand.nanoDollars.magnitude, breakdown.spot.nanoDollars.magnitude,
        ])
        month.onDemand = capacityParts[0]
        month.spot = capacityParts[1]
        return month
    }

    /// `lhs + rhs`, or ``CostModelError/overflow(_:)`` naming `what` was being added up.
    static func sum(_ lhs: Money, _ rhs: Money, _ what: @autoclosure () -> String) throws(CostModelError) -> Money {
        guard let value = lhs.adding(rhs) else {
            throw .overflow("\(what()): \(lhs.exactDollarsText) + \(rhs.exactDollarsText) USD")
        }
        return value
    }

    /// Throws unless `breakdown.total` (nodes + fee − credit) is within ``Money``'s range, so
    /// that reading it can never trap.
    static func checkTotal(_ breakdown: CostBreakdown, _ what: String) throws(CostModelError) {
        let nodes = try sum(breakdown.systemNodes, breakdown.gpuNodes, what)
        _ = try sum(nodes, breakdown.clusterFee, what)
    }
}
