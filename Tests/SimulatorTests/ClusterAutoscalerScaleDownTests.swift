import Testing
@testable import Simulator

/// Cluster-autoscaler scale-down settings (kubernetes/autoscaler `core/scaledown`, `config/flags`):
/// `--max-scale-down-parallelism` (empty nodes deleted per loop), `--scale-down-delay-after-delete`
/// and GKE's optimize-utilization profile (assumed values), with timelines derived by hand.
@Suite struct ClusterAutoscalerScaleDownTests {
    /// Three empty, ready one-GPU nodes from time 0 and no pending pods; loops every 10 s from 0,
    /// a deleted node passed on as `deleting`. Each node is unneeded from the loop at 0 and may go
    /// at the first loop with 0 + 600 < now, 610. Returns the loops that deleted, with the nodes.
    static func deletions(_ settings: ClusterAutoscalerSettings, through end: Double = 700) -> [[Double]] {
        var autoscaler = ClusterAutoscaler(settings: settings, minNodes: 0, maxNodes: 10, podsPerNode: 1)
        var nodes = (0..<3).map {
            ClusterAutoscaler.NodeView(id: Int32($0), registered: true, gpuReady: true, requestedGPUs: 0, gpuCount: 1,
                                       deleting: false, createdSeconds: 0)
        }
        var deleted: [[Double]] = []
        for time in stride(from: 0.0, through: end, by: 10) {
            let actions = autoscaler.loop(now: time, nodes: nodes, pendingPodCreationTimes: [])
            if !actions.delete.isEmpty { deleted.append([time] + actions.delete.map(Double.init)) }
            for id in actions.delete { nodes[Int(id)].deleting = true }
        }
        return deleted
    }

    /// Defaults (parallelism 10, no delay after delete): all three at 610 in one bulk delete.
    /// Parallelism 1: one per loop, 610, 620, 630. Parallelism 1 with a 25-s delay after delete:
    /// 610; the next loops until 610 + 25 are in cooldown, so 640 (loops at 620, 630 are not); then
    /// 640 + 25 = 665: 670.
    @Test func maxEmptyBulkDeleteAndDelayAfterDelete() {
        #expect(Self.deletions(.upstreamDefaults) == [[610, 0, 1, 2]])
        var oneAtATime = ClusterAutoscalerSettings.upstreamDefaults
        oneAtATime.maxEmptyBulkDelete = 1
        #expect(Self.deletions(oneAtATime) == [[610, 0], [620, 1], [630, 2]])
        var delayed = oneAtATime
        delayed.scaleDownDelayAfterDeleteSeconds = 25
        #expect(Self.deletions(delayed) == [[610, 0], [640, 1], [670, 2]])
        // A delay that ends exactly at a loop is over at that loop: 30 s → 610, 640, 670 as well.
        delayed.scaleDownDelayAfterDeleteSeconds = 30
        #expect(Self.deletions(delayed) == [[610, 0], [640, 1], [670, 2]])
    }

    /// The article's single request (``ScaleToZeroTimelineTests/oneRequestWithTheArticleScaledObject()``:
    /// node requested at 40, target at zero at 340) under `gke-optimize-utilization`, assumed as
    /// 1 min unneeded time and 1 min delay after add: the node is unneeded from the loop at 340
    /// (the last scale-up, 40, is 300 s back, past the 60-s delay), deleted at the first loop after
    /// 400, 410, stopped 5 s + 30 s later at 445 — against 985 with the upstream defaults.
    @Test(arguments: [(ClusterAutoscalerSettings.gkeOptimizeUtilization, 410.0, 445.0), (.upstreamDefaults, 950, 985)])
    func optimizeUtilizationProfile(settings: ClusterAutoscalerSettings, deletedAt: Double, stoppedAt: Double) throws {
        let option = ScaleToZeroTimelineTests.option(.article, ca: settings)
        let result = try ScaleToZeroTimelineTests.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: option)
        let ca = result.decisions.filter { $0.actor == .clusterAutoscaler && $0.from != $0.to }
        #expect(ca.map(\.timeSeconds) == [40, deletedAt])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [stoppedAt])
        #expect(result.gpuNodeRunsToEnd.first?.durations[.scaleDownTail] == stoppedAt - 340)
    }
}
