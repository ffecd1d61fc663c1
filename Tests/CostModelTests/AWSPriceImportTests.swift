import Foundation
import Testing

@testable import CostModel

@Suite("pricing import: AWS offer files (JSON and CSV), EKS fees and spot price history")
struct AWSPriceImportTests {
    typealias Support = ProviderImportSupport

    /// The three machines the EC2 fixture keeps, as AWS lists them (prices and shapes by hand).
    func expectEC2Rows(_ rows: [PriceRow], format: String) {
        let url =
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20261120000000/us-east-1/index."
            + format
        guard let g4dn = Support.row(rows, "us-east-1", "g4dn.xlarge"),
            let p4d = Support.row(rows, "us-east-1", "p4d.24xlarge"),
            let t3 = Support.row(rows, "us-east-1", "t3.medium")
        else {
            Issue.record("missing rows: \(rows.map(\.keyDescription))")
            return
        }
        #expect(g4dn.pricePerHour == TestSupport.rate("0.526"))
        #expect(g4dn.vcpus == 4 && g4dn.memoryGiB == "16")
        #expect(g4dn.gpuModel == "T4" && g4dn.gpuCount == 1 && g4dn.gpuMemoryGiB == "16")
        #expect(g4dn.billingIncrementSeconds == 1 && g4dn.billingMinimumSeconds == 60)
        #expect(g4dn.sourceURL == url)
        #expect(g4dn.sourceDate == "2026-11-20")
        #expect(g4dn.notes == "AWS offer SKU AAAAG4DNLINUX001, rate code AAAAG4DNLINUX001.JRTCKXETXF.6YS6EN2CT7")
        #expect(p4d.pricePerHour == TestSupport.rate("21.957642"))
        #expect(p4d.vcpus == 96 && p4d.memoryGiB == "1152")  // "1,152 GiB" in the file
        #expect(p4d.gpuModel == "A100-40GB" && p4d.gpuCount == 8 && p4d.gpuMemoryGiB == "320")
        #expect(t3.pricePerHour == TestSupport.rate("0.0416"))
        #expect(t3.gpuModel == nil && t3.gpuCount == 0 && t3.memoryGiB == "4")
        #expect(rows.allSatisfy { $0.snapshot == "2026-11-20" && $0.effectiveDate == "2026-11-20" })
    }

