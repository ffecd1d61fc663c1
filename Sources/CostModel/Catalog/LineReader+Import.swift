import Simulator

extension LineReader {
    /// Opens `path` for `pricing import`: ``CatalogImportError/fileUnreadable(path:reason:)`` if
    /// it is not a regular UTF-8 file.
    static func importing(_ path: String) throws(CatalogImportError) -> LineReader {
        do {
            return try LineReader(path: path)
        } catch {
            throw CatalogImportError(reading: error)
        }
    }
}
