/// Where the fields a ``TraceRecordDecoder`` reads are in a row — column indices (CSV), key slots
/// (JSON Lines), log-format variables (access logs) — found once from the format's column names
/// by the reader's own lookup.
struct RecordFields {
    let time: Int
    let size: Int?, outputTokens: Int?, service: Int?, duration: Int?

    /// The positions of `format`'s columns; `position` finds one (or throws naming it).
    init(_ format: TraceFormat, position: (String) throws(TraceError) -> Int) throws(TraceError) {
        func optional(_ column: String?) throws(TraceError) -> Int? {
            guard let column else { return nil }
            return try position(column)
        }
        time = try position(format.timeColumn)
        size = try optional(format.sizeColumn)
        outputTokens = try optional(format.outputTokensColumn)
        service = try optional(format.serviceTimeColumn)
        duration = try optional(format.durationColumn)
    }
}
