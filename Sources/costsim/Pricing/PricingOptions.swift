import ArgumentParser
import CostModel
import Scenarios
import Sweeps

/// `--pricing`, `--price-snapshot`, `--price-date`: which price catalog and which of its dated
/// price lists a command uses. Shared by `pricing list/show/export`, `article` and (to wire in)
/// `run`.
struct PricingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Price catalog SQLite file, opened read-only (default: the bundled catalog).", valueName: "file.sqlite"))
    var pricing: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Use only this price snapshot, e.g. article-2023 or 2026-11-29.", valueName: "name"))
    var priceSnapshot: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Use, for each SKU, the latest price effective on or before this day.", valueName: "YYYY-MM-DD"))
    var priceDate: String?

    func validate() throws {
        if priceSnapshot != nil && priceDate != nil {
            throw ValidationError("--price-snapshot and --price-date are exclusive; give one.")
        }
        if let priceSnapshot, priceSnapshot.isEmpty { throw ValidationError("--price-snapshot needs a name.") }
        if let priceDate, let problem = PriceSnapshot.dateProblem(priceDate) {
            throw ValidationError("--price-date '\(priceDate)': \(problem)")
        }
    }

    /// The snapshot selection; `.latest` when neither option is given.
    var snapshot: PriceSnapshot {
        if let priceSnapshot { return .named(priceSnapshot) }
        if let priceDate { return .asOf(priceDate) }
        return .latest
    }

    /// `true` if the user chose a snapshot or date.
    var choseSnapshot: Bool { priceSnapshot != nil || priceDate != nil }

    /// Opens `--pricing` read-only, or the bundled catalog.
    func openCatalog() throws -> PriceCatalog {
        if let pricing { return try PriceCatalog(contentsOfFile: pricing) }
        return try PriceCatalog.bundled()
    }

    /// Rows of `catalog` matching `filter`, narrowed to the chosen snapshot or date (all
    /// snapshots when neither is given).
    func rows(of catalog: PriceCatalog, matching filter: PriceFilter = PriceFilter()) throws -> [PriceRow] {
        if let priceSnapshot {
            let known = try catalog.snapshots().map(\.name)
            guard known.contains(priceSnapshot) else {
                throw CostModelError.unknownSnapshot(priceSnapshot, known: known)
            }
        }
        if let priceDate, !PriceSnapshot.isDate(priceDate) { throw CostModelError.invalidDate(priceDate) }
        let rows = try catalog.rows(matching: filter)
        return choseSnapshot ? snapshot.select(from: rows) : rows
    }

    /// Checks a scenario's regions against the chosen catalog while it is read (an unknown region
    /// is an error at `cloud.region` listing the regions that price the node), resolves
    /// Karpenter's offerings from the chosen snapshot's prices and serverless machines from the
    /// catalog's platform rows.
    func regionCheck() throws -> RegionCheck {
        RegionCheck(catalog: try openCatalog(), snapshot: snapshot)
    }

    /// Names each scenario option's GPU from the chosen catalog and checks GPU names against it.
    func gpuLookup() throws -> GPULookup {
        try GPULookup(catalog: try openCatalog())
    }

    /// A calculator over the chosen catalog and snapshot.
    func calculator(rules: BillingRules) throws -> CostCalculator {
        let catalog = try openCatalog()
        try catalog.validate(snapshot)  // before any simulation: an unknown snapshot fails now, not after the runs
        return CostCalculator(catalog: catalog, snapshot: snapshot, rules: rules)
    }
}

/// `--month-hours`, `--no-cluster-fee`, `--gke-free-tier`: the billing rules a priced run uses.
struct BillingOptions: ParsableArguments {
    @Option(
        name: .long, parsing: .unconditional,
        help: "Hours in a month for monthly projections (730 = a year / 12; the article uses 720).")
    var monthHours: Int = 730

    @Flag(name: .long, help: "Leave out the managed-cluster management fee (the article does).")
    var noClusterFee = false

    @Flag(name: .long, help: "Credit GKE's free tier (USD 74.40 a month: one zonal or Autopilot cluster's fee).")
    var gkeFreeTier = false

    func validate() throws {
        guard (24...100_000).contains(monthHours) else {
            throw ValidationError("--month-hours must be between 24 and 100000.")
        }
    }

    var rules: BillingRules {
        BillingRules(
            monthHours: monthHours, clusterFee: noClusterFee ? .none : .providerDefault, gkeFreeTierCredit: gkeFreeTier)
    }
}
