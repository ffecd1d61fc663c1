/// A point in drawing units (PDF points; PNG pixels before the pixel scale), y pointing down.
public struct ChartPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Both coordinates are finite numbers.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}

/// A width and height in drawing units (PDF points; PNG pixels before the pixel scale).
public struct ChartSize: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A4 landscape in PDF points (297 × 210 mm).
    public static let a4Landscape = ChartSize(width: 842, height: 595)
    /// The default size of a single chart: 960 × 600 drawing units.
    public static let chart = ChartSize(width: 960, height: 600)
}

/// An axis-aligned rectangle in drawing units, y pointing down.
public struct ChartRect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var maxX: Double { x + width }
    public var minY: Double { y }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// True if the two rectangles share interior area (touching edges do not count).
    public func intersects(_ other: ChartRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// True if `other` lies completely inside this rectangle.
    public func contains(_ other: ChartRect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// This rectangle grown by `amount` on every side (shrunk if negative).
    public func insetBy(_ amount: Double) -> ChartRect {
        ChartRect(
            x: x + amount, y: y + amount, width: Swift.max(0, width - 2 * amount),
            height: Swift.max(0, height - 2 * amount))
    }

    func expanded(by amount: Double) -> ChartRect { insetBy(-amount) }

    /// Every field is a finite number.
    public var isFinite: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }
}
