import Testing

import Scenarios
import Simulator

/// `coldStart.calibrated` marks the phases measured on a cluster; it never labels a default as measured.
@Suite struct CalibratedColdStartTests {
    func scenario(_ coldStart: String) throws(ScenarioFileError) -> Scenario {
        try ScenarioLoader.parse(
            yaml: """
                workload:
                  generate: {days: 2}
                options:
                  - name: scale-to-zero
                    autoscaled:
                      keda: {}
                      nodePool: {node: {machineType: n1-highmem-4, gpu: T4}, max: 2}
                      coldStart: \(coldStart)
                """, file: "test.yaml", baseDirectory: "/base")
    }

    func coldStart(_ text: String) throws -> ColdStartModel {
        guard case .autoscaled(let deployment) = try scenario(text).options[0].kind else {
            Issue.record("expected an autoscaled option")
            return .typicalGKE
        }
        return deployment.coldStart
    }

    func error(_ text: String) -> ScenarioFileError? {
        do {
            _ = try scenario(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func theMeasuredPhasesAndTheirSampleSizesAreKept() throws {
        let model = try coldStart(
            "{vmBoot: 100s, modelLoad: 30s, calibrated: {source: \"14 scale-ups of pool gpu\", "
                + "samples: {vmBoot: 14, modelLoad: 12}}}")
        #expect(
            model.calibrated
                == CalibratedPhases(samples: ["vmBoot": 14, "modelLoad": 12], source: "14 scale-ups of pool gpu"))
        #expect(model.vmBoot == .constant(100))
        #expect(try coldStart("{vmBoot: 100s}").calibrated == nil)
    }

    @Test(arguments: [
        ("{vmBoot: 100s, calibrated: {source: x, samples: {imagePull: 3}}}", "samples.imagePull",
         "phase 'imagePull' is not set in this coldStart block"),
        ("{vmBoot: 100s, calibrated: {source: x, samples: {boot: 3}}}", "samples.boot",
         "unknown cold-start phase 'boot'"),
        ("{vmBoot: 100s, calibrated: {source: x, samples: {vmBoot: 0}}}", "samples.vmBoot",
         "must be within 1 … 10000000"),
        ("{vmBoot: 100s, calibrated: {source: x, samples: {vmBoot: 1e30}}}", "samples.vmBoot", "is not a whole number"),
        ("{vmBoot: 100s, calibrated: {source: ' ', samples: {vmBoot: 3}}}", "calibrated.source",
         "must say where the measurements come from"),
        ("{vmBoot: 100s, calibrated: {samples: {vmBoot: 3}}}", "calibrated.source", "required field is missing"),
        ("{vmBoot: 100s, calibrated: {source: x, samples: {}}}", "coldStart.calibrated", "name at least one"),
        ("{vmBoot: 100s, calibrated: {source: x, samples: {vmBoot: 3}, n: 3}}", "calibrated.n", "unknown key 'n'"),
    ])
    func badCalibrationNotesNameTheField(text: String, field: String, message: String) {
        let failure = error(text)
        #expect(failure?.field?.hasSuffix(field) == true, "\(String(describing: failure))")
        #expect(failure?.message.contains(message) == true, "\(String(describing: failure))")
        #expect(failure?.line == 8)
    }
}
