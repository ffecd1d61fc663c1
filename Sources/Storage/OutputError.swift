/// Why an output could not be written (or was refused before anything was computed): the file,
/// as the user gave it, and the cause in plain words — "cannot write out/r.json: no space left on
/// device". Messages about several outputs at once ("--db and --output name the same file") have
/// no single path.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output at fault, as given; `nil` for a message about several outputs.
    public let path: String?
    /// The cause ("no space left on device").
    public let reason: String

    /// A problem writing `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A message that stands alone.
    public init(_ message: String) {
        path = nil
        reason = message
    }

    public var description: String { path.map { "cannot write \($0): \(reason)" } ?? reason }
}
