import Foundation
import Scenarios
import Simulator
import Testing
@testable import Calibration

/// The `coldStart:` fragment is what the scenario reader accepts: pasted into the bundled scenario
/// in place of its own block, the fitted phases replace the defaults and the rest stay.
@Suite struct FragmentTests {
    @Test func theScenarioReaderReadsTheFragment() throws {
        let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let scenarioPath = root.appendingPathComponent("scenarios/article-gke-t4.yaml").path
        let scenario = try String(contentsOfFile: scenarioPath, encoding: .utf8)
        let calibration = ColdStartCalibration(
            try ClusterExport.read(paths: [Fixtures.path("scale-ups")]), nodePool: "gpu-t4")
        let fragment = calibration.fragment().split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        // The first option's block: from `coldStart:` to the line before `spot:`.
        let lines = scenario.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("      coldStart:") })
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix("      spot:") })
        let edited = (lines[..<start] + [fragment] + lines[end...]).joined(separator: "\n")
        let parsed = try ScenarioLoader.parse(yaml: edited, file: "edited.yaml", baseDirectory: root.path)
        let model = try #require(parsed.options.lazy.compactMap { option -> ColdStartModel? in
            if case .autoscaled(let deployment) = option.kind { return deployment.coldStart }
            return nil
        }.first)
        #expect(model.vmBoot == .lognormal(mu: 4.7556, sigma: 0.0151))
        #expect(model.driverInstall == .lognormal(mu: 4.2382, sigma: 0.1438))
        #expect(model.devicePlugin == .constant(0))
        #expect(model.modelLoad == .lognormal(mu: 3.1985, sigma: 0.2027))
        #expect(model.readiness == .constant(0))
        // Too few pulls in the pool: the scenario's own (mean 120 s, p95 300 s) stays.
        #expect(model.imagePull == (try Distribution.lognormal(mean: 120, p95: 300)))
        // The report can tell the measured phases, and from how many scale-ups, from the rest.
        let calibrated = try #require(model.calibrated)
        #expect(
            calibrated.samples == ["vmBoot": 2, "driverInstall": 2, "devicePlugin": 2, "modelLoad": 2, "readiness": 2])
        #expect(
            calibrated.source
                == "costsim calibrate, 2 scale-ups of node pool gpu-t4, 2026-11-02T10:00:00Z to 2026-11-02T11:03:40Z")
    }
}
