import CCairo

/// A PNG screenshot decoded with Cairo, for checks on what a browser drew.
struct Screenshot {
    var width: Int
    var height: Int
    /// 0xRRGGBB per pixel, row by row.
    var pixels: [UInt32]

    /// Decodes the PNG at `path`; `nil` if it is missing or not a PNG.
    init?(path: String) {
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface)
        else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let words = UnsafeRawPointer(data).assumingMemoryBound(to: UInt32.self)
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for row in 0..<height {
            for column in 0..<width { pixels.append(words[row * stride + column] & 0xFF_FFFF) }
        }
        self.pixels = pixels
    }

    /// How many different colours the image holds.
    var distinctColours: Int { Set(pixels).count }

    /// Share of pixels that are not (nearly) white.
    var inkedShare: Double {
        let inked = pixels.filter { ($0 >> 16) & 0xFF < 240 || ($0 >> 8) & 0xFF < 240 || $0 & 0xFF < 240 }.count
        return Double(inked) / Double(Swift.max(1, pixels.count))
    }
}
