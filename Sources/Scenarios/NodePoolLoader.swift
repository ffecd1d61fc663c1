import Simulator

/// Reads a Karpenter `karpenter.sh/v1` NodePool and its node class (`karpenter.k8s.aws/v1`
/// EC2NodeClass or `karpenter.azure.com/v1beta1` AKSNodeClass) from a real multi-document
/// manifest into ``Simulator/KarpenterSettings``.
///
/// The file holds exactly one NodePool and at most one node class, which the NodePool's
/// `nodeClassRef` must name. Fields that do not change provisioning or disruption are accepted;
/// fields costsim does not model become ``ManifestWarning``s naming the field and line; values
/// the CRD would reject are errors. docs/karpenter.md lists every field.
public enum NodePoolLoader {
    /// What to do with documents that are neither a NodePool nor a node class.
    public enum OtherDocuments: Sendable {
        /// Warn about each (a file given only for the NodePool).
        case warn
        /// Pass them over silently: the file is also read by ``ManifestLoader`` (a ScaledObject,
        /// its Deployment and the NodePool in one file).
        case skip
    }

    /// Loads the manifest at `path`.
    public static func load(path: String, otherDocuments: OtherDocuments = .warn) throws(ScenarioFileError)
        -> LoadedNodePool
    {
        try parse(yaml: try InputFile.text(atPath: path), file: path, otherDocuments: otherDocuments)
    }

    /// Parses manifest YAML text; `file` is used in messages only.
    public static func parse(yaml: String, file: String, otherDocuments: OtherDocuments = .warn)
        throws(ScenarioFileError) -> LoadedNodePool
    {
        let reader = NodePoolReader(file: file, otherDocuments: otherDocuments)
        guard let loaded = try reader.read(try ManifestDocuments.roots(yaml: yaml, file: file)) else {
            throw ScenarioFileError(file: file, message: "no NodePool found")   // not reached: required
        }
        return loaded
    }

    /// The NodePool of a manifest that may hold one beside its KEDA objects (the file given to
    /// `--keda`); `nil` when it holds no NodePool and no node class. Other documents are left to
    /// ``ManifestLoader``.
    public static func loadIfPresent(path: String) throws(ScenarioFileError) -> LoadedNodePool? {
        try parseIfPresent(yaml: try InputFile.text(atPath: path), file: path)
    }

    /// Parses manifest YAML text as ``loadIfPresent(path:)`` does; `file` is used in messages only.
    public static func parseIfPresent(yaml: String, file: String) throws(ScenarioFileError) -> LoadedNodePool? {
        let reader = NodePoolReader(file: file, otherDocuments: .skip)
        return try reader.read(try ManifestDocuments.roots(yaml: yaml, file: file), required: false)
    }
}
