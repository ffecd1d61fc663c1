import Foundation
@testable import Simulator

/// Shared helpers for Simulator tests.
enum Fixtures {
    /// The repository's file at `relativePath`, e.g. `Tests/Fixtures/traces/NAME` (the vendored
    /// data, origin and licence in `Tests/Fixtures/README.md`).
    static func repositoryFile(_ relativePath: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relativePath).path
    }

    /// The article's GPU node on spot capacity.
    static var articleSpotGPU: NodeSpec {
        var node = NodeSpec.articleGPU
        node.spot = true
        return node
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "trace.csv") -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "costsim-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Reads every record of `source`.
    static func readAll(_ source: inout some TraceSource) throws -> [TraceRecord] {
        var records: [TraceRecord] = []
        while let record = try source.next() { records.append(record) }
        return records
    }

    /// A dedicated option with `nodes` single-worker GPU VMs.
    static func dedicated(nodes: Int = 1, podsPerNode: Int = 1) -> DeploymentOption {
        DeploymentOption(
            name: "dedicated",
            kind: .dedicated(DedicatedDeployment(nodeCount: nodes, node: .articleGPU, podsPerNode: podsPerNode)))
    }

    /// Service time equal to the work size (no noise): work sizes are service seconds.
    static let workIsSeconds = InferenceModel(
        workUnit: .audioSeconds, overheadSeconds: 0, secondsPerWorkUnit: 1, noise: .constant(1))
}

/// Mean and standard error of a set of independent estimates.
struct Estimate {
    let mean: Double
    let standardError: Double

    init(_ values: [Double]) {
        let n = Double(values.count)
        let average = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)
        mean = average
        standardError = (variance / n).squareRoot()
    }
}

extension AutoscaledDeployment {
    /// The same deployment with every controller phase left unset pinned to 0: first ticks at the
    /// start of the run and grids 0, P, 2P, … — the grids the hand-computed timelines assume (a
    /// run otherwise draws each phase from its seed; see ``ControllerPhases``).
    func pinningUnsetPhasesToZero() -> AutoscaledDeployment {
        var deployment = self
        switch deployment.autoscaler {
        case .keda(var keda):
            keda.phaseSeconds = keda.phaseSeconds ?? 0
            deployment.autoscaler = .keda(keda)
        case .knative(var knative):
            knative.phaseSeconds = knative.phaseSeconds ?? 0
            deployment.autoscaler = .knative(knative)
        }
        deployment.hpa.phaseSeconds = deployment.hpa.phaseSeconds ?? 0
        deployment.clusterAutoscaler.phaseSeconds = deployment.clusterAutoscaler.phaseSeconds ?? 0
        if var karpenter = deployment.karpenter {
            karpenter.disruptionPhaseSeconds = karpenter.disruptionPhaseSeconds ?? 0
            karpenter.garbageCollectionPhaseSeconds = karpenter.garbageCollectionPhaseSeconds ?? 0
            deployment.karpenter = karpenter
        }
        return deployment
    }
}
