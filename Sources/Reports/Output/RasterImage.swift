/// A rendered bitmap: premultiplied ARGB pixels, row by row (Cairo's ARGB32 layout).
public struct RasterImage: Sendable {
    public var width: Int
    public var height: Int
    /// `width * height` pixels, 0xAARRGGBB.
    public var pixels: [UInt32]

    /// Colour at pixel (`x`, `y`) as 8-bit red, green, blue (opaque images).
    public func rgb(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let p = pixels[y * width + x]
        return (UInt8((p >> 16) & 0xFF), UInt8((p >> 8) & 0xFF), UInt8(p & 0xFF))
    }
}
