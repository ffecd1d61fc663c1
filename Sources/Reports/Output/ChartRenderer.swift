import CCairo
import Storage

/// Renders one ``Chart`` to PNG, SVG or PDF bytes or files, at a given size.
///
///     let renderer = ChartRenderer()
///     try renderer.write(LatencyCDFChart(results: results), format: .png, to: "latency.png")
public struct ChartRenderer: Sendable {
    /// Drawing size in points (PDF, SVG) — the PNG is `pixelScale` times larger.
    public var size: ChartSize
    /// PNG pixels per drawing unit.
    public var pixelScale: Double

    public init(size: ChartSize = .chart, pixelScale: Double = 1.5) {
        self.size = size
        self.pixelScale = pixelScale
    }

    /// Width and height of the PNG in pixels.
    public var pixelSize: (width: Int, height: Int) {
        (
            Swift.max(1, Int((size.width * pixelScale).rounded())),
            Swift.max(1, Int((size.height * pixelScale).rounded()))
        )
    }

    /// The encoded chart.
    public func data(_ chart: some Chart, format: ChartFormat) throws(ReportError) -> [UInt8] {
        switch format {
        case .png: return try png(chart)
        case .svg: return try vector(chart, svg: true)
        case .pdf: return try vector(chart, svg: false)
        }
    }

    /// Writes the chart to `path` atomically.
    public func write(_ chart: some Chart, format: ChartFormat, to path: String) throws(ReportError) {
        let bytes = try data(chart, format: format)
        try ReportError.writing(path) { try AtomicFile.write(bytes, to: path) }
    }

    /// The chart as pixels (for tests and previews).
    public func image(_ chart: some Chart) throws(ReportError) -> RasterImage {
        let surface = try makeImageSurface(chart)
        defer { cairo_surface_destroy(surface) }
        let (width, height) = pixelSize
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let data = cairo_image_surface_get_data(surface) else { throw .cairo("no image data") }
        let words = UnsafeRawPointer(data).assumingMemoryBound(to: UInt32.self)
        var pixels = [UInt32](repeating: 0, count: width * height)
        for row in 0..<height {
            for column in 0..<width { pixels[row * width + column] = words[row * stride + column] }
        }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    /// Runs `body` with a canvas on a 1 × 1 image (text measurement and layout only; the font
    /// metrics match every output format because hinting is off).
    static func withMeasuringCanvas<T>(_ body: (Canvas) -> T) -> T {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        let cr = cairo_create(surface)!
        defer {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
        return body(Canvas(context: cr))
    }

    private func makeImageSurface(_ chart: some Chart) throws(ReportError) -> OpaquePointer {
        let (width, height) = pixelSize
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw .cairo("cannot create image surface")
        }
        try Self.check(cairo_surface_status(surface)) { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw .cairo("cannot create context") }
        cairo_scale(cr, pixelScale, pixelScale)
        chart.draw(on: Canvas(context: cr), in: ChartRect(x: 0, y: 0, width: size.width, height: size.height))
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        try Self.check(status) { cairo_surface_destroy(surface) }
        return surface
    }

    private func png(_ chart: some Chart) throws(ReportError) -> [UInt8] {
        let surface = try makeImageSurface(chart)
        defer { cairo_surface_destroy(surface) }
        guard let data = cairo_image_surface_get_data(surface) else { throw .cairo("no image data") }
        let (width, height) = pixelSize
        let encoder = PNGEncoder(
            width: width, height: height, rowWords: Int(cairo_image_surface_get_stride(surface)) / 4,
            words: UnsafeRawPointer(data).assumingMemoryBound(to: UInt32.self))
        return try encoder.encode()
    }

    private func vector(_ chart: some Chart, svg: Bool) throws(ReportError) -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) { () throws(ReportError) -> [UInt8] in
            let surface =
                svg
                ? cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height)
                : cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height)
            guard let surface else { throw .cairo("cannot create surface") }
            defer { cairo_surface_destroy(surface) }
            if !svg { PDFMetadata.apply(to: surface, title: chart.title) }
            guard let cr = cairo_create(surface) else { throw .cairo("cannot create context") }
            chart.draw(on: Canvas(context: cr), in: ChartRect(x: 0, y: 0, width: size.width, height: size.height))
            cairo_show_page(cr)
            let status = cairo_status(cr)
            cairo_destroy(cr)
            cairo_surface_finish(surface)
            try Self.check(status)
            try Self.check(cairo_surface_status(surface))
            return svg ? SVGCleaner.normalize(sink.bytes) : sink.bytes
        }
    }

    static func check(_ status: cairo_status_t, cleanup: () -> Void = {}) throws(ReportError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            cleanup()
            throw .cairo(String(cString: cairo_status_to_string(status)))
        }
    }
}
