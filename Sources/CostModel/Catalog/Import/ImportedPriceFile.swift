/// What `pricing import` made of one input file (or of the pages of one paged list, GCP's
/// SKU list or Azure's retail prices, which are read together): its format, the rows it gave, the records it
/// left out (by reason) and the date the file states.
public struct ImportedPriceFile: Sendable, Hashable {
    /// The file, or the pages in the order given.
    public var paths: [String]
    public var format: PriceFileFormat
    /// Catalog rows this file gave (after combining components, e.g. GCP vCPU + RAM + GPU).
    public var rows: [PriceRow]
    /// Records of the file that gave no row, by reason.
    public var skipped: SkipTally
    /// The day the file's prices were published or last changed (`YYYY-MM-DD`), if it says:
    /// AWS `publicationDate`, the latest spot `Timestamp`, GCP `effectiveTime`, Azure
    /// `effectiveStartDate`. `nil` for costsim's CSV, whose rows carry their own dates.
    public var fileDate: String?

    public init(paths: [String], format: PriceFileFormat, rows: [PriceRow], skipped: SkipTally, fileDate: String?) {
        self.paths = paths
        self.format = format
        self.rows = rows
        self.skipped = skipped
        self.fileDate = fileDate
    }
}