    @Test("the JSON offer file keeps Linux/Shared/Used/NA products with their OnDemand terms; the rest is counted")
    func offerJSON() throws {
        let imported = try Support.read(["aws-ec2-us-east-1.json"])
        expectEC2Rows(imported.rows, format: "json")
        let file = try #require(imported.files.first)
        #expect(file.format == .awsOfferJSON && file.rows.count == 3 && file.fileDate == "2026-11-20")
        #expect(
            file.skipped.counts.map(\.reason) == [
                "operatingSystem is not Linux", "tenancy is not Shared", "capacitystatus is not Used",
                "preInstalledSw is not NA", "product family is not Compute Instance or ML Instance",
            ])
        #expect(file.skipped.total == 5)
        // No EKS offer among the files: the documented constant is added.
        let fee = try #require(Support.row(imported.rows, "global", "eks-control-plane-standard-support"))
        #expect(fee.pricePerHour == TestSupport.rate("0.10") && fee.kind == .fee)
        #expect(fee.sourceURL == "https://aws.amazon.com/eks/pricing/")
        #expect(imported.rows.count == 4)
    }

    @Test("the CSV offer file (metadata lines, then one line per price dimension) gives the same rows")
    func offerCSV() throws {
        let imported = try Support.read(["aws-ec2-us-east-1.csv"])
        expectEC2Rows(imported.rows, format: "csv")
        let file = try #require(imported.files.first)
        #expect(file.format == .awsOfferCSV && file.rows.count == 3)
        #expect(file.skipped.count("TermType is not OnDemand") == 1)
        #expect(file.skipped.total == 6)
        #expect(imported.rows == Support.csvForm(of: try Support.read(["aws-ec2-us-east-1.json"]).rows))
    }

    @Test("the EKS offer file gives the standard and extended support fees, and no constant is added")
    func eksFees() throws {
        let imported = try Support.read(["aws-eks-us-east-1.json"])
        #expect(imported.rows.count == 2)
        #expect(
            Support.row(imported.rows, "global", "eks-control-plane-standard-support")?.pricePerHour
                == TestSupport.rate("0.1"))
        #expect(
            Support.row(imported.rows, "global", "eks-control-plane-extended-support")?.pricePerHour
                == TestSupport.rate("0.6"))
        #expect(imported.rows.allSatisfy { $0.kind == .fee && $0.billingMinimumSeconds == 0 })
        // Fargate
        #expect(imported.files[0].skipped.count("product family is not Compute Instance or ML Instance") == 1)
    }

    @Test("spot history: each zone's latest price, median over the zones; shapes from the offer file")
    func spotHistory() throws {
        let imported = try Support.read(["aws-ec2-us-east-1.json", "aws-spot-price-history.json"])
        // g4dn.xlarge: latest per zone a 0.2157 (not the older 0.20), b 0.21, c 0.23, d 0.205;
        // sorted 0.205, 0.21, 0.2157, 0.23: median (0.21 + 0.2157) / 2 = 0.21285.
        let g4dn = try #require(Support.row(imported.rows, "us-east-1", "g4dn.xlarge", .spot))
        #expect(g4dn.pricePerHour == TestSupport.rate("0.21285"))
        #expect(g4dn.vcpus == 4 && g4dn.gpuModel == "T4" && g4dn.gpuCount == 1)
        #expect(g4dn.sourceDate == "2026-11-20")
        #expect(g4dn.sourceURL == "https://ec2.us-east-1.amazonaws.com/?Action=DescribeSpotPriceHistory")
        #expect(g4dn.notes?.contains("us-east-1a 0.2157 at 2026-11-20") == true)
        // t3.medium: 0.0125, 0.0128, 0.013: median 0.0128.
        #expect(Support.row(imported.rows, "us-east-1", "t3.medium", .spot)?.pricePerHour == TestSupport.rate("0.0128"))
        let spot = try #require(imported.files.first { $0.format == .awsSpotHistory })
        #expect(spot.skipped.count("older price of the same zone (kept the latest)") == 1)
        #expect(spot.skipped.count("ProductDescription is not Linux/UNIX") == 1)
        #expect(spot.skipped.count("availability zone outside a region (Local or Wavelength Zone)") == 1)
        #expect(imported.rows.count == 3 + 2 + 1)
    }

    @Test("the median of an odd and an even number of zones")
    func median() {
        let rates = ["0.3", "0.1", "0.2"].map(TestSupport.rate)
        #expect(AWSSpotHistory.median(rates) == TestSupport.rate("0.2"))
        #expect(AWSSpotHistory.median(rates + [TestSupport.rate("0.25")]) == TestSupport.rate("0.225"))
        #expect(AWSSpotHistory.region(ofZone: "us-gov-west-1b") == "us-gov-west-1")
        #expect(AWSSpotHistory.region(ofZone: "eu-central-1a") == "eu-central-1")
        #expect(AWSSpotHistory.region(ofZone: "us-west-2-lax-1a") == nil)
    }

    @Test(
        "a malformed field is an error naming file, line, record and field",
        arguments: [
            (
                "aws-ec2-us-east-1.json", "\"USD\" : \"0.5260000000\"", "\"USD\" : \"-0.526\"",
                "terms.OnDemand.AAAAG4DNLINUX001.AAAAG4DNLINUX001.JRTCKXETXF.priceDimensions."
                    + "AAAAG4DNLINUX001.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD", "negative price '-0.526'"
            ),
            (
                "aws-ec2-us-east-1.json", "\"vcpu\" : \"4\"", "\"vcpu\" : \"four\"",
                "products.AAAAG4DNLINUX001.attributes.vcpu", "'four' is not a whole number"
            ),
            (
                "aws-ec2-us-east-1.json", "\"USD\" : \"0.0416000000\"", "\"USD\" : \"1000.5\"",
                "terms.OnDemand.AAAAT3MEDIUM0001.AAAAT3MEDIUM0001.JRTCKXETXF.priceDimensions."
                    + "AAAAT3MEDIUM0001.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD", "is above the maximum 1000 USD/h"
            ),
            ("aws-ec2-us-east-1.csv", "\"0.5260000000\"", "\"0.526.0\"", "PricePerUnit", "is not a decimal number"),
            ("aws-ec2-us-east-1.csv", "\"1,152 GiB\"", "\"lots\"", "Memory", "'lots' is not 'N GiB'"),
            (
                "aws-spot-price-history.json", "\"2026-11-20T06:12:41+00:00\"", "\"2026-11-31T06:12:41+00:00\"",
                "SpotPriceHistory[0].Timestamp", "is not an RFC 3339 UTC time"
            ),
            (
                "aws-spot-price-history.json", "\"0.215700\"", "0.2157", "SpotPriceHistory[0].SpotPrice",
                "expected a string, found a number"
            ),
        ])
    func malformedField(name: String, old: String, new: String, field: String, message: String) throws {
        let (path, line) = try Support.mutated(name, replacing: old, with: new)
        let (errorPath, issues) = try #require(Support.issues([path]))
        #expect(errorPath == path)
        let issue = try #require(issues.first)
        #expect(issue.field == field, "\(issue)")
        #expect(issue.message.contains(message), "\(issue)")
        // JSON errors point at the line the record starts on, CSV errors at the record's line.
        #expect(issue.line > 0 && issue.line <= line, "\(issue)")
        #expect(issue.sku != nil || field == "publicationDate", "\(issue)")
    }

    @Test("a truncated offer file and text that is not JSON are errors naming the line")
    func brokenJSON() throws {
        let text = try String(contentsOfFile: Support.fixture("aws-ec2-us-east-1.json"), encoding: .utf8)
        let directory = try TestSupport.temporaryDirectory()
        let truncated = directory.appendingPathComponent("truncated.json")
        try TestSupport.write(String(text.prefix(3000)), to: truncated)
        let (_, issues) = try #require(Support.issues([truncated.path]))
        #expect(
            issues.first?.message.contains("a string is not closed on its line") == true
                || issues.first?.message.contains("the file ends inside the JSON document") == true, "\(issues)")
        let garbage = directory.appendingPathComponent("garbage.json")
        try TestSupport.write("{\n  \"offerCode\" : \"AmazonEC2\",\n  \"products\" : { \"A\" : tru }\n}\n", to: garbage)
        let (_, garbageIssues) = try #require(Support.issues([garbage.path]))
        #expect(garbageIssues.first?.line == 3 && garbageIssues.first?.message == "expected true", "\(garbageIssues)")
    }
}
