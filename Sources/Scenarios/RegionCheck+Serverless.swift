import Simulator

extension RegionCheck {
    /// `deployment` checked against the catalog's platform rows (``platformMachines``): its
    /// instance's row must exist in its region; when the option names its machine
    /// (`serverless.instanceType`) the row must carry one GPU the platform offers — and, if
    /// `gpuGiven`, the option's `serverless.gpu` — and the option then runs on that GPU.
    /// Unchanged when this check has no platform rows. A message starts with the field to blame
    /// (`serverless.instanceType`, `serverless.zonalRedundancy`, `serverless.gpu`); without one,
    /// the region is to blame (the platform's own machine is not sold there).
    public func serverlessMachine(
        _ deployment: ServerlessDeployment, gpuGiven: Bool
    ) throws(ParameterError) -> ServerlessDeployment {
        guard let platformMachines else { return deployment }
        let profile = deployment.platform.profile
        let machines = try platformMachines(profile.provider, profile.skuPrefix).get()
        let wanted = deployment.instance
        guard let row = machines.first(where: { $0.machineType == wanted.machineType && $0.region == wanted.region })
        else {
            throw .invalidParameter(Self.missingRow(wanted, of: deployment, among: machines))
        }
        guard let instanceType = deployment.instanceType else { return deployment }
        let field = "serverless.instanceType \(instanceType)"
        guard row.gpuCount == 1, let model = row.gpuModel else {
            let gpus = row.gpuModel.map { "\(row.gpuCount) × \($0)" } ?? "no GPU"
            throw .invalidParameter(
                "\(field) has \(gpus); a \(deployment.platform.rawValue) instance runs one worker on one GPU: "
                    + "choose a type with one GPU (\(Self.oneGPUMachines(in: wanted.region, among: machines)))")
        }
        guard let gpu = profile.gpu(named: model) else {
            throw .invalidParameter(
                "\(field) has a \(model), which \(deployment.platform.rawValue) does not offer (offered: "
                    + "\(profile.gpus.joined(separator: ", ")))")
        }
        if gpuGiven, gpu != deployment.gpu {
            throw .invalidParameter(
                "serverless.gpu '\(deployment.gpu)' disagrees with serverless.instanceType \(instanceType), which "
                    + "has a \(gpu): leave serverless.gpu out or make the two agree")
        }
        var resolved = deployment
        resolved.gpu = gpu
        return resolved
    }

    /// Why `wanted` has no row: the regions that have its SKU and the one-GPU machines its region
    /// has, led by the field that chose the SKU (none when the region is to blame).
    private static func missingRow(
        _ wanted: NodeSpec, of deployment: ServerlessDeployment, among machines: [NodeSpec]
    ) -> String {
        let lead =
            if let instanceType = deployment.instanceType {
                "serverless.instanceType \(instanceType): "
            } else if deployment.zonalRedundancy == false {
                "serverless.zonalRedundancy false: "
            } else if deployment.platform.profile.fixedRegion != nil {
                "serverless.gpu \(deployment.gpu): "   // one price list everywhere: no region to change
            } else {
                ""
            }
        let elsewhere = Set(machines.filter { $0.machineType == wanted.machineType }.map(\.region)).sorted()
        return lead + "the price catalog has no \(wanted.machineType) in \(wanted.region) ("
            + (elsewhere.isEmpty ? "in no region" : "it has it in: " + elsewhere.joined(separator: ", "))
            + "); \(deployment.platform.rawValue) machines with one GPU in \(wanted.region): "
            + oneGPUMachines(in: wanted.region, among: machines)
    }

    /// The one-GPU machines of `machines` in `region` without the platform's SKU prefix, each
    /// with its GPU (`ml.g4dn.2xlarge (T4), ml.g5.xlarge (A10G)`), or `none`.
    private static func oneGPUMachines(in region: String, among machines: [NodeSpec]) -> String {
        let names = Set(
            machines.filter { $0.region == region && $0.gpuCount == 1 && $0.gpuModel != nil }.map { machine in
                let name = machine.machineType.split(separator: "/", maxSplits: 1).last.map(String.init) ?? ""
                return "\(name) (\(machine.gpuModel ?? ""))"
            })
        return names.isEmpty ? "none" : names.sorted().joined(separator: ", ")
    }
}
