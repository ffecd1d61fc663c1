import Foundation
import Storage

/// Reads one export file whole (JSON exports are parsed in one piece): refuses FIFOs, devices and
/// sockets before opening them, and files over ``maxBytes``.
enum ExportFile {
    /// Largest export read.
    static let maxBytes = 1 << 30

    /// The bytes of `file`.
    static func data(_ file: String) throws(CalibrationError) -> Data {
        // FIFOs, devices and sockets are named in Storage's words before anything is opened.
        var info = stat()
        if stat(file, &info) == 0, let kind = FilePaths.kindIfNotRegular(info.st_mode) {
            throw CalibrationError(file: file, "is \(kind), not a regular file")
        }
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes[.size] as? Int, size > maxBytes {
                throw CalibrationError(file: file, "larger than \(maxBytes >> 20) MiB")
            }
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch let error as CalibrationError {
            throw error
        } catch {
            throw CalibrationError(file: file, "cannot be read: \(error.localizedDescription)")
        }
    }

    /// The JSON document of `file`; `what` names the export expected, for the error.
    static func json(_ file: String, what: String) throws(CalibrationError) -> Any {
        let data = try data(file)
        do {
            return try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CalibrationError(file: file, "is not JSON (\(what)): \(error.localizedDescription)")
        }
    }
}
