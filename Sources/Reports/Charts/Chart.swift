/// Something that draws itself into a frame of a ``Canvas``: the five stakeholder charts, and
/// any chart built on the same layer. Drawing never fails; bad or empty input draws a note.
public protocol Chart: Sendable {
    /// Title drawn at the top and used in the report.
    var title: String { get }
    /// File name without extension for exports (e.g. `latency-cdf`).
    var fileStem: String { get }
    /// Draws the whole chart (title, legend, axes, data) inside `frame`.
    func draw(on canvas: Canvas, in frame: ChartRect)
}
