import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The texts of file errors: "cannot write PATH: CAUSE", with the system's cause in plain words.
enum FileProblem {
    static func cannotWrite(_ path: String, _ cause: String) -> CLIError {
        CLIError("cannot write \(path): \(cause)")
    }

    /// `strerror(code)` starting in lower case: "no space left on device".
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
