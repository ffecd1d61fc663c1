import CCairo
import Foundation
import Testing

@testable import Reports

/// The PNG encoder against an independent decoder (Cairo's, through libpng): every pixel
/// comes back as drawn, opaque charts as RGB and translucent images as RGBA.
@Suite struct PNGEncoderTests {
    /// Decodes `png` with Cairo: its colour type (IHDR byte 25) and its premultiplied ARGB pixels.
    func decode(_ png: [UInt8]) throws -> (colourType: UInt8, image: RasterImage) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("png-\(UUID().uuidString).png").path
        try Data(png).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let words = UnsafeRawPointer(try #require(cairo_image_surface_get_data(surface)))
            .assumingMemoryBound(to: UInt32.self)
        var pixels: [UInt32] = []
        for row in 0..<height {
            for column in 0..<width { pixels.append(words[row * stride + column]) }
        }
        return (png[25], RasterImage(width: width, height: height, pixels: pixels))
    }

    func encode(_ pixels: [UInt32], width: Int) throws -> [UInt8] {
        try pixels.withUnsafeBufferPointer {
            try PNGEncoder(width: width, height: pixels.count / width, rowWords: width, words: $0.baseAddress!).encode()
        }
    }

    @Test func aChartDecodesToThePixelsDrawn() throws {
        let renderer = ChartRenderer()
        let chart = LatencyCDFChart(curves: Fixtures.fourOptionCurves(), clientTimeoutSeconds: 60)
        let decoded = try decode(try renderer.data(chart, format: .png))
        let drawn = try renderer.image(chart)
        #expect(decoded.colourType == 2)
        #expect(decoded.image.width == drawn.width && decoded.image.height == drawn.height)
        #expect(decoded.image.pixels == drawn.pixels)
    }

    @Test func translucentPixelsKeepTheirAlpha() throws {
        // Premultiplied: half-transparent red is 0x80800000; (0x80 * 255 + 64) / 128 = 255.
        let pixels: [UInt32] = [0xFF00_FF00, 0x8080_0000, 0x0000_0000, 0x4010_2030, 0xFFFF_FFFF, 0x0101_0101]
        let decoded = try decode(try encode(pixels, width: 3))
        #expect(decoded.colourType == 6)
        #expect(decoded.image.width == 3 && decoded.image.height == 2)
        #expect(decoded.image.pixels == pixels)
    }

    @Test func rowsAreReadWithTheirStride() throws {
        // Two 2-pixel rows stored 3 words apart: the padding word must not appear.
        let stored: [UInt32] = [0xFF11_2233, 0xFF44_5566, 0xFFDE_ADBE, 0xFF77_8899, 0xFFAA_BBCC, 0xFFDE_ADBE]
        let png = try stored.withUnsafeBufferPointer {
            try PNGEncoder(width: 2, height: 2, rowWords: 3, words: $0.baseAddress!).encode()
        }
        #expect(try decode(png).image.pixels == [0xFF11_2233, 0xFF44_5566, 0xFF77_8899, 0xFFAA_BBCC])
    }
}
