/// Output file formats; all three come from the same drawing code.
public enum ChartFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// File name extension without the dot.
    public var fileExtension: String { rawValue }
}
