import Foundation
import Testing

/// The bundled catalog's regions through the CLI: listing them, their sources, and a scenario's
/// `cloud.region` checked against them.
@Suite("Regions of the bundled catalog")
struct RegionCatalogCommandTests {
    /// The distinct regions of a `pricing list` table (third column), header and total line left out.
    static func regions(_ table: String) -> Set<String> {
        let lines = table.split(separator: "\n").dropFirst().dropLast()
        return Set(lines.map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }.map(String.init))
    }

    @Test("pricing list --gpu T4 lists at least 20 regions for each provider", arguments: [
        ("gcp", 23), ("aws", 20), ("azure", 29),
    ])
    func t4Regions(provider: String, regions: Int) throws {
        let outcome = try CLIRunner.run(["pricing", "list", "--provider", provider, "--gpu", "T4"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(Self.regions(outcome.standardOutput).count == regions)
    }

    @Test("pricing list --provider gcp --gpu L4 shows the Cloud Run instances beside the G2 machines")
    func cloudRunRows() throws {
        let outcome = try CLIRunner.run(["pricing", "list", "--provider", "gcp", "--gpu", "L4", "--kind", "platform"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = outcome.standardOutput.split(separator: "\n").dropFirst().dropLast()
        #expect(Self.regions(outcome.standardOutput) == ["europe-west1", "europe-west4", "us-central1", "us-east4"])
        #expect(rows.count == 8)   // with and without zonal redundancy in each region
        let usCentral = rows.filter { $0.contains(" us-central1 ") && $0.contains(" cloud-run/nvidia-l4 ") }
        #expect(usCentral.count == 1)
        #expect(usCentral.first?.contains(" 1.42164 ") == true)
        let all = try CLIRunner.run(["pricing", "list", "--provider", "gcp", "--gpu", "L4"])
        #expect(all.standardOutput.contains(" platform  cloud-run/nvidia-l4 "))
        #expect(all.standardOutput.contains(" machine   g2-standard-4 "))
    }

    @Test("pricing show gives the source and its date for every row")
    func showSources() throws {
        let outcome = try CLIRunner.run(["pricing", "show", "g5.xlarge", "--region", "eu-west-1"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let blocks = outcome.standardOutput.components(separatedBy: "\n\n")
        #expect(blocks.count == 2)   // on-demand and spot
        for block in blocks {
            #expect(block.contains("  source:   https://github.com/skypilot-org/skypilot-catalog/blob/"))
            #expect(block.contains("  dated:    "))
        }
    }

    /// The bundled article scenario with its region replaced.
    static func scenario(region: String) throws -> URL {
        let article = CLIRunner.repositoryRoot.appendingPathComponent("scenarios/article-gke-t4.yaml")
        let text = try String(contentsOf: article, encoding: .utf8)
            .replacingOccurrences(of: "  region: us-central1 ", with: "  region: \(region) ")
        let url = CLIRunner.temporaryDirectory().appendingPathComponent("regional.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a scenario runs in any region of the catalog, priced at that region's rates")
    func runsInAnotherRegion() throws {
        func run(_ region: String) throws -> CLIRunner.Outcome {
            try CLIRunner.run(["run", "--scenario", Self.scenario(region: region).path, "--format", "csv"])
        }
        let home = try run("us-central1"), away = try run("europe-west4")
        #expect(home.status == 0, "\(home.standardError)")
        #expect(away.status == 0, "\(away.standardError)")
        #expect(home.standardOutput != away.standardOutput)
    }

    @Test("an unknown cloud.region names file, line and field and the regions that price the nodes")
    func unknownRegion() throws {
        let file = try Self.scenario(region: "europe-west99")
        let outcome = try CLIRunner.run(["run", "--scenario", file.path])
        #expect(outcome.status != 0)
        let error = outcome.standardError
        #expect(error.contains("\(file.path):"), "\(error)")
        #expect(error.contains(": field 'cloud.region': unknown region 'europe-west99' for provider gcp"), "\(error)")
        #expect(error.contains("the catalog prices n1-highmem-4 + 1 × T4 in: asia-east1, "), "\(error)")
        #expect(!error.contains("europe-north1") && !error.contains("eastus"), "\(error)")
        #expect(outcome.standardOutput.isEmpty)
    }
}
