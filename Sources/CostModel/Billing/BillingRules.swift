import Simulator

/// How usage turns into billed time and which extra charges apply.
///
/// Per-VM billing granularity comes from the catalog rows (``PriceRow/billingIncrementSeconds``
/// and ``PriceRow/billingMinimumSeconds``): GCP and AWS bill per second with a 60 s minimum per
/// VM run (GCE "Billing model" doc; AWS announcement 2017-10-02); Azure rows record 1 s / 300 s
/// (low confidence, see `pricing/README.md`). What this type adds:
/// - how a run's duration becomes whole billed seconds
///   (``billedSeconds(forDuration:incrementSeconds:minimumSeconds:)``);
/// - the cluster management fee (GKE/EKS $0.10 per cluster-hour) and the GKE free-tier credit;
/// - the month length used for monthly projections.
public struct BillingRules: Sendable, Hashable {
    /// Hours in a "month" for projections: 730 (= 8760 / 12) by default; the article uses
    /// 30-day months of 720 h.
    public var monthHours: Int
    /// Which management fee a managed cluster pays.
    public var clusterFee: ClusterFee
    /// Apply GKE's free tier: a USD 74.40 monthly credit per billing account, which covers the
    /// fee of one zonal or Autopilot cluster (not regional Standard clusters). Off by default.
    public var gkeFreeTierCredit: Bool

    /// GKE's free-tier credit per month (GKE pricing page: USD 74.40 = 744 h × $0.10).
    public static let gkeFreeTierCreditPerMonth = Money(nanoDollars: 74_400_000_000)

    /// 730-hour months, provider-default cluster fee, no free tier.
    public static let standard = BillingRules()

    /// The article's arithmetic: 720-hour months and no cluster fee (the article leaves it out).
    public static let article = BillingRules(monthHours: 720, clusterFee: .none)

    public init(monthHours: Int = 730, clusterFee: ClusterFee = .providerDefault, gkeFreeTierCredit: Bool = false) {
        self.monthHours = monthHours
        self.clusterFee = clusterFee
        self.gkeFreeTierCredit = gkeFreeTierCredit
    }

    /// The fee a managed cluster pays.
    public enum ClusterFee: Sendable, Hashable {
        /// No fee is charged, even for managed clusters.
        case none
        /// The provider's standard fee SKU: `gke-cluster-management` (GCP),
        /// `eks-control-plane-standard-support` (AWS), `aks-free-tier` (Azure, $0); none for Modal and
        /// RunPod, which sell only serverless platforms.
        case providerDefault
        /// A specific `fee` SKU from the catalog, e.g. `eks-control-plane-extended-support`.
        case sku(String)

        /// The fee SKU for `provider`, or `nil` for ``none``.
        public func sku(for provider: CloudProvider) -> String? {
            switch self {
            case .none: nil
            case .sku(let sku): sku
            case .providerDefault:
                switch provider {
                case .gcp: "gke-cluster-management"
                case .aws: "eks-control-plane-standard-support"
                case .azure: "aks-free-tier"
                case .modal, .runpod: nil
                }
            }
        }
    }

    /// Whole seconds billed for one VM run of `seconds`:
    /// 1. the duration is rounded to the nearest microsecond (the simulator's clock is a
    ///    `Double`; this absorbs floating-point noise such as 7200.000000001 s);
    /// 2. rounded **up** to a whole multiple of `incrementSeconds` (1 s: any started second is billed);
    /// 3. raised to `minimumSeconds` if shorter (a 20 s run on GCP bills 60 s).
    ///
    /// - Throws: ``CostModelError/invalidUsage(_:)`` for negative, NaN or infinite durations, or
    ///   ones over 100 years; ``CostModelError/overflow(_:)`` if the increment is too large to
    ///   compute with (catalogs keep it within ``CatalogLimits/billingIncrementSeconds``, but
    ///   rules built in code may not).
    public static func billedSeconds(
        forDuration seconds: Double, incrementSeconds: Int64, minimumSeconds: Int64
    ) throws(CostModelError) -> Int64 {
        let microseconds = try wholeMicroseconds(seconds)
        let increment = max(1, incrementSeconds)
        let (incrementMicros, overflow) = increment.multipliedReportingOverflow(by: 1_000_000)
        guard !overflow else {
            throw .overflow("billed time: a billing increment of \(incrementSeconds) s is too large")
        }
        // Round up to whole increments (written so that nothing can overflow).
        let increments = microseconds / incrementMicros + (microseconds % incrementMicros == 0 ? 0 : 1)
        let (billed, tooLong) = increments.multipliedReportingOverflow(by: increment)
        guard !tooLong else { throw .overflow("billed time: \(increments) increments of \(increment) s") }
        return max(billed, minimumSeconds)
    }

    /// `seconds` rounded to the nearest whole microsecond, validated.
    static func wholeMicroseconds(_ seconds: Double) throws(CostModelError) -> Int64 {
        guard seconds.isFinite, seconds >= 0 else {
            throw .invalidUsage("duration \(seconds) s is negative or not a number")
        }
        guard seconds <= SimulationLimits.maxDurationSeconds else {
            throw .invalidUsage("duration \(seconds) s is over 100 years")
        }
        return Int64((seconds * 1_000_000).rounded())
    }
}
