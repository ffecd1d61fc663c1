/// A big number with a one-line caption, for the top of the report's first page.
public struct KeyFigure: Sendable, Hashable {
    /// The number as shown, e.g. "3.2× cheaper".
    public var value: String
    /// What it means, e.g. "$176 a month less with scale-to-zero".
    public var caption: String

    public init(value: String, caption: String) {
        self.value = value
        self.caption = caption
    }
}
