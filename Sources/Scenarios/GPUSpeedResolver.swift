import Simulator

/// Finds the GPU each deployment option runs on and the speed its service times get
/// (``Simulator/GPUSpeed``): the scenario's `inference.gpuSpeed` for that GPU, else costsim's
/// published speed for the scenario's `inference.model`, else the reference GPU's times unchanged
/// (with a warning). The scenario reader applies it to every option; sweeps apply it again after
/// changing an option's machine or a speed.
public struct GPUSpeedResolver: Sendable {
    /// The catalog's view of GPUs (`nil`: a node's GPU is its `gpuModel` as written).
    public var lookup: GPULookup?

    public init(lookup: GPULookup?) {
        self.lookup = lookup
    }

    /// The GPU `node` carries, as the catalog names it when the lookup knows it: the bundled GPU of
    /// machine types whose price includes one (`gpuModel` is then often left out), else `gpuModel`.
    public func gpu(of node: NodeSpec) -> String? {
        lookup?.gpuModel(node) ?? node.gpuModel
    }

    /// The GPU of `option`'s worker nodes.
    public func gpu(of option: DeploymentOption) -> String? {
        switch option.kind {
        case .dedicated(let dedicated): gpu(of: dedicated.node)
        case .autoscaled(let deployment): gpu(of: deployment.node)
        case .serverless(let serverless): gpu(of: serverless.instance)
        }
    }

    /// The speed of service times on `gpu` for `inference`'s model and speed table.
    public static func speed(of gpu: String?, for inference: InferenceModel) -> GPUSpeed {
        let table = inference.gpuSpeeds
        guard let gpu else { return GPUSpeed(factor: 1, gpu: nil, source: .assumedEqual) }
        if table.isReference(gpu) { return GPUSpeed(factor: 1, gpu: gpu, source: .reference) }
        if let given = table.speed(of: gpu) { return GPUSpeed(factor: given, gpu: gpu, source: .scenario) }
        if let (factor, source) = PublishedGPUSpeeds.speed(
            of: gpu, relativeTo: table.referenceGPU, model: inference.model)
        {
            return GPUSpeed(factor: factor, gpu: gpu, source: .published(source))
        }
        return GPUSpeed(factor: 1, gpu: gpu, source: .assumedEqual)
    }

    /// `option` with the speed of its GPU under `inference`.
    public func resolved(_ option: DeploymentOption, for inference: InferenceModel) -> DeploymentOption {
        var option = option
        option.gpuSpeed = Self.speed(of: gpu(of: option), for: inference)
        return option
    }

    /// Every option of `scenario` with the speed of its GPU.
    public func resolve(_ scenario: inout Scenario) {
        scenario.options = scenario.options.map { resolved($0, for: scenario.inference) }
    }

    /// The warning for an option whose GPU has no known speed, e.g. "option fast runs on L4; no
    /// speed given for L4: service times are T4's (set inference.gpuSpeed.L4)"; `nil` otherwise.
    public static func warning(for option: DeploymentOption, in scenario: Scenario) -> String? {
        guard option.gpuSpeed.source == .assumedEqual else { return nil }
        let reference = scenario.inference.gpuSpeeds.referenceGPU
        guard let gpu = option.gpuSpeed.gpu else {
            return "option \(option.name): its GPU is unknown; service times are \(reference)'s"
        }
        return "option \(option.name) runs on \(gpu); no speed given for \(gpu): service times are "
            + "\(reference)'s (set inference.gpuSpeed.\(gpu), docs/model.md)"
    }

    /// The warnings of all options of `scenario`, in option order; none when its service times
    /// are a trace's measured ones, which no GPU speed changes.
    public static func warnings(for scenario: Scenario) -> [String] {
        guard !scenario.workload.hasMeasuredServiceTimes else { return [] }
        return scenario.options.compactMap { warning(for: $0, in: scenario) }
    }
}
