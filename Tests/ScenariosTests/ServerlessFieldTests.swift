import Foundation
import Scenarios
import Simulator
import Testing

/// The serverless field table: every row complete for every platform, sweep names that lead back
/// to their field, and docs/serverless.md listing exactly these rows.
@Suite struct ServerlessFieldTests {
    @Test func everyRowIsCompleteForEveryPlatform() {
        for platform in ServerlessPlatform.allCases {
            for field in ServerlessField.allCases {
                #expect(!field.unit.isEmpty && !field.range(for: platform).isEmpty)
                #expect(!field.defaultText(for: platform).isEmpty && !field.source(for: platform).isEmpty)
                #expect(ServerlessField(sweepName: field.sweepName) == field)
            }
        }
        #expect(ServerlessField(sweepName: "keda.pollingInterval") == nil)
    }

    /// The stated defaults are the profiles' values.
    @Test func statedDefaultsAreTheProfiles() {
        #expect(ServerlessField.idleTimeout.defaultText(for: .modal) == "1 min")
        #expect(ServerlessField.idleTimeout.defaultText(for: .runpod) == "5 s")
        #expect(ServerlessField.idleTimeout.defaultText(for: .cloudRun) == "15 min")
        #expect(ServerlessField.requestTimeout.defaultText(for: .cloudRun) == "5 min")
        #expect(ServerlessField.containerStart.defaultText(for: .cloudRun) == "uniform 6–17 s")
        #expect(ServerlessField.maxInstances.defaultText(for: .runpod) == "3")
        #expect(ServerlessField.gpu.defaultText(for: .modal) == "T4")
        #expect(ServerlessField.region.defaultText(for: .cloudRun) == "cloud.region")
        #expect(ServerlessField.region.defaultText(for: .runpod) == "global")
    }

    /// The table as docs/serverless.md shows it, one per platform.
    static func table(for platform: ServerlessPlatform) -> String {
        var lines = ["| key | unit | range | default | source |", "|---|---|---|---|---|"]
        for field in ServerlessField.allCases {
            lines.append(
                "| `\(field.key)` | \(field.unit) | \(field.range(for: platform)) | "
                    + "\(field.defaultText(for: platform)) | \(field.source(for: platform)) |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func theDocsListTheTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let docs = try String(
            contentsOf: root.appendingPathComponent("docs/serverless.md"), encoding: .utf8)
        for platform in ServerlessPlatform.allCases {
            let table = Self.table(for: platform)
            #expect(docs.contains(table), "docs/serverless.md lacks the table of \(platform.rawValue):\n\(table)")
        }
    }
}
