import Foundation
import Testing

@Suite("costsim pricing import: the providers' price files, end to end")
struct PricingImportCommandTests {
    static func fixture(_ name: String) -> String { CLIRunner.fixture("pricing/" + name) }

    @Test("import an offer file and spot history, then pricing list and show give each row's source and date")
    func importListShow() throws {
        let directory = CLIRunner.temporaryDirectory()
        let catalog = directory.appendingPathComponent("aws.sqlite").path
        let imported = try CLIRunner.run([
            "pricing", "import", Self.fixture("aws-ec2-us-east-1.json"), Self.fixture("aws-spot-price-history.json"),
            "-o", catalog,
        ])
        #expect(imported.status == 0, "\(imported.standardError)")
        let summary = imported.standardOutput
        #expect(
            summary.contains("aws-offer-json \(Self.fixture("aws-ec2-us-east-1.json")): 3 row(s), dated 2026-11-20"))
        #expect(summary.contains("    1  operatingSystem is not Linux"))
        #expect(summary.contains("added 1 documented cluster fee row(s) the files do not price"))
        #expect(summary.contains("snapshot 2026-11-20, effective 2026-11-20"))
        #expect(summary.contains("Wrote 6 price row(s) for 4 SKU(s) to \(catalog)."), "\(summary)")

        let list = try CLIRunner.run(["pricing", "list", "--pricing", catalog, "--provider", "aws", "--gpu", "T4"])
        #expect(list.status == 0, "\(list.standardError)")
        #expect(list.standardOutput.contains("g4dn.xlarge") && list.standardOutput.contains("0.21285"))
        #expect(list.standardOutput.contains("2 row(s) from the catalog"), "\(list.standardOutput)")

        let show = try CLIRunner.run(["pricing", "show", "g4dn.xlarge", "--pricing", catalog])
        #expect(show.status == 0, "\(show.standardError)")
        #expect(
            show.standardOutput.contains(
                "  source:   https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20261120000000/"
                    + "us-east-1/index.json"
            ))
        #expect(
            show.standardOutput.contains(
                "  source:   https://ec2.us-east-1.amazonaws.com/?Action=DescribeSpotPriceHistory"))
        #expect(show.standardOutput.contains("  dated:    2026-11-20"))
        #expect(show.standardOutput.contains("snapshot 2026-11-20 (effective 2026-11-20)"))
    }

    @Test("SageMaker and Container Apps imports give platform rows that pricing list --kind platform shows")
    func serverlessPlatforms() throws {
        let directory = CLIRunner.temporaryDirectory()
        let catalog = directory.appendingPathComponent("serverless.sqlite").path
        let imported = try CLIRunner.run([
            "pricing", "import", Self.fixture("azure-container-apps-page1.json"),
            Self.fixture("azure-container-apps-page2.json"), Self.fixture("aws-sagemaker-eu-west-3.json"),
            "-o", catalog,
        ])
        #expect(imported.status == 0, "\(imported.standardError)")
        let summary = imported.standardOutput
        #expect(summary.contains("    2  Container Apps vCPU or memory meter of a region without a GPU meter"))
        #expect(summary.contains("    1  ML Instance without a GPU"))
        let list = try CLIRunner.run(["pricing", "list", "--pricing", catalog, "--kind", "platform"])
        #expect(list.status == 0, "\(list.standardError)")
        let lines = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(
            lines.contains("2026-12-01 azure eastus platform container-apps/nvidia-t4 on-demand 1.6704 8 56 T4 1s"))
        #expect(
            lines.contains("2026-12-01 aws eu-west-3 platform sagemaker-async/ml.g6.xlarge on-demand 1.5 4 16 L4 1s"),
            "\(list.standardOutput)")
        #expect(list.standardOutput.contains("6 row(s) from the catalog"), "\(list.standardOutput)")
    }

    @Test("--format forces a format; a wrong one is an error naming the file and nothing is written")
    func forcedFormat() throws {
        let directory = CLIRunner.temporaryDirectory()
        let catalog = directory.appendingPathComponent("gcp.sqlite").path
        let forced = try CLIRunner.run([
            "pricing", "import", "--format", "gcp-skus", Self.fixture("gcp-gke-skus.json"), "-o", catalog,
        ])
        #expect(forced.status == 0, "\(forced.standardError)")
        let wrong = try CLIRunner.run([
            "pricing", "import", "--format", "azure-retail-prices", Self.fixture("gcp-gke-skus.json"),
            "-o", directory.appendingPathComponent("wrong.sqlite").path,
        ])
        #expect(wrong.status != 0)
        #expect(
            wrong.standardError.contains("not an Azure Retail Prices page: no 'Items' array"), "\(wrong.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("wrong.sqlite").path))
        let unknown = try CLIRunner.run([
            "pricing", "import", "--format", "xml", Self.fixture("gcp-gke-skus.json"), "-o", catalog,
        ])
        #expect(unknown.status != 0 && unknown.standardError.contains("--format must be one of: costsim-csv"))
    }

    @Test("a malformed provider file fails with file, line, record and field; the existing catalog stays")
    func malformed() throws {
        let directory = CLIRunner.temporaryDirectory()
        let text = try String(contentsOfFile: Self.fixture("aws-spot-price-history.json"), encoding: .utf8)
        let bad = directory.appendingPathComponent("spot.json")
        try text.replacingOccurrences(of: "\"0.210000\"", with: "\"0,21\"").write(
            to: bad, atomically: false, encoding: .utf8)
        let outcome = try CLIRunner.run([
            "pricing", "import", bad.path, "-o", directory.appendingPathComponent("c.sqlite").path,
        ])
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains(
                "\(bad.path): line 9 (sku g4dn.xlarge), field 'SpotPriceHistory[1].SpotPrice': "
                    + "price '0,21' is not a decimal number"
            ),
            "\(outcome.standardError)")
    }
}
