import Foundation
import Simulator
import Testing
@testable import Calibration

/// Scale-ups with phases drawn from known lognormals, written as a cluster records them (pods and
/// nodes at 1 s, events.k8s.io `eventTime` at 1 µs, `Pulled` durations in Go's format at 1 ms):
/// calibrate finds each true mu inside its 95 % interval and each sigma within 3 standard errors.
@Suite struct RoundTripTests {
    static let truth: [ColdStartPhase: (mu: Double, sigma: Double)] = [
        .vmBoot: (4.6, 0.4), .driverInstall: (4.0, 0.5), .imagePull: (4.5, 0.6), .modelLoad: (3.0, 0.5),
    ]
    static let scaleUps = 40

    @Test func recoversTheKnownDistributions() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeExports(to: directory)
        let calibration = ColdStartCalibration(try ClusterExport.read(paths: [directory.path]), nodePool: "gpu")
        #expect(calibration.timelines.count == Self.scaleUps)
        for (phase, truth) in Self.truth {
            let fit = try #require(calibration.fits[phase], "\(phase)")
            #expect(fit.count == Self.scaleUps)
            #expect(fit.muLower <= truth.mu && truth.mu <= fit.muUpper, "\(phase): mu \(fit.mu)")
            let standardError = truth.sigma / (2 * Double(Self.scaleUps)).squareRoot()
            #expect(abs(fit.sigma - truth.sigma) < 3 * standardError, "\(phase): sigma \(fit.sigma)")
        }
    }

    /// The instants of one scale-up as the cluster records them (Unix seconds) and the pull's total.
    struct Recorded {
        var created, triggered, nodeCreated, nodeReady, scheduled, started, ready, pullSeconds: Double
    }

    /// pods.json, nodes.json and events.json for ``scaleUps`` scale-ups an hour apart.
    static func writeExports(to directory: URL) throws {
        var random = RandomStream.coldStart.generator(seed: 7)
        func draw(_ phase: ColdStartPhase) -> Double {
            let (mu, sigma) = truth[phase]!
            return Distribution.lognormal(mu: mu, sigma: sigma).sample(using: &random)
        }
        var recorded: [Recorded] = []
        for index in 0..<scaleUps {
            let created = 1_793_577_600.0 + Double(index) * 3600
            let triggered = created + 12.345678
            let nodeReady = triggered + draw(.vmBoot)
            let scheduled = nodeReady + draw(.driverInstall)
            let pull = draw(.imagePull)
            let started = scheduled + pull + 2
            recorded.append(Recorded(
                created: created, triggered: triggered, nodeCreated: nodeReady - 20, nodeReady: nodeReady,
                scheduled: scheduled, started: started, ready: started + draw(.modelLoad), pullSeconds: pull))
        }
        try write(recorded, pool: "gpu", to: directory)
    }

    /// pods.json, nodes.json and events.json (events.k8s.io `TriggeredScaleUp` and `Pulled`), pod
    /// `worker-<i>` on node `gpu-node-<i>` of `pool`.
    static func write(_ scaleUps: [Recorded], pool: String, to directory: URL) throws {
        var pods: [String] = [], nodes: [String] = [], events: [String] = []
        for (index, scaleUp) in scaleUps.enumerated() {
            let pod = "worker-\(index)", node = "gpu-node-\(index)"
            let (created, scheduled, ready, started) = (
                time(scaleUp.created), time(scaleUp.scheduled), time(scaleUp.ready), time(scaleUp.started))
            pods.append("""
                {"kind": "Pod",
                 "metadata": {"name": "\(pod)", "namespace": "ml", "creationTimestamp": "\(created)"},
                 "spec": {"nodeName": "\(node)"},
                 "status": {"conditions": [
                   {"type": "PodScheduled", "status": "True", "lastTransitionTime": "\(scheduled)"},
                   {"type": "Ready", "status": "True", "lastTransitionTime": "\(ready)"}],
                  "containerStatuses": [{"name": "model", "state": {"running": {"startedAt": "\(started)"}}}]}}
                """)
            nodes.append("""
                {"kind": "Node", "metadata": {"name": "\(node)", "creationTimestamp": "\(time(scaleUp.nodeCreated))",
                  "labels": {"cloud.google.com/gke-nodepool": "\(pool)"}},
                 "status": {"allocatable": {"nvidia.com/gpu": "1"},
                  "conditions": [
                    {"type": "Ready", "status": "True", "lastTransitionTime": "\(time(scaleUp.nodeReady))"}]}}
                """)
            events.append("""
                {"apiVersion": "events.k8s.io/v1", "kind": "Event", "reason": "TriggeredScaleUp",
                 "regarding": {"kind": "Pod", "namespace": "ml", "name": "\(pod)"}, "deprecatedFirstTimestamp": null,
                 "eventTime": "\(microTime(scaleUp.triggered))",
                 "note": "pod triggered scale-up: [{\(pool) 0->1 (max: 4)}]"}
                """)
            events.append("""
                {"apiVersion": "events.k8s.io/v1", "kind": "Event", "reason": "Pulled",
                 "regarding": {"kind": "Pod", "namespace": "ml", "name": "\(pod)"},
                 "eventTime": "\(microTime(scaleUp.started))",
                 "note": "Successfully pulled image \\"model:1\\" in \(goDuration(scaleUp.pullSeconds * 0.5)) \
                (\(goDuration(scaleUp.pullSeconds)) including waiting). Image size: 1 bytes."}
                """)
        }
        for (name, items) in [("pods", pods), ("nodes", nodes), ("events", events)] {
            let text = "{\"kind\": \"List\", \"apiVersion\": \"v1\", \"items\": [\n"
                + items.joined(separator: ",\n") + "]}\n"
            try text.write(to: directory.appendingPathComponent("\(name).json"), atomically: true, encoding: .utf8)
        }
    }

    /// `metav1.Time`: whole seconds (rounded to the nearest), UTC.
    static func time(_ seconds: Double) -> String { RFC3339.text(seconds.rounded()) }

    /// `metav1.MicroTime`: microseconds, UTC.
    static func microTime(_ seconds: Double) -> String {
        let whole = seconds.rounded(.down)
        let micros = Int(((seconds - whole) * 1e6).rounded(.down))
        return RFC3339.text(whole).dropLast() + "." + String(format: "%06d", micros) + "Z"
    }

    /// Go's `time.Duration` text truncated to milliseconds: `1m5.123s`, `42.5s`.
    static func goDuration(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded(.down))
        let minutes = millis / 60_000, rest = Double(millis % 60_000) / 1000
        return (minutes > 0 ? "\(minutes)m" : "") + "\(rest)s"
    }
}
