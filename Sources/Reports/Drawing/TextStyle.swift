/// Font size (drawing units), weight and colour of a piece of text.
public struct TextStyle: Sendable, Hashable {
    public var size: Double
    public var bold: Bool
    public var color: Color

    public init(size: Double, bold: Bool = false, color: Color = Palette.text) {
        self.size = size
        self.bold = bold
        self.color = color
    }

    static let title = TextStyle(size: 17, bold: true)
    static let subtitle = TextStyle(size: 11.5, color: Palette.mutedText)
    static let axisTitle = TextStyle(size: 11, color: Palette.text)
    static let tick = TextStyle(size: 10, color: Palette.mutedText)
    static let legend = TextStyle(size: 10.5, color: Palette.text)
    static let annotation = TextStyle(size: 9.5, color: Palette.text)
    static let note = TextStyle(size: 10, color: Palette.mutedText)
    static let panelTitle = TextStyle(size: 10.5, bold: true, color: Palette.text)
}

/// Where a text's anchor point sits horizontally.
public enum HorizontalAlignment: Sendable { case left, center, right }

/// Where a text's anchor point sits vertically.
public enum VerticalAlignment: Sendable { case top, middle, baseline, bottom }
