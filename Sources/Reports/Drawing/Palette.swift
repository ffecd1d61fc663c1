/// The Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008), three
/// colours of Paul Tol's light and muted schemes (for the cost slices), and the neutral greys the
/// chart layer uses for text, axes and gridlines.
public enum Palette {
    public static let black = Color(hex: 0x000000)
    public static let orange = Color(hex: 0xE69F00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let yellow = Color(hex: 0xF0E442)
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let reddishPurple = Color(hex: 0xCC79A7)

    /// Paul Tol's "light" pale cyan.
    public static let paleCyan = Color(hex: 0x99DDFF)
    /// Paul Tol's "muted" wine.
    public static let wine = Color(hex: 0x882255)
    /// Paul Tol's "muted" sand.
    public static let sand = Color(hex: 0xDDCC77)

    /// Series colours in the order charts hand them out (yellow last: weak on white).
    public static let series: [Color] = [blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue, black, yellow]

    /// Colour of series number `index` (wraps around).
    public static func series(_ index: Int) -> Color { series[((index % series.count) + series.count) % series.count] }

    public static let text = Color(hex: 0x222222)
    public static let mutedText = Color(hex: 0x555555)
    public static let axis = Color(hex: 0x444444)
    public static let grid = Color(hex: 0xDDDDDD)
    public static let background = Color(hex: 0xFFFFFF)
    public static let panel = Color(hex: 0xFAFAFA)
    public static let neutral = Color(hex: 0x999999)
    public static let lightNeutral = Color(hex: 0xBBBBBB)
    public static let paleNeutral = Color(hex: 0xDDDDDD)

    /// Black or white, whichever contrasts more with `fill` (text on a filled shape).
    public static func text(on fill: Color) -> Color {
        fill.contrastRatio(with: black) >= fill.contrastRatio(with: background) ? black : background
    }
}
