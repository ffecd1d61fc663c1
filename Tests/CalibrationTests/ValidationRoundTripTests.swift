import CostModel
import Foundation
import Scenarios
import Simulator
import Testing
@testable import Calibration

/// A known cluster simulated, and what a real cluster would have recorded written from the run in
/// the real formats: a `query_range` matrix of kube-state-metrics series, a GCP detailed billing
/// CSV, and kubectl pods/nodes/events. Validating the scenario against its own recordings finds
/// agreement; against a cluster whose scale-down-unneeded-time is longer, it flags the nodes.
/// calibrate recovers the cold start the scenario drew.
@Suite struct ValidationRoundTripTests {
    /// 2026-11-02T00:00:00Z: the simulated time 0.
    static let origin = 1_793_577_600.0
    static let vmBoot = (mu: 4.6, sigma: 0.4)
    /// driverInstall 60 + imagePull 90 + modelLoad 20: node registration → first pod ready.
    static let afterBoot = 170.0
    static let step = 30.0

    static func scenario(unneeded: String) -> String {
        """
        name: round-trip
        seed: 9
        replications: 1
        horizon: 2d
        cloud: {provider: gcp, region: us-central1}
        workload:
          generate:
            speechMinutesPerDay: 60
            days: 2
            profile: {businessHours: {startHour: 9, endHour: 17, offHoursShare: 0.1}}
            requestSize: {lognormal: {mean: 15s, p95: 45s}}
        inference: {workUnit: audio-seconds, secondsPerWorkUnit: 0.45, overhead: 0s}
        workers: {concurrency: 1, prefetch: 1}
        client: {timeout: 60s}
        options:
          - name: scale-to-zero
            autoscaled:
              keda:
                pollingInterval: 10s
                cooldownPeriod: 60s
                maxReplicaCount: 5
                trigger: {value: 20, protocol: amqp}
              nodePool: {node: {machineType: n1-highmem-4, gpu: T4, gpuCount: 1, spot: true}, min: 0, max: 3}
              clusterAutoscaler: {profile: upstream-defaults, scaleDownUnneededTime: \(unneeded)}
              coldStart:
                vmBoot: {lognormal: {mu: \(vmBoot.mu), sigma: \(vmBoot.sigma)}}
                driverInstall: 60s
                devicePlugin: 0s
                imagePull: 90s
                modelLoad: 20s
                readiness: 0s
              spot: {preemptionsPerNodeHour: 0, notice: 30s}
        """
    }

    struct Run {
        var result: SimulationResult
        var charges: [NodeRunCharge]
        var cluster: SimulatedCluster { SimulatedCluster(result: result, charges: charges, origin: origin) }
    }

    static func simulate(unneeded: String, in directory: URL) throws -> Run {
        let file = directory.appendingPathComponent("scenario-\(unneeded).yaml")
        try scenario(unneeded: unneeded).write(to: file, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: file.path)
        let result = try Simulation.run(scenario, option: scenario.options[0], keepDecisions: true)
        let report = try CostCalculator(catalog: PriceCatalog.bundled()).price(result)
        return Run(result: result, charges: report.nodeRuns)
    }

    /// The GPU nodes that served a pod: (VM start, kubelet registration, VM end), Unix seconds.
    static func nodes(_ run: Run) -> [(start: Double, registered: Double, end: Double)] {
        run.result.gpuNodeRuns.compactMap { node in
            guard let ready = node.readySeconds else { return nil }
            return (origin + node.startSeconds, origin + ready - afterBoot, origin + node.endSeconds)
        }
    }

