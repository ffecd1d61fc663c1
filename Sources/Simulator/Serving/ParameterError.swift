/// A model parameter outside its valid range (a negative duration, min above max, …).
///
/// The message names the parameter; readers of scenario files add the file and line.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// Shorthand used by `validate()` methods.
    public static func invalidParameter(_ message: String) -> ParameterError { ParameterError(message) }

    public var description: String { message }
}
