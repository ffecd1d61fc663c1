/// Where a laid-out plot sits and how data maps into it.
public struct PlotGeometry: Sendable, Hashable {
    /// The data area (inside the axes).
    public var plot: ChartRect
    public var x: AxisScale
    public var y: AxisScale

    /// Drawing position of data point (`x`, `y`).
    public func point(_ xValue: Double, _ yValue: Double) -> ChartPoint {
        ChartPoint(x: x.position(xValue), y: y.position(yValue))
    }
}