    /// kube_node_labels (one series per node, from registration to deletion) and
    /// kube_deployment_spec_replicas, sampled every ``step`` seconds over the period.
    static func writePrometheus(_ run: Run, to file: URL) throws {
        let end = origin + run.result.horizonSeconds
        let deletion: Double = if case .autoscaled(let deployment) = run.result.option.kind {
            deployment.vmDeletionSeconds
        } else { 0 }
        var series: [String] = []
        for (index, node) in nodes(run).enumerated() {
            let points = stride(from: origin, to: end, by: step)
                .filter { $0 >= node.registered && $0 < node.end - deletion }
            guard !points.isEmpty else { continue }
            series.append("{\"metric\": {\"__name__\": \"kube_node_labels\", \"node\": \"gke-gpu-\(index)\"}, "
                + "\"values\": ["
                + points.map { "[\(Int($0)), \"1\"]" }.joined(separator: ",") + "]}")
        }
        let decisions = run.result.decisions.filter { $0.actor == .keda || $0.actor == .hpa }
        var replicas: [String] = []
        var next = 0, value = decisions.first?.from ?? 0
        for time in stride(from: origin, to: end, by: step) {
            while next < decisions.count, origin + decisions[next].timeSeconds <= time {
                value = decisions[next].to
                next += 1
            }
            replicas.append("[\(Int(time)), \"\(value)\"]")
        }
        series.append("{\"metric\": {\"__name__\": \"kube_deployment_spec_replicas\", \"deployment\": \"worker\"}, "
            + "\"values\": [" + replicas.joined(separator: ",") + "]}")
        let text = "{\"status\": \"success\", \"data\": {\"resultType\": \"matrix\", \"result\": [\n"
            + series.joined(separator: ",\n") + "]}}\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// A GCP detailed usage cost export: per node and hour, the T4 seconds and the VM's cores, each
    /// with its share of the run's charge (GCP bills by the second).
    static func writeBill(_ run: Run, to file: URL) throws {
        var lines = ["service.description,sku.description,usage_start_time,usage_end_time,usage.amount,usage.unit,"
            + "cost,currency,credits,labels"]
        let labels = "\"[{'key': 'goog-k8s-node-pool-name', 'value': 'gpu-pool'}]\""
        let charges = Dictionary(uniqueKeysWithValues: run.charges.map { ("\($0.pool)/\($0.nodeID)", $0) })
        func stamp(_ seconds: Double) -> String { RFC3339.text(seconds).replacingOccurrences(of: "T", with: " ")
            .replacingOccurrences(of: "Z", with: "+00:00") }
        func dollars(_ nanos: Double) -> String { String(format: "%.9f", nanos / 1e9) }
        let end = origin + run.result.horizonSeconds
        for node in run.result.gpuNodeRuns {
            let charge = charges["\(node.pool)/\(node.nodeID)"]!
            let start = origin + node.startSeconds, stop = origin + node.endSeconds
            for hour in stride(from: (start / 3600).rounded(.down) * 3600, to: min(stop, end), by: 3600) {
                let seconds = min(stop, hour + 3600) - max(start, hour)
                guard seconds > 0 else { continue }
                let share = seconds / (stop - start)
                let interval = "\(stamp(hour)),\(stamp(hour + 3600))"
                lines.append("Compute Engine,Nvidia Tesla T4 GPU attached to Spot Preemptible VMs running in Americas,"
                    + "\(interval),\(seconds),seconds,\(dollars(Double(charge.gpuCost.nanoDollars) * share)),"
                    + "USD,[],\(labels)")
                lines.append("Compute Engine,Spot Preemptible N1 Predefined Instance Core running in Americas,"
                    + "\(interval),\(seconds * 4),seconds,\(dollars(Double(charge.machineCost.nanoDollars) * share)),"
                    + "USD,[],\(labels)")
            }
        }
        // The system pool's hours frame the bill: the whole period is billed.
        for hour in stride(from: origin, to: end, by: 3600) {
            lines.append("Compute Engine,E2 Instance Core running in Americas,\(stamp(hour)),\(stamp(hour + 3600)),"
                + "7200,seconds,0.04,USD,[],[]")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    /// The nodes created while no other GPU node was up: their pending pod binds as soon as the GPU is
    /// allocatable, so VM start → first pod ready is vmBoot + ``afterBoot`` exactly. (With another node
    /// booting, the pod may bind there and this node wait for a later pod.)
    static func scaleUpsFromZero(_ run: Run) -> [(start: Double, registered: Double, end: Double)] {
        let all = nodes(run)
        let runs = run.result.gpuNodeRuns
        return all.filter { node in
            !runs.contains { other in
                let start = origin + other.startSeconds, end = origin + other.endSeconds
                return start < node.start && end > node.start
            }
        }
    }

    /// pods, nodes and events.k8s.io events of each scale-up from zero nodes: `TriggeredScaleUp` at VM
    /// creation, node created and Ready at registration, the pod scheduled 60 s later, pulled in 90 s,
    /// Ready 20 s after its start.
    static func writeKubectl(_ run: Run, to directory: URL) throws {
        let recorded = scaleUpsFromZero(run).map { node in
            RoundTripTests.Recorded(
                created: node.start, triggered: node.start, nodeCreated: node.registered, nodeReady: node.registered,
                scheduled: node.registered + 60, started: node.registered + 150, ready: node.registered + 170,
                pullSeconds: 90)
        }
        try RoundTripTests.write(recorded, pool: "gpu-pool", to: directory)
    }

    /// Records `observed` and validates `simulated` against the recordings.
    static func validate(_ simulated: Run, against observed: Run, in directory: URL) throws -> SimulationValidation {
        let prometheus = directory.appendingPathComponent("observed.json")
        let bill = directory.appendingPathComponent("bill.csv")
        try writePrometheus(observed, to: prometheus)
        try writeBill(observed, to: bill)
        return try SimulationValidation(
            cluster: simulated.cluster, recorded: PrometheusExport.read(file: prometheus.path).series,
            bills: [BillExport.read(file: bill.path)], threshold: 0.2)
    }

    @Test func agreesWithItsOwnRecordingsAndFlagsALongerScaleDown() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let known = try Self.simulate(unneeded: "10m", in: directory)
        #expect(known.result.gpuNodeRuns.count >= 20, "enough scale-ups to compare")

        let same = try Self.validate(known, against: known, in: directory)
        #expect(same.flags.isEmpty, "\(same.flags)")
        let bills = try #require(same.bills)
        #expect(bills.days.map(\.date) == ["2026-11-02", "2026-11-03"])
        #expect(bills.days.allSatisfy { $0.coveredHours == 24 })
        #expect(abs(bills.billedNodeHours - bills.simulatedNodeHours) < 1e-6)
        // Each line's cost is rounded to the nano-dollar when written: a few per line.
        #expect(abs(bills.billedCost.nanoDollars - bills.simulatedCost.nanoDollars) < 1_000_000)
        let nodes = try #require(same.timeline(.nodes))
        let replicas = try #require(same.timeline(.replicas))
        #expect(replicas.agreement > 0.99)
        #expect(replicas.observedFromZero == replicas.simulatedFromZero)
        // Registration is drawn per node, the simulation counts from the mean vmBoot: only rises differ.
        #expect(nodes.agreement > 0.95)
        #expect(nodes.observedAdded == nodes.simulatedAdded)
        #expect(abs(nodes.medianLagSeconds ?? .infinity) <= 60)

        let slower = try Self.simulate(unneeded: "30m", in: directory)
        let flagged = try Self.validate(known, against: slower, in: directory)
        let subjects = flagged.flags.map(\.subject)
        #expect(subjects.contains("GPU node-hours (bill)"))
        #expect(subjects.contains("scale-ups (nodes added)"))
        let longer = try #require(flagged.timeline(.nodes))
        #expect(longer.observedMean > 1.2 * longer.simulatedMean)
        #expect(longer.agreement < nodes.agreement - 0.1)
        let nodeHours = try #require(flagged.flags.first { $0.subject == "GPU node-hours (bill)" })
        #expect(nodeHours.cause.contains("longer than simulated: check the cluster autoscaler's scale-down settings"),
                "\(nodeHours.cause)")
        // The replicas follow the queue, not the nodes: KEDA did the same.
        #expect(!subjects.contains("replicas timeline"))
    }

    @Test func calibrateRecoversTheSimulatedVMBoot() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let known = try Self.simulate(unneeded: "10m", in: directory)
        try Self.writeKubectl(known, to: directory)
        let calibration = ColdStartCalibration(try ClusterExport.read(paths: [directory.path]), nodePool: "gpu-pool")
        #expect(calibration.timelines.count == Self.scaleUpsFromZero(known).count)
        #expect(calibration.timelines.count >= 20)
        let vmBoot = try #require(calibration.fits[.vmBoot])
        #expect(vmBoot.muLower <= Self.vmBoot.mu && Self.vmBoot.mu <= vmBoot.muUpper, "mu \(vmBoot.mu)")
        let standardError = Self.vmBoot.sigma / (2 * Double(vmBoot.count)).squareRoot()
        #expect(abs(vmBoot.sigma - Self.vmBoot.sigma) < 3 * standardError, "sigma \(vmBoot.sigma)")
        #expect(calibration.fits[.driverInstall]?.median.rounded() == 60)
        #expect(abs((calibration.fits[.imagePull]?.median ?? 0) - 90) < 1e-9)
        #expect(calibration.fits[.modelLoad]?.median.rounded() == 20)
    }
}
