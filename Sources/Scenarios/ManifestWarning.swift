import Simulator

/// Something in a Kubernetes manifest that costsim read past: a field it does not model, a
/// document it does not use, a default it had to assume. Never fatal; the CLI prints each one.
///
/// `description` reads `deploy/keda.yaml:14: field 'spec.advanced.foo': warning: unknown field, ignored`.
public struct ManifestWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Dotted path of the field from the document root, e.g. `spec.triggers[0].metadata.useRegex`.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        InputError(file: file, line: line, field: field, message: "warning: " + message).description
    }
}
