import ArgumentParser
import Calibration
import Storage

/// `costsim calibrate`: cold-start phases from a cluster's kubectl exports.
struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the cold-start phases from kubectl exports of pods, nodes and events (docs/calibration.md).",
        discussion: """
            One row per GPU node scale-up (phases in seconds, the instants no export recorded), then a
            lognormal fit of each phase with its sample size and the 95 % confidence interval of mu.
            Examples:
              costsim calibrate Tests/Fixtures/calibration/scale-ups
              costsim calibrate pods.json nodes.json events.json --node-pool gpu-t4 --fragment cold-start.yaml
            """)

    @Argument(help: ArgumentHelp(
        "kubectl get pods|nodes|events -o json exports, or directories of them (*.json).", valueName: "file|dir"))
    var paths: [String]

    @Option(name: .long, help: "Only scale-ups of nodes in this node pool (GKE, EKS, AKS or Karpenter pool label).")
    var nodePool: String?

    @Option(name: .long, help: ResultFormat.help)
    var format: ResultFormat = .table

    @OptionGroup var output: ResultOutput

    @Option(name: .long, help: ArgumentHelp(
        "Also write the fitted phases as a scenario coldStart: block (YAML) to this file.", valueName: "file"))
    var fragment: String?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one export file or directory") }
    }

    func run() async throws {
        let inputs = paths.map { (option: "FILE", path: Optional($0)) }
        try AtomicFile.refuseSameFile(outputs: [("--output", output.output), ("--fragment", fragment)], inputs: inputs)
        let outputFile = try output.check(inputs: inputs)
        let fragmentFile = try fragment.map { try OutputFile(checking: $0, option: "--fragment") }
        let calibration: ColdStartCalibration
        do {
            calibration = ColdStartCalibration(try ClusterExport.read(paths: paths), nodePool: nodePool)
        } catch {
            throw CLIError(error.description)
        }
        guard !calibration.timelines.isEmpty else {
            throw CLIError("no GPU node scale-up in the exports" + (nodePool.map { " for node pool \($0)" } ?? "")
                + " (docs/calibration.md: what the exports must contain)")
        }
        let text: String = switch format {
        case .table: CalibrateTable.render(calibration)
        case .json: try JSONOutput.text(CalibrateDocument(calibration))
        case .csv: CalibrateDocument(calibration).csv()
        }
        try OutputBatch.write { batch in
            if let outputFile { try batch.add(text, to: outputFile) }
            if let fragmentFile { try batch.add(calibration.fragment(), to: fragmentFile) }
        }
        if outputFile == nil { print(text, terminator: "") }
    }
}
