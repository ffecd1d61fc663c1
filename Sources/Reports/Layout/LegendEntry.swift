/// One entry of a chart legend: a swatch and its label.
public struct LegendEntry: Sendable, Hashable {
    /// How the swatch looks.
    public enum Swatch: Sendable, Hashable { case line, dashedLine, box, hatchedBox, dot, hollowDot, shade }

    public var label: String
    public var color: Color
    public var swatch: Swatch

    public init(label: String, color: Color, swatch: Swatch = .line) {
        self.label = label
        self.color = color
        self.swatch = swatch
    }
}
