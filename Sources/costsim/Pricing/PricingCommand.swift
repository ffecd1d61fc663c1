import ArgumentParser

/// `costsim pricing`: inspect, import and export the price catalog.
struct PricingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Inspect, import and export the price catalog (GCP, AWS, Azure).",
        discussion: """
            The bundled catalog is pricing/catalog.csv (sources in pricing/README.md). It holds two \
            snapshots: article-2023 (the seed article's prices) and 2026-11-29 (prices collected on \
            that date). Build your own with `costsim pricing import my.csv --output my.sqlite` and \
            use it with --pricing my.sqlite.

            Examples:
              costsim pricing list --provider gcp --gpu T4
              costsim pricing show n1-highmem-4
              costsim pricing export -o catalog.csv
            """,
        subcommands: [
            PricingListCommand.self,
            PricingShowCommand.self,
            PricingImportCommand.self,
            PricingExportCommand.self,
        ]
    )
}
