/// A price snapshot present in a catalog: its name, effective date and number of rows.
public struct SnapshotInfo: Sendable, Hashable {
    public var name: String
    /// `YYYY-MM-DD`; the earliest effective date among the snapshot's rows.
    public var effectiveDate: String
    public var rowCount: Int
}
