/// An objective that does not parse; the message quotes the text and says what was expected.
public struct ObjectiveError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
