import Foundation

@testable import CostModel

/// Helpers for the provider price file tests: fixture paths, rows by key, mutated copies.
enum ProviderImportSupport {
    static func fixture(_ name: String) -> String { TestSupport.fixture("pricing/" + name).path }

    /// Imports `names` (fixtures under `Tests/Fixtures/pricing`).
    static func read(_ names: [String], defaults: CatalogCSV.Defaults = CatalogCSV.Defaults()) throws -> PriceImport {
        try PriceImport.read(paths: names.map(fixture), defaults: defaults)
    }

    /// The row of `rows` with this region, SKU and capacity.
    static func row(
        _ rows: [PriceRow], _ region: String, _ sku: String, _ capacity: CapacityType = .onDemand
    ) -> PriceRow? {
        rows.first { $0.region == region && $0.sku == sku && $0.capacity == capacity }
    }

    /// Rows imported from an AWS offer file's JSON form as its CSV form gives them: the same but
    /// for the offer file URL (`index.csv`).
    static func csvForm(of rows: [PriceRow]) -> [PriceRow] {
        rows.map { row in
            var row = row
            row.sourceURL = row.sourceURL?.replacingOccurrences(of: "index.json", with: "index.csv")
            return row
        }
    }

    /// A copy of fixture `name` in a temporary directory with `old` replaced by `new` (once,
    /// which must be found), and the 1-based line where the replacement is.
    static func mutated(_ name: String, replacing old: String, with new: String) throws -> (path: String, line: Int) {
        let text = try String(contentsOfFile: fixture(name), encoding: .utf8)
        guard let range = text.range(of: old) else { throw TestFailure("'\(old)' is not in \(name)") }
        let changed = text.replacingCharacters(in: range, with: new)
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        let url = try TestSupport.temporaryDirectory().appendingPathComponent(name)
        try TestSupport.write(changed, to: url)
        return (url.path, line)
    }

    /// The issues of the error importing `paths` throws (empty if it imports).
    static func issues(_ paths: [String]) -> (path: String, issues: [CatalogImportIssue])? {
        do {
            _ = try PriceImport.read(paths: paths)
            return nil
        } catch {
            guard case .invalidRows(let path, let issues) = error else { return (String(describing: error), []) }
            return (path, issues)
        }
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
