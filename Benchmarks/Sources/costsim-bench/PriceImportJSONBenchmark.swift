import CostModel
import Foundation

/// Streaming a large AWS Price List offer file in JSON form: products, then OnDemand and
/// Reserved terms, pretty-printed as AWS writes them.
enum PriceImportJSONBenchmark {
    /// Products in the generated file (each with one OnDemand and two Reserved terms).
    static let productCount = 60_000

    static let awsOfferJSON = Benchmark(
        name: "aws-offer-json",
        summary: "Reading a generated AWS EC2 offer JSON of \(productCount) products (1 in 50 kept), "
            + "MB/s and peak memory"
    ) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("costsim-bench-offer-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path: path)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let before = Benchmark.peakResidentMegabytes()
        let (imported, seconds) = try Benchmark.time { try PriceImport.read(paths: [path], format: .awsOfferJSON) }
        let after = Benchmark.peakResidentMegabytes()
        let file = imported.files[0]
        return "\(productCount) products (\(size / 1_000_000) MB) in \(String(format3: seconds)) s: "
            + "\(String(format3: Double(size) / seconds / 1e6)) MB/s; \(file.rows.count) rows kept, "
            + "\(file.skipped.total) left out; peak RSS \(String(format3: before)) MB before, "
            + "\(String(format3: after)) MB after"
    }

    static func sku(_ index: Int) -> String { "SKU" + String(index, radix: 36).uppercased() }

    /// Writes the file in 1 MB chunks, so generating it does not raise the peak memory measured.
    static func write(path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var chunk = """
            {
              "formatVersion" : "v1.0",
              "disclaimer" : "This pricing list is for informational purposes only.",
              "offerCode" : "AmazonEC2",
              "version" : "20261120000000",
              "publicationDate" : "2026-11-20T00:00:00Z",
              "products" : {

            """
        func flush(force: Bool = false) {
            guard force || chunk.utf8.count > 1_000_000 else { return }
            handle.write(Data(chunk.utf8))
            chunk = ""
        }
        for index in 0..<productCount {
            let system = index % 50 == 0 ? "Linux" : ["Windows", "RHEL", "SUSE"][index % 3]
            let tenancy = index % 50 == 0 || index % 3 != 0 ? "Shared" : "Dedicated"
            let software = index % 50 == 0 || index % 5 != 0 ? "NA" : "SQL Web"
            chunk += """
                    "\(sku(index))" : {
                      "sku" : "\(sku(index))",
                      "productFamily" : "Compute Instance",
                      "attributes" : {
                        "servicecode" : "AmazonEC2",
                        "location" : "US East (N. Virginia)",
                        "locationType" : "AWS Region",
                        "instanceType" : "m\(index).xlarge",
                        "currentGeneration" : "Yes",
                        "instanceFamily" : "General purpose",
                        "vcpu" : "4",
                        "physicalProcessor" : "Intel Xeon Platinum 8175",
                        "clockSpeed" : "3.1 GHz",
                        "memory" : "16 GiB",
                        "storage" : "EBS only",
                        "networkPerformance" : "Up to 10 Gigabit",
                        "processorArchitecture" : "64-bit",
                        "tenancy" : "\(tenancy)",
                        "operatingSystem" : "\(system)",
                        "licenseModel" : "No License required",
                        "usagetype" : "BoxUsage:m\(index).xlarge",
                        "operation" : "RunInstances",
                        "capacitystatus" : "Used",
                        "marketoption" : "OnDemand",
                        "preInstalledSw" : "\(software)",
                        "regionCode" : "us-east-1",
                        "servicename" : "Amazon Elastic Compute Cloud"
                      }
                    }\(index + 1 < productCount ? "," : "")

                """
            flush()
        }
        chunk += "  },\n  \"terms\" : {\n"
        for (termType, codes) in [("OnDemand", ["JRTCKXETXF"]), ("Reserved", ["4NA7Y494T4", "6QCMYABX3D"])] {
            chunk += "    \"\(termType)\" : {\n"
            for index in 0..<productCount {
                let sku = sku(index)
                let terms = codes.map { code in
                    """
                          "\(sku).\(code)" : {
                            "offerTermCode" : "\(code)",
                            "sku" : "\(sku)",
                            "effectiveDate" : "2026-11-01T00:00:00Z",
                            "priceDimensions" : {
                              "\(sku).\(code).6YS6EN2CT7" : {
                                "rateCode" : "\(sku).\(code).6YS6EN2CT7",
                                "description" : "$0.192 per On Demand Linux m\(index).xlarge Instance Hour",
                                "beginRange" : "0",
                                "endRange" : "Inf",
                                "unit" : "Hrs",
                                "pricePerUnit" : {
                                  "USD" : "0.1920000000"
                                },
                                "appliesTo" : [ ]
                              }
                            },
                            "termAttributes" : { }
                          }
                    """
                }
                chunk += "      \"\(sku)\" : {\n" + terms.joined(separator: ",\n") + "\n      }"
                chunk += index + 1 < productCount ? ",\n" : "\n"
                flush()
            }
            chunk += termType == "OnDemand" ? "    },\n" : "    }\n"
        }
        chunk += "  }\n}\n"
        flush(force: true)
    }
}
