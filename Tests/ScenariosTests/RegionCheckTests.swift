import Testing
import Scenarios
import Simulator

/// `cloud.region` (and a node's `region`) checked against a catalog while the scenario is read.
@Suite struct RegionCheckTests {
    /// A catalog that knows two GCP regions and names them in its message.
    static let twoRegions = RegionCheck { node in
        ["us-central1", "europe-west4"].contains(node.region)
            ? nil : "unknown region '\(node.region)'; known: europe-west4, us-central1"
    }

    func error(_ yaml: String) -> ScenarioFileError? {
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml", baseDirectory: "/base", regions: Self.twoRegions)
            return nil
        } catch {
            return error
        }
    }

    static func scenario(cloud: String, node: String = "{machineType: n1-highmem-4, gpu: T4}") -> String {
        """
        \(cloud)
        workload:
          generate: {days: 2}
        options:
          - name: dedicated
            dedicated: {node: \(node)}
        """
    }

    @Test func aRegionOfTheCatalogIsAccepted() throws {
        let scenario = try ScenarioLoader.parse(
            yaml: Self.scenario(cloud: "cloud: {provider: gcp, region: europe-west4}"), file: "s.yaml",
            baseDirectory: "/base", regions: Self.twoRegions)
        guard case .dedicated(let dedicated) = scenario.options[0].kind else {
            Issue.record("expected a dedicated option"); return
        }
        #expect(dedicated.node.region == "europe-west4")
    }

    @Test func anUnknownRegionIsReportedAtCloudRegionWithItsLine() {
        let yaml = Self.scenario(cloud: "cloud:\n  provider: gcp\n  region: europe-west99")
        #expect(
            error(yaml)?.description
                == "s.yaml:3: field 'cloud.region': unknown region 'europe-west99'; known: europe-west4, us-central1")
    }

    @Test func aNodesOwnRegionIsBlamedOnTheNode() {
        let yaml = Self.scenario(
            cloud: "cloud: {region: us-central1}", node: "{machineType: n1-highmem-4, region: mars-north1}")
        let found = error(yaml)
        #expect(found?.line == 6)
        #expect(found?.field == "options[0].dedicated.node.region")
        #expect(found?.message.hasPrefix("unknown region 'mars-north1'") == true)
    }

    @Test func theDefaultRegionIsCheckedToo() {
        let strict = RegionCheck { node in node.region == "europe-west4" ? nil : "unknown region '\(node.region)'" }
        do {
            _ = try ScenarioLoader.parse(
                yaml: Self.scenario(cloud: ""), file: "s.yaml", baseDirectory: "/base", regions: strict)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == nil)
            #expect(error.field == "cloud.region")
            #expect(error.message == "unknown region 'us-central1' (the default region; set cloud.region)")
        }
    }

    @Test func withoutACheckAnyRegionIsRead() throws {
        let scenario = try ScenarioLoader.parse(
            yaml: Self.scenario(cloud: "cloud: {region: anywhere-1}"), file: "s.yaml", baseDirectory: "/base")
        guard case .dedicated(let dedicated) = scenario.options[0].kind else {
            Issue.record("expected a dedicated option"); return
        }
        #expect(dedicated.node.region == "anywhere-1")
    }
}
