import Simulator

/// A problem in a scenario or manifest file: an ``Simulator/InputError`` naming the file, the
/// line and the dotted field path, e.g.
/// `scenarios/x.yaml:14: field 'options[0].dedicated.nodes': must be >= 1`.
public typealias ScenarioFileError = InputError
