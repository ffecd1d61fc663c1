import CCairo

/// The two faces every chart uses (regular and bold "DejaVu Sans"), chosen through fontconfig
/// and shared by all drawings of the process.
///
/// When fontconfig finds no font, cairo's toy "sans-serif" face is used instead, so drawing
/// never fails; ``matchedFile(pattern:)`` lets a test prove a real font file is found.
public final class FontLibrary: @unchecked Sendable {
    /// The font family asked from fontconfig.
    public static let family = "DejaVu Sans"

    /// Faces for the process (created once; cairo font faces are reference counted and thread safe).
    static let shared = FontLibrary()

    let regular: OpaquePointer?
    let bold: OpaquePointer?

    private init() {
        regular = FontLibrary.makeFace(pattern: FontLibrary.family + ":style=Book")
        bold = FontLibrary.makeFace(pattern: FontLibrary.family + ":style=Bold")
    }

    /// The font file fontconfig resolves `pattern` (fontconfig name syntax, e.g.
    /// `"DejaVu Sans:style=Book"`) to, or `nil` when it finds none.
    public static func matchedFile(pattern: String = family + ":style=Book") -> String? {
        guard let match = fontMatch(pattern) else { return nil }
        defer { FcPatternDestroy(match) }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        return String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))
    }

    private static func fontMatch(_ pattern: String) -> OpaquePointer? {
        guard
            let parsed = pattern.withCString({ FcNameParse(UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
            )
        else { return nil }
        defer { FcPatternDestroy(parsed) }
        FcConfigSubstitute(nil, parsed, FcMatchPattern)
        FcDefaultSubstitute(parsed)
        var result = FcResultNoMatch
        return FcFontMatch(nil, parsed, &result)
    }

    private static func makeFace(pattern: String) -> OpaquePointer? {
        guard let match = fontMatch(pattern) else { return nil }
        defer { FcPatternDestroy(match) }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch, file != nil else { return nil }
        let face = cairo_ft_font_face_create_for_pattern(match)
        guard let face, cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else { return nil }
        return face
    }
}
