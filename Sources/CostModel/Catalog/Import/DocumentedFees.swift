/// Cluster fees an import adds when the provider's files do not price them, so that a catalog
/// built from one provider's files prices that provider's scenarios (``BillingRules``' default
/// fee SKUs) — each a documented constant with its source:
/// - `gke-cluster-management` 0.10 USD per cluster-hour (Kubernetes Engine "Zonal Kubernetes
///   Clusters"; GKE pricing page);
/// - `eks-control-plane-standard-support` 0.10 USD per cluster-hour (AmazonEKS
///   `AmazonEKS-Hours:perCluster`; EKS pricing page);
/// - `aks-free-tier` 0 USD (the Free tier has no meter; AKS pricing tiers page).
enum DocumentedFees {
    static let fees: [(provider: CloudProvider, sku: String, dollars: String, source: String)] = [
        (.gcp, "gke-cluster-management", "0.10", "https://cloud.google.com/kubernetes-engine/pricing"),
        (.aws, "eks-control-plane-standard-support", "0.10", "https://aws.amazon.com/eks/pricing/"),
        (.azure, "aks-free-tier", "0", "https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers"),
    ]

    /// The documented fee rows for the providers of `rows` that have no such fee row.
    static func missing(from rows: [PriceRow]) -> [PriceRow] {
        fees.compactMap { fee -> PriceRow? in
            let providerRows = rows.filter { $0.provider == fee.provider }
            guard !providerRows.isEmpty, !providerRows.contains(where: { $0.kind == .fee && $0.sku == fee.sku }) else {
                return nil
            }
            var row = PriceRow.imported(
                provider: fee.provider, region: "global", kind: .fee, sku: fee.sku, capacity: .onDemand,
                pricePerHour: HourlyRate(dollarsPerHour: fee.dollars)!, sourceURL: fee.source,
                notes: "documented constant: the imported files have no price for this fee")
            row.snapshot = providerRows[0].snapshot
            row.effectiveDate = providerRows[0].effectiveDate
            row.sourceDate = "unknown (documented constant)"
            return row
        }
    }
}
