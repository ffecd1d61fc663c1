/// A problem in a scenario (or manifest) file, located by file, line and field path.
///
/// `description` reads `scenarios/x.yaml:14: field 'options[0].dedicated.nodes': must be >= 1`.
public struct ScenarioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Dotted path of the field, e.g. `workload.generate.days`.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field, !field.isEmpty { return "\(location): field '\(field)': \(message)" }
        return "\(location): \(message)"
    }
}
