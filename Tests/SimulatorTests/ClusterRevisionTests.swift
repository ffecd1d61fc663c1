import Testing
@testable import Simulator

/// The cluster's revision changes with every change to what a node provisioner reads — the
/// pending pods, the live GPU nodes, their phases and bound pods — and with nothing else, so a
/// parked provisioner wakes on exactly these changes (``Cluster/revision``).
@Suite struct ClusterRevisionTests {
    @Test func changesExactlyWithWhatAProvisionerReads() {
        var cluster = Cluster()
        var last = cluster.revision
        func changed() -> Bool {
            defer { last = cluster.revision }
            return cluster.revision != last
        }
        _ = cluster.addNode(pool: "system", spec: .articleGPU, at: 0, phase: .ready, isSystem: true)
        #expect(!changed(), "a system node is not the provisioner's")
        let node = cluster.addNode(pool: "gpu-pool", spec: .articleGPU, at: 0, phase: .booting, isSystem: false)
        #expect(changed(), "GPU node created")
        cluster.setPhase(of: node, to: .registered)
        #expect(changed(), "registered")
        cluster.setPhase(of: node, to: .ready)
        #expect(changed(), "GPU allocatable")
        cluster.specReplicas = 1
        #expect(!changed(), "the replica count alone")
        cluster.addPendingPod(at: 1, credit: 1)
        #expect(changed(), "pod pending")
        let pod = cluster.pendingPods[0]
        cluster.bind(pod, to: node)
        #expect(changed(), "pod bound")
        cluster.setPendingPods([])
        #expect(changed(), "scheduling pass")
        cluster.markReady(pod, at: 2)
        cluster.changeBusyWorkers(on: node, by: 1, at: 3)
        cluster.setWaitingToScaleIn(true, at: 4)
        cluster.beginTermination(of: pod)
        cluster.changeBusyWorkers(on: node, by: -1, at: 5)
        #expect(!changed(), "readiness, work and termination leave the bound pods as they are")
        #expect(cluster.nodes[Int(node)].boundPods == 1)
        cluster.removePod(pod, at: 5)
        #expect(changed(), "pod gone from its node")
        cluster.stopNode(node, at: 6)
        #expect(changed(), "VM stopped")
        #expect(cluster.liveGPUNodes.isEmpty)
        // Paid time by state: booting and registering 0–2 s, ready with a pod 2–3 s (idle),
        // serving 3–5 s, then empty until the VM stopped.
        let durations = cluster.nodes[Int(node)].durations
        #expect(durations[.coldStart] == 2)
        #expect(durations[.idle] == 1)
        #expect(durations[.serving] == 2)
        #expect(durations[.scaleDownTail] == 1)
    }
}
