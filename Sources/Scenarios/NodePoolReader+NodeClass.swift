import Simulator

/// The node class a NodePool launches with: only what changes a GPU node's cold start is read
/// (the image family, Azure's GPU driver mode); network, storage and identity fields are accepted
/// silently. aws/karpenter-provider-aws v1.14.1 `pkg/apis/crds/karpenter.k8s.aws_ec2nodeclasses.yaml`,
/// Azure/karpenter-provider-azure v1.14.2 `pkg/apis/crds/karpenter.azure.com_aksnodeclasses.yaml`.
extension NodePoolReader {
    /// EC2NodeClass `spec` fields that do not change provisioning timing or price.
    private static let ec2Accepted = [
        "role", "instanceProfile", "subnetSelectorTerms", "securityGroupSelectorTerms", "blockDeviceMappings",
        "tags", "userData", "kubelet", "metadataOptions", "detailedMonitoring", "associatePublicIPAddress",
        "context", "instanceStorePolicy", "placementGroupSelector", "networkInterfaces", "ipPrefixCount",
        "cpuOptions", "connectionTracking",
    ]
    /// AKSNodeClass `spec` fields that do not change provisioning timing or price.
    private static let aksAccepted = [
        "vnetSubnetID", "osDiskSizeGB", "maxPods", "kubelet", "tags", "security", "localDNS", "linuxOSConfig",
        "fipsMode",
    ]

    func readNodeClass(
        _ object: Object?, provider: String, name: String, into settings: inout KarpenterSettings
    ) throws(ScenarioFileError) {
        let kind = provider == "azure" ? "AKSNodeClass" : "EC2NodeClass"
        guard let object else {
            log.warn(
                line: nil, field: nil,
                "the file has no \(kind) '\(name)'; its image family is unknown, so the scenario's cold start applies")
            return
        }
        guard object.kind == kind, object.name == name else {
            throw ScenarioFileError(
                file: file, line: object.node.line, field: "metadata.name",
                message: "the NodePool's nodeClassRef names \(kind) '\(name)', but the file has \(object.label)")
        }
        let root = try object.node.manifestMapping()
        root.ignore("apiVersion", "kind", "status", "metadata")
        let spec = try root.required("spec").manifestMapping()
        root.finish(log)
        if provider == "azure" {
            try readAKSNodeClass(spec, into: &settings)
        } else {
            try readEC2NodeClass(spec, into: &settings)
        }
    }

    /// The image family from the first `amiSelectorTerms[].alias` (`bottlerocket@latest`), else
    /// `amiFamily`; a class with neither selects a custom AMI.
    private func readEC2NodeClass(_ spec: ManifestMapping, into settings: inout KarpenterSettings)
        throws(ScenarioFileError)
    {
        var family: String?
        if let terms = spec.optional("amiSelectorTerms") {
            for term in try terms.sequence() {
                let fields = try term.manifestMapping()
                fields.ignore("id", "name", "owner", "tags", "ssmParameter")
                if let alias = fields.optional("alias"), family == nil {
                    let text = try alias.string()
                    let parts = text.split(separator: "@", maxSplits: 1).map { $0.lowercased() }
                    let known = ["al2", "al2023", "bottlerocket", "windows2019", "windows2022", "windows2025"]
                    guard parts.count == 2, known.contains(parts[0]) else {
                        throw alias.error(
                            "'\(text)' is not family@version with a family of \(known.joined(separator: ", "))")
                    }
                    family = parts[0]
                }
                fields.finish(log)
            }
        }
        if let amiFamily = spec.optional("amiFamily") {
            let value = try amiFamily.oneOf(["AL2": "al2", "AL2023": "al2023", "Bottlerocket": "bottlerocket",
                                             "Custom": "custom", "Windows2019": "windows2019",
                                             "Windows2022": "windows2022", "Windows2025": "windows2025"])
            family = family ?? value
        }
        settings.imageFamily = family ?? "custom"
        if let reservations = spec.optional("capacityReservationSelectorTerms") {
            log.warn(reservations, "capacity reservations (capacity type reserved) are not modelled; ignored")
        }
        for key in Self.ec2Accepted { spec.ignore(key) }
        spec.finish(log)
    }

    /// `imageFamily` (default Ubuntu) and `gpu.mode` (default Driver: AKS installs the driver).
    private func readAKSNodeClass(_ spec: ManifestMapping, into settings: inout KarpenterSettings)
        throws(ScenarioFileError)
    {
        settings.imageFamily =
            try spec.optional("imageFamily")?.oneOf(["Ubuntu": "ubuntu", "Ubuntu2204": "ubuntu2204",
                                                     "Ubuntu2404": "ubuntu2404", "AzureLinux": "azurelinux"])
            ?? "ubuntu"
        if let gpu = try spec.optional("gpu")?.manifestMapping() {
            if let mode = gpu.optional("mode") {
                settings.managedGPUDriver = try mode.oneOf(["Driver": true, "None": false])
            }
            gpu.finish(log)
        }
        if let streaming = spec.optional("artifactStreaming") {
            log.warn(streaming, "artifact streaming is not derived; set the scenario's coldStart.imagePull to match")
        }
        for key in Self.aksAccepted { spec.ignore(key) }
        spec.finish(log)
    }
}
