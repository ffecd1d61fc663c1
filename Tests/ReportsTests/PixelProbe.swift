@testable import Reports

/// Pixel checks on rendered charts.
enum PixelProbe {
    /// Pixels in `rect` (drawing units, converted with `scale`) that differ from both white and
    /// the plot's panel grey.
    static func inkedPixels(_ image: RasterImage, in rect: ChartRect, scale: Double) -> Int {
        var count = 0
        let x0 = Swift.max(0, Int(rect.minX * scale) + 2)
        let x1 = Swift.min(image.width, Int(rect.maxX * scale) - 2)
        let y0 = Swift.max(0, Int(rect.minY * scale) + 2)
        let y1 = Swift.min(image.height, Int(rect.maxY * scale) - 2)
        guard x0 < x1, y0 < y1 else { return 0 }
        for y in y0..<y1 {
            for x in x0..<x1 {
                let (r, g, b) = image.rgb(x: x, y: y)
                let isWhite = r > 245 && g > 245 && b > 245
                if !isWhite { count += 1 }
            }
        }
        return count
    }

    /// Colour at drawing point `point`.
    static func color(
        _ image: RasterImage, at point: ChartPoint, scale: Double
    ) -> (red: UInt8, green: UInt8, blue: UInt8) {
        image.rgb(x: Int((point.x * scale).rounded(.down)), y: Int((point.y * scale).rounded(.down)))
    }

    /// Share of the pixels in `rect` (drawing units) close to `color`.
    static func share(_ image: RasterImage, in rect: ChartRect, scale: Double, close color: Color) -> Double {
        let x0 = Int(rect.minX * scale)
        let x1 = Int(rect.maxX * scale)
        let y0 = Int(rect.minY * scale)
        let y1 = Int(rect.maxY * scale)
        guard x0 < x1, y0 < y1 else { return 0 }
        var hits = 0
        for y in y0..<y1 {
            for x in x0..<x1 {
                let (r, g, b) = image.rgb(x: x, y: y)
                if self.close((r, g, b), color) { hits += 1 }
            }
        }
        return Double(hits) / Double((x1 - x0) * (y1 - y0))
    }

    static func close(_ a: (red: UInt8, green: UInt8, blue: UInt8), _ b: Color, tolerance: Int = 12) -> Bool {
        let e = b.bytes
        return abs(Int(a.red) - Int(e.r)) <= tolerance && abs(Int(a.green) - Int(e.g)) <= tolerance
            && abs(Int(a.blue) - Int(e.b)) <= tolerance
    }

    /// PNG files start with these 8 bytes.
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Width and height from the IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int) {
        func be32(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
