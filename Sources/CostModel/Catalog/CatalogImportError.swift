/// Why `pricing import` (``CatalogImporter``) refused a price file. Nothing is written when any
/// of these is thrown.
public enum CatalogImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist or cannot be read (not a regular file, not UTF-8 text…).
    case fileUnreadable(path: String, reason: String)
    /// One or more rows failed validation; every problem found is listed.
    case invalidRows(path: String, issues: [CatalogImportIssue])
    /// The output path names the input CSV (possibly through another path, a symlink or a hard
    /// link); writing would replace the CSV with SQLite.
    case outputIsInput(csvPath: String, outputPath: String)
    /// The rows were valid but writing the SQLite file failed.
    case writeFailed(CostModelError)

    public var description: String {
        switch self {
        case .fileUnreadable(let path, let reason):
            return "cannot read price file '\(path)': \(reason)"
        case .invalidRows(let path, let issues):
            let shown = issues.prefix(20).map { "  \(path): \($0)" }
            let more = issues.count > 20 ? ["  … and \(issues.count - 20) more"] : []
            let plural = issues.count == 1 ? "problem" : "problems"
            return (["price file '\(path)' has \(issues.count) \(plural); nothing was written:"] + shown + more)
                .joined(separator: "\n")
        case .outputIsInput(let csvPath, let outputPath):
            return
                "price catalog output '\(outputPath)' is the input CSV '\(csvPath)'; choose another output file "
                    + "(nothing was written)"
        case .writeFailed(let error):
            return error.description
        }
    }
}

extension CatalogImportError {
    /// One problem in `path`: at `line` (0: in rows combined from several records), in the
    /// record `sku`, in `field`.
    static func at(
        _ path: String, line: Int, sku: String? = nil, field: String? = nil, message: String
    ) -> CatalogImportError {
        .invalidRows(path: path, issues: [CatalogImportIssue(line: line, sku: sku, field: field, message: message)])
    }
}
