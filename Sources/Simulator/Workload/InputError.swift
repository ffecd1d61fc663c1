/// A problem with an input file — a trace, a scenario, a manifest, a CSV column — located by
/// file, line and field.
///
/// `description` reads `trace.csv:12: field 'TIMESTAMP': timestamp goes backwards ...`, the
/// form compilers use, so editors can jump to it.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path of the file as given by the user.
    public var file: String
    /// 1-based line number, or `nil` for problems with the file as a whole.
    public var line: Int?
    /// Column, key or dotted field path involved, if any.
    public var field: String?
    /// What is wrong, in words.
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

/// Errors of the trace readers (an ``InputError`` naming the trace file).
public typealias TraceError = InputError
