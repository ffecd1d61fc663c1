import Foundation
import Testing
@testable import Calibration

/// The hand-written exports in Tests/Fixtures/calibration/scale-ups: four GPU node scale-ups whose
/// phases were worked out by hand from the timestamps (see the fixture README).
@Suite struct ScaleUpFixtureTests {
    /// 2026-11-02T00:00:00Z in Unix seconds.
    static let day = 1_793_577_600.0

    static func export() throws -> ClusterExport {
        try ClusterExport.read(paths: [Fixtures.path("scale-ups")])
    }

    @Test func readsBothEventShapesWithTheirFirstTimeAndCount() throws {
        let export = try Self.export()
        #expect(export.files.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["events-v1.json", "events.json", "nodes.json", "pods.json"])
        #expect(export.pods.count == 6)
        #expect(export.nodes.count == 5)
        #expect(export.events.count == 10)
        // core/v1, deduplicated: the first of three occurrences.
        let coreTrigger = try #require(export.events.first { $0.reason == "TriggeredScaleUp" && $0.name == "worker-a" })
        #expect(coreTrigger.first == Self.day + 10 * 3600 + 12)
        #expect(coreTrigger.count == 3)
        // events.k8s.io/v1: firstTimestamp null, eventTime with microseconds, series count.
        let newTrigger = try #require(export.events.first { $0.reason == "TriggeredScaleUp" && $0.name == "worker-c" })
        #expect(newTrigger.first == Self.day + 11 * 3600 + 5.5)
        #expect(newTrigger.count == 2)
        #expect(newTrigger.message.hasPrefix("pod triggered scale-up"))
        let scheduled = try #require(export.events.first { $0.reason == "Scheduled" })
        #expect(abs(scheduled.first - (Self.day + 12 * 3600 + 240.123456)) < 1e-5)
    }

    @Test func reconstructsOneTimelinePerNewGPUNode() throws {
        let timelines = ScaleUpReconstruction.timelines(try Self.export())
        // worker-b ran on a node from the day before, worker-d second on worker-a's node, batch-g on a CPU node.
        #expect(timelines.map(\.pod) == ["worker-a", "worker-c", "worker-e", "worker-f"])
        let a = timelines[0], c = timelines[1], e = timelines[2], f = timelines[3]
        // 10:00:12 trigger → 10:02:10 Ready → 10:03:30 scheduled; pull 1m5s with waiting; 10:04:40 → 10:05:00.
        #expect(a.phases == [.vmBoot: 118, .driverInstall: 80, .imagePull: 65, .modelLoad: 20])
        #expect(a.totalSeconds == 300)
        #expect(a.missing.isEmpty)
        #expect(a.pool == "gpu-t4")
        // 11:00:05.5 trigger → 11:02:00 Ready; image already present; the later of two containers at 11:03:10.
        #expect(c.phases == [.vmBoot: 114.5, .driverInstall: 60, .modelLoad: 30])
        #expect(c.imageCached)
        #expect(c.missing.isEmpty)
        // Known only from events: the node from the scheduler's message, pull from an old-style message.
        #expect(e.node == "gke-prod-gpu-t4-e")
        #expect(e.phases == [.imagePull: 30])
        #expect(e.missing == [.podCreated, .nodeCreated, .nodeReady, .podReady])
        #expect(f.phases == [.driverInstall: 30, .modelLoad: 10])
        #expect(f.missing == [.triggered, .pulled])
        #expect(f.pool == "gpu-l4")
    }

    @Test func nodePoolKeepsOnlyItsNodes() throws {
        let timelines = ScaleUpReconstruction.timelines(try Self.export(), nodePool: "gpu-t4")
        #expect(timelines.map(\.pod) == ["worker-a", "worker-c"])
    }

    @Test func fitsEachPhaseAndLeavesPhasesWithOneSampleAtTheirDefault() throws {
        let calibration = ColdStartCalibration(try Self.export(), nodePool: "gpu-t4")
        let vmBoot = try #require(calibration.fits[.vmBoot])
        #expect(vmBoot.count == 2)
        #expect(abs(vmBoot.mu - (log(118) + log(114.5)) / 2) < 1e-12)
        #expect(abs(vmBoot.sigma - abs(log(118) - log(114.5)) / 2) < 1e-12)
        #expect(calibration.fits[.imagePull] == nil)
        #expect(calibration.samples[.imagePull] == [65])
        let fragment = calibration.fragment()
        #expect(fragment.contains("# imagePull: Pulled event duration, including waiting; too few samples (1)"))
        #expect(fragment.contains("# Scale-ups: 2 of node pool gpu-t4, 2026-11-02T10:00:00Z to 2026-11-02T11:03:40Z"))
        #expect(!fragment.contains("imagePull: {"))
        #expect(fragment.contains("  vmBoot: {lognormal: {mu: 4.7556, sigma: 0.0151}}"))
    }
}

/// Karpenter NodeClaims (Tests/Fixtures/calibration/karpenter, phases in its README).
@Suite struct KarpenterFixtureTests {
    @Test func nodeClaimsGiveTheTriggerAndTheGPUAllocatable() throws {
        let export = try ClusterExport.read(paths: [Fixtures.path("karpenter")])
        #expect(export.nodeClaims.map(\.name) == ["gpu-abcde", "gpu-fghij", "cpu-klmno"])
        let timelines = ColdStartCalibration(export).timelines
        #expect(timelines.map(\.pod) == ["llm-a", "llm-b"])
        let a = try #require(timelines.first)
        #expect(a.pool == "gpu")
        #expect(a.phases == [.vmBoot: 50, .driverInstall: 53, .imagePull: 80.5, .modelLoad: 30])
        #expect(a.gpuAllocatable.map(RFC3339.text) == "2026-11-04T09:01:45Z")
        #expect(a.missing.isEmpty)
        let b = timelines[1]
        #expect(b.phases == [.modelLoad: 20])
        #expect(b.times[.nodeCreated].map(RFC3339.text) == "2026-11-04T10:00:38Z")
        #expect(b.times[.triggered].map(RFC3339.text) == "2026-11-04T10:00:01Z")
        #expect(b.missing == [.nodeReady, .pulled])
    }

    @Test func aNodeClaimOfAnotherKindIsRefused() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("claims.json").path
        try #"{"kind": "NodeClaimList", "items": [{"kind": "NodePool", "metadata": {"name": "gpu"}}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: CalibrationError.self) { try ClusterExport.read(paths: [file]) }
        do { _ = try ClusterExport.read(paths: [file]) } catch {
            #expect(error.description == "\(file): items[0].kind: \"NodePool\" in a NodeClaimList")
        }
    }
}
