import Testing
@testable import Calibration

@Suite struct ScaleUpTimelineTests {
    /// Pod Ready (API server clock) before the container start (node clock, not yet in sync):
    /// model load is skewed, left out of the phases and flagged; the other phases stay.
    @Test func aPhaseEndingBeforeItStartsIsSkewedNotMeasured() {
        var timeline = ScaleUpTimeline(namespace: "ml", pod: "p")
        timeline.times = [
            .podCreated: 0, .triggered: 10, .nodeCreated: 100, .nodeReady: 130, .scheduled: 190, .pulled: 250,
            .started: 262, .podReady: 255,
        ]
        timeline.pullSeconds = 55
        #expect(timeline.phases == [.vmBoot: 120, .driverInstall: 60, .imagePull: 55])
        #expect(timeline.skewed == [.modelLoad])
        #expect(timeline.missing.isEmpty)
        #expect(timeline.totalSeconds == 255)
    }

    @Test func theKubeletMessagesAreReadInTheirThreeForms() {
        let image = "Successfully pulled image \"registry.example/model:1\""
        #expect(ScaleUpReconstruction.pullSeconds(image + " in 1m2.5s (1m5s including waiting). Image size: 9 bytes.")
            == 65)
        #expect(ScaleUpReconstruction.pullSeconds(image + " in 523ms (15.981s including waiting)") == 15.981)
        #expect(abs((ScaleUpReconstruction.pullSeconds(image + " in 1m36.335s") ?? 0) - 96.335) < 1e-9)
        #expect(ScaleUpReconstruction.pullSeconds(image) == nil)
        #expect(ScaleUpReconstruction.pullSeconds("Container image \"m:1\" already present on machine") == nil)
        #expect(ScaleUpReconstruction.assignedNode("Successfully assigned ml/p to gke-node-1") == "gke-node-1")
        #expect(ScaleUpReconstruction.assignedNode("0/3 nodes are available") == nil)
    }
}
