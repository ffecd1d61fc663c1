import Storage

/// Why rendering or writing a chart or report failed.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo reported an error status (message from `cairo_status_to_string`).
    case cairo(String)
    /// The PNG encoder failed (zlib's status).
    case png(String)
    /// A file could not be written; `path` is the final path, `reason` the system's message.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .cairo(let message): "cairo: \(message)"
        case .png(let message): "PNG: \(message)"
        case .io(let path, let reason): "cannot write \(path): \(reason)"
        }
    }

    /// Runs `write` (Storage's writers), turning its errors into ``io(path:reason:)``.
    static func writing(_ path: String, _ write: () throws -> Void) throws(ReportError) {
        do {
            try write()
        } catch let error as OutputError {
            throw .io(path: error.path ?? path, reason: error.reason)
        } catch {
            throw .io(path: path, reason: String(describing: error))
        }
    }
}
