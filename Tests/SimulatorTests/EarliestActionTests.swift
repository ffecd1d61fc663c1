import Testing
@testable import Simulator

/// A parked controller sleeps until the first grid tick at or after the earliest time its
/// controller names (``ControllerTimer``). That time must be tight: a tick there acts, a tick at
/// the representable instant before it does not. Too late would change decisions; too early
/// costs a tick that does nothing (KEDA's cooldown and the cluster autoscaler's unneeded time
/// are strict comparisons, so the tick due exactly at their end is one of those).
@Suite struct EarliestActionTests {
    @Test func kedaScalesToZeroStrictlyAfterTheCooldownEnds() throws {
        var scaler = KEDAScaler(configuration: .article)   // polling 10 s, cooldown 60 s
        #expect(scaler.poll(now: 0, queueLength: 1, currentReplicas: 0)?.replicas == 1)  // activation: lastActiveTime 0
        #expect(scaler.poll(now: 10, queueLength: 0, currentReplicas: 1) == nil)
        let earliest = scaler.earliestActionSeconds(currentReplicas: 1)
        #expect(earliest == Double(60).nextUp)

        var before = scaler
        #expect(before.poll(now: earliest.nextDown, queueLength: 0, currentReplicas: 1) == nil)
        var at = scaler
        #expect(at.poll(now: earliest, queueLength: 0, currentReplicas: 1)?.replicas == 0)
        // On the 10-s grid, the poll at 60 s is skipped and the one at 70 s scales to zero.
        #expect(ControllerTimer(period: 10, firstTickSeconds: 0).tick(atOrAfter: earliest) == 70)
    }

    @Test func clusterAutoscalerDeletesAnEmptyNodeStrictlyAfterItsUnneededTime() throws {
        let settings = ClusterAutoscalerSettings(scaleDownDelayAfterAddSeconds: 0)   // unneeded 600 s
        var autoscaler = ClusterAutoscaler(settings: settings, minNodes: 0, maxNodes: 3, podsPerNode: 1)
        let emptyNode = ClusterAutoscaler.NodeView(
            id: 0, registered: true, gpuReady: true, requestedGPUs: 0, gpuCount: 1, deleting: false, createdSeconds: 0)
        // unneeded since 100 s
        #expect(autoscaler.loop(now: 100, nodes: [emptyNode], pendingPodCreationTimes: []).delete.isEmpty)
        let earliest = autoscaler.earliestActionSeconds
        #expect(earliest == Double(700).nextUp)

        var before = autoscaler
        #expect(before.loop(now: earliest.nextDown, nodes: [emptyNode], pendingPodCreationTimes: []).delete.isEmpty)
        var at = autoscaler
        #expect(at.loop(now: earliest, nodes: [emptyNode], pendingPodCreationTimes: []).delete == [0])
    }

    /// A loop exactly at the end of the scale-down delay after a scale-up is no longer in that
    /// cooldown: the next change is the empty node's unneeded time, not "now".
    @Test func aCooldownEndingNowIsOver() throws {
        var autoscaler = ClusterAutoscaler(
            settings: ClusterAutoscalerSettings(), minNodes: 0, maxNodes: 3, podsPerNode: 1)
        // scale-up at 0: delay after add until 600 s
        #expect(autoscaler.loop(now: 0, nodes: [], pendingPodCreationTimes: [-30]).scaleUp == 1)
        let node = ClusterAutoscaler.NodeView(
            id: 0, registered: true, gpuReady: true, requestedGPUs: 0, gpuCount: 1, deleting: false, createdSeconds: 0)
        // unneeded since 300 s
        #expect(autoscaler.loop(now: 300, nodes: [node], pendingPodCreationTimes: []).delete.isEmpty)
        #expect(autoscaler.earliestActionSeconds == 600)
        #expect(autoscaler.loop(now: 600, nodes: [node], pendingPodCreationTimes: []).delete.isEmpty)
        #expect(autoscaler.earliestActionSeconds == Double(900).nextUp)
    }

    /// The pod age buffer ends at a non-strict comparison: the loop due exactly then scales up.
    @Test func clusterAutoscalerScalesUpWhenThePodLeavesTheAgeBuffer() throws {
        var autoscaler = ClusterAutoscaler(
            settings: ClusterAutoscalerSettings(), minNodes: 0, maxNodes: 3, podsPerNode: 1)
        // 30-s GPU pod age buffer
        #expect(autoscaler.loop(now: 5, nodes: [], pendingPodCreationTimes: [0]).scaleUp == 0)
        let earliest = autoscaler.earliestActionSeconds
        #expect(earliest == 30)

        var before = autoscaler
        #expect(before.loop(now: earliest.nextDown, nodes: [], pendingPodCreationTimes: [0]).scaleUp == 0)
        var at = autoscaler
        #expect(at.loop(now: earliest, nodes: [], pendingPodCreationTimes: [0]).scaleUp == 1)
    }

    @Test func hpaBehaviorWindowDropsTheRecordFromExactlyAWindowAgo() throws {
        // Behavior path, scale-down window 300 s: a proposal of 4 at 0, then 1 every 15 s. The
        // record from 0 holds the scale-down until it leaves the window — strictly inside it
        // counts (`rec.timestamp.After(cutoff)`), so the sync at 300 acts, not the one at 315.
        let rules = HPABehavior.Rules(
            stabilizationWindowSeconds: 300,
            policies: [HPABehavior.Policy(kind: .percent, value: 100, periodSeconds: 15)])
        let behavior = HPABehavior(scaleDown: rules)
        var hpa = HorizontalPodAutoscaler(
            settings: HPASettings(), behavior: behavior, minReplicas: 1, maxReplicas: 10, targetAverageValue: 1)
        #expect(hpa.sync(now: 0, specReplicas: 4, statusReplicas: 4, usage: 4) == nil)
        for time in stride(from: 15.0, through: 285, by: 15) {
            #expect(hpa.sync(now: time, specReplicas: 4, statusReplicas: 4, usage: 1) == nil, "\(time)")
        }
        #expect(hpa.earliestActionSeconds(now: 285) == 300)
        var before = hpa
        #expect(before.sync(now: Double(300).nextDown, specReplicas: 4, statusReplicas: 4, usage: 1) == nil)
        #expect(hpa.sync(now: 300, specReplicas: 4, statusReplicas: 4, usage: 1)?.replicas == 1)
    }
}
