import Foundation
import Simulator
import Yams

/// Reads a scenario YAML file into a ``Simulator/Scenario``.
///
/// Every key is checked: unknown keys, wrong types and out-of-range values are errors that
/// name the file, the line and the field. Relative paths inside the file (trace files,
/// empirical samples) resolve against the file's directory. The format is documented in
/// `docs/scenario-format.md`; `scenarios/article-gke-t4.yaml` is the annotated example.
public enum ScenarioLoader {
    /// Loads and validates the scenario at `path`; `regions`, if given, checks every node's region,
    /// and `gpus`, if given, names each option's GPU and checks the GPU names (``GPUSpeedResolver``).
    public static func load(
        path: String, regions: RegionCheck? = nil, gpus: GPULookup? = nil
    ) throws(ScenarioFileError) -> Scenario {
        let text = try InputFile.text(atPath: path)
        return try parse(
            yaml: text, file: path, baseDirectory: (path as NSString).deletingLastPathComponent, regions: regions,
            gpus: gpus)
    }

    /// Parses scenario YAML text; `file` is used in error messages only.
    public static func parse(
        yaml: String, file: String, baseDirectory: String, regions: RegionCheck? = nil, gpus: GPULookup? = nil
    ) throws(ScenarioFileError) -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ScenarioFileError(file: file, line: error.line, message: "not valid YAML: \(error.problem)")
        } catch {
            throw ScenarioFileError(file: file, message: "not valid YAML: \(error)")
        }
        guard let root else { throw ScenarioFileError(file: file, message: "scenario file is empty") }
        let reader = ScenarioReader(file: file, baseDirectory: baseDirectory, regions: regions, gpus: gpus)
        return try reader.scenario(from: ConfigNode(node: root, file: file, path: ""))
    }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .reader(let problem, _, _, _): problem
        default: "\(self)"
        }
    }
}
