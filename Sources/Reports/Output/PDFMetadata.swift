import CCairo

/// Fixed PDF metadata, so the same input gives the same bytes: Cairo otherwise stamps the
/// current time as `/CreationDate`.
enum PDFMetadata {
    /// The creation date written into every PDF (ISO 8601).
    static let fixedDate = "2020-01-01T00:00:00Z"

    static func apply(to surface: OpaquePointer, title: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, fixedDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "costsim")
    }
}
