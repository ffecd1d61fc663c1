/// One page of the report.
enum ReportPage {
    /// Page 1: the answer in plain words and the headline figures.
    case summary
    /// The summary's sentences page 1 had no room for, then the caller's findings (what the
    /// numbers mean), on a page of their own so none is cut.
    case findings([String])
    /// A slice of the assumptions table; `first` carries the page heading.
    case assumptions(rows: Range<Int>, first: Bool)
    /// One chart filling the page.
    case chart(any Chart)
}
