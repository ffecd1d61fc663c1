import ArgumentParser
import CostModel

/// `costsim article`: the seed article's cost table recomputed from the price catalog, at the
/// article's own prices and at current prices, with what changed.
struct ArticleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Recompute the article's cost table (dedicated T4 VM vs scale to zero) from the price catalog.",
        discussion: """
            Prints the article's arithmetic, priced by the same code that prices simulations: a dedicated \
            n1-highmem-4 + T4 all month, versus 2 × e2-medium plus a spot n1-highmem-4 + T4 for 2 hours a \
            day. By default it shows the article's prices (snapshot article-2023) and the latest prices; \
            --price-snapshot or --price-date shows one column. `costsim run` simulates what the GPU pool \
            really uses once cold starts, cooldown and scale-down delays are counted.

            Examples:
              costsim article
              costsim article --price-snapshot article-2023
              costsim article --format json -o article.json
            """)

    @OptionGroup var pricing: PricingOptions

    @Option(name: .long, parsing: .unconditional, help: "Hours in a month (the article uses 30-day months: 720).")
    var monthHours: Int = 720

    @Option(
        name: .long, parsing: .unconditional,
        help: "Hours a day the GPU node runs in the scale-to-zero option (the article: 2).")
    var gpuHoursPerDay: Int = 2

    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @OptionGroup var output: ResultOutput

    func validate() throws {
        guard (24...1_000).contains(monthHours) else {
            throw ValidationError("--month-hours must be between 24 and 1000.")
        }
        guard (1...24).contains(gpuHoursPerDay) else {
            throw ValidationError("--gpu-hours-per-day must be between 1 and 24.")
        }
    }

    func run() async throws {
        let outputFile = try output.check(inputs: pricing.inputFiles)
        let catalog = try pricing.openCatalog()
        func estimate(_ snapshot: PriceSnapshot) throws -> ArticleEstimate {
            try ArticleEstimate.compute(
                catalog: catalog, snapshot: snapshot, monthHours: monthHours, gpuHoursPerDay: gpuHoursPerDay)
        }
        let estimates = pricing.choseSnapshot
            ? [try estimate(pricing.snapshot)] : [try estimate(.article), try estimate(.latest)]
        let findings = estimates.count == 2 ? Self.verdict(article: estimates[0], latest: estimates[1]) : nil
        let text: String = switch format {
        case .table: Self.table(estimates, findings: findings, catalog: catalog)
        case .json: try JSONOutput.text(ArticleDocument(catalog: catalog, estimates: estimates, findings: findings))
        case .csv: ArticleDocument(catalog: catalog, estimates: estimates, findings: findings).csv()
        }
        try output.emit(text, to: outputFile)
    }

    /// One estimate's lines under the title; or both, indented under their headings, then the findings.
    static func table(_ estimates: [ArticleEstimate], findings: [String]?, catalog: PriceCatalog) -> String {
        let source = catalog.origin == "bundled" ? "the bundled price catalog" : "price catalog \(catalog.origin)"
        let title = "The article's cost table (GKE us-central1), recomputed from \(source)."
        guard let findings, estimates.count == 2 else {
            return ([title, ""] + estimates.flatMap(\.lines)).joined(separator: "\n") + "\n"
        }
        var lines = [title, "", "Article's prices"] + estimates[0].lines.map { "  " + $0 }
        lines += ["", "Latest prices in the catalog"] + estimates[1].lines.map { "  " + $0 }
        lines += ["", "Where the article's arithmetic holds and where it breaks:"] + findings.map { "- " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One sentence per finding, worded from the numbers.
    static func verdict(article: ArticleEstimate, latest: ArticleEstimate) -> [String] {
        var sentences: [String] = []
        let articleRatio = article.comparison.savingsRatio ?? 0
        if article.dedicated.monthlyTotal == latest.dedicated.monthlyTotal {
            sentences.append(
                "Holds: on-demand n1-highmem-4 + T4 still costs \(latest.dedicatedHourly), so the dedicated server is "
                    + "still \(latest.dedicated.monthlyTotal.formatted) a month.")
        } else {
            sentences.append(
                "Changed: the dedicated server now costs \(latest.dedicated.monthlyTotal.formatted) a month "
                    + "(\(latest.dedicatedHourly)), not \(article.dedicated.monthlyTotal.formatted).")
        }
        if latest.spotGPUHourly > article.spotGPUHourly {
            sentences.append(
                "Breaks: spot n1-highmem-4 + T4 now costs \(latest.spotGPUHourly), not \(article.spotGPUHourly), so 2 "
                    + "h a day costs \(latest.spotGPUMonthly.formatted) instead of \(article.spotGPUMonthly.formatted) "
                    + "(GCP re-prices spot as often as daily).")
        } else {
            sentences.append(
                "Holds: spot n1-highmem-4 + T4 costs \(latest.spotGPUHourly) (article: \(article.spotGPUHourly)).")
        }
        if let fee = latest.clusterFeeMonthly, fee > .zero {
            let withFee = latest.scaleToZero.monthlyTotal + fee
            let ratio =
                CostComparison(
                    baselineName: "dedicated", baselineMonthly: latest.dedicated.monthlyTotal,
                    alternativeName: "scale-to-zero", alternativeMonthly: withFee
                ).savingsRatio ?? 0
            sentences.append(
                "Breaks: the article leaves out the GKE management fee of \(fee.formatted) a month, which only GKE's "
                    + "free tier (one zonal cluster per billing account) waives; with it, scale to zero costs "
                    + "\(withFee.formatted) a month (\(ArticleEstimateText.oneDecimal(ratio))× cheaper, not "
                    + "\(ArticleEstimateText.oneDecimal(latest.comparison.savingsRatio ?? 0))×).")
        }
        let latestRatio = latest.comparison.savingsRatio ?? 0
        sentences.append(
            "Holds: scale to zero is still far cheaper at these prices "
                + "(\(ArticleEstimateText.oneDecimal(latestRatio))× against the article's "
                + "\(ArticleEstimateText.oneDecimal(articleRatio))×), and its cost is dominated by the always-on "
                + "system pool (\(latest.systemPoolMonthly.formatted)), not the GPU.")
        sentences.append(
            "Not counted by the article: cold starts, the KEDA cooldown and the cluster-autoscaler scale-down delay "
                + "keep the GPU node billed beyond the 2 h of work a day; `costsim run` simulates them.")
        return sentences
    }
}

/// Number formatting without Foundation.
enum ArticleEstimateText {
    /// `7.3` (half-up to one decimal).
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
