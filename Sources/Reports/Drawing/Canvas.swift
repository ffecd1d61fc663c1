import CCairo

/// A Cairo drawing context with the handful of primitives the charts need: lines, rectangles,
/// circles, measured and aligned text, clipping. Units are drawing units (PDF points).
///
/// Created by ``ChartRenderer`` and ``ReportRenderer``; the same calls draw PNG, SVG and PDF.
public final class Canvas {
    let cr: OpaquePointer
    private let fonts = FontLibrary.shared
    private var currentFont: (size: Double, bold: Bool)?

    init(context: OpaquePointer) {
        cr = context
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
    }

    // MARK: shapes

    func fill(_ rect: ChartRect, _ color: Color) {
        guard rect.width > 0, rect.height > 0, rect.isFinite else { return }
        setColor(color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    func stroke(_ rect: ChartRect, _ color: Color, width: Double = 1) {
        guard rect.isFinite else { return }
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_dash(cr, nil, 0, 0)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    func line(from a: ChartPoint, to b: ChartPoint, _ color: Color, width: Double = 1, dash: [Double] = []) {
        polyline([a, b], color, width: width, dash: dash)
    }

    func polyline(_ points: [ChartPoint], _ color: Color, width: Double = 1.5, dash: [Double] = []) {
        let points = (points.allSatisfy(\.isFinite) ? points : points.filter(\.isFinite)).thinned()
        guard points.count >= 2 else { return }
        setColor(color)
        cairo_set_line_width(cr, width)
        setDash(dash)
        cairo_move_to(cr, points[0].x, points[0].y)
        for point in points.dropFirst() { cairo_line_to(cr, point.x, point.y) }
        cairo_stroke(cr)
        setDash([])
    }

    func fillPolygon(_ points: [ChartPoint], _ color: Color) {
        let points = (points.allSatisfy(\.isFinite) ? points : points.filter(\.isFinite)).thinned()
        guard points.count >= 3 else { return }
        setColor(color)
        cairo_move_to(cr, points[0].x, points[0].y)
        for point in points.dropFirst() { cairo_line_to(cr, point.x, point.y) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    func circle(at center: ChartPoint, radius: Double, fill: Color?, stroke: Color? = nil, width: Double = 1.5) {
        guard center.isFinite, radius.isFinite, radius > 0 else { return }
        cairo_new_sub_path(cr)
        cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke {
            setColor(stroke)
            cairo_set_line_width(cr, width)
            setDash([])
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    /// Fills `rect` with diagonal lines (45°, `spacing` apart), for hatched areas.
    func hatch(_ rect: ChartRect, _ color: Color, spacing: Double = 6, width: Double = 1.1) {
        guard rect.width > 0, rect.height > 0, rect.isFinite, spacing > 0 else { return }
        clipped(to: rect) {
            var offset = -rect.height
            while offset < rect.width {
                let start = ChartPoint(x: rect.minX + offset, y: rect.maxY)
                line(from: start, to: ChartPoint(x: start.x + rect.height, y: rect.minY), color, width: width)
                offset += spacing
            }
        }
    }

    /// Runs `body` with drawing restricted to `rect`.
    func clipped(to rect: ChartRect, _ body: () -> Void) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        body()
        cairo_restore(cr)
    }

    // MARK: text

    /// Width (advance) and line height of `text` in `style`.
    func measure(_ text: String, _ style: TextStyle) -> ChartSize {
        selectFont(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return ChartSize(width: extents.x_advance, height: lineHeight(style))
    }

    /// Distance between baselines of consecutive lines.
    func lineHeight(_ style: TextStyle) -> Double { style.size * 1.25 }

    private func ascent(_ style: TextStyle) -> Double { style.size * 0.93 }

    /// The box `text` would occupy when drawn with ``text(_:at:_:align:vertical:)``.
    func textBox(
        _ text: String, at point: ChartPoint, _ style: TextStyle, align: HorizontalAlignment = .left,
        vertical: VerticalAlignment = .baseline
    ) -> ChartRect {
        let size = measure(text, style)
        let x: Double
        switch align {
        case .left: x = point.x
        case .center: x = point.x - size.width / 2
        case .right: x = point.x - size.width
        }
        let top: Double
        let height = style.size * 1.17  // ascent + descent of DejaVu Sans
        switch vertical {
        case .top: top = point.y
        case .middle: top = point.y - height / 2
        case .baseline: top = point.y - ascent(style)
        case .bottom: top = point.y - height
        }
        return ChartRect(x: x, y: top, width: size.width, height: height)
    }

    /// Draws `text` and returns its box.
    @discardableResult
    func text(
        _ text: String, at point: ChartPoint, _ style: TextStyle, align: HorizontalAlignment = .left,
        vertical: VerticalAlignment = .baseline
    ) -> ChartRect {
        let box = textBox(text, at: point, style, align: align, vertical: vertical)
        guard box.isFinite else { return box }
        selectFont(style)
        setColor(style.color)
        cairo_move_to(cr, box.x, box.y + ascent(style))
        cairo_show_text(cr, text)
        cairo_new_path(cr)
        return box
    }

    /// Draws `text` rotated 90° counter-clockwise (reading bottom to top), centred on `center`.
    func verticalText(_ text: String, center: ChartPoint, _ style: TextStyle) {
        guard center.isFinite else { return }
        let size = measure(text, style)
        cairo_save(cr)
        cairo_translate(cr, center.x, center.y)
        cairo_rotate(cr, -Double.pi / 2)
        selectFont(style)
        setColor(style.color)
        cairo_move_to(cr, -size.width / 2, ascent(style) - style.size * 1.17 / 2)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    /// The size of `lines` drawn one under the other with ``textLines(_:at:_:firstLine:)``.
    func measureLines(_ lines: [String], _ style: TextStyle) -> ChartSize {
        ChartSize(
            width: lines.map { measure($0, style).width }.max() ?? 0,
            height: Double(Swift.max(0, lines.count - 1)) * lineHeight(style) + style.size * 1.17)
    }

    /// Draws `lines` one under the other from `origin` (top-left); the first in `firstLine` if given.
    func textLines(_ lines: [String], at origin: ChartPoint, _ style: TextStyle, firstLine: TextStyle? = nil) {
        for (index, line) in lines.enumerated() {
            let y = origin.y + Double(index) * lineHeight(style)
            text(line, at: ChartPoint(x: origin.x, y: y), index == 0 ? firstLine ?? style : style, vertical: .top)
        }
    }

    /// Splits `text` into lines no wider than `width` (breaking at spaces; a single long word
    /// stays on its own line).
    func wrap(_ text: String, width: Double, _ style: TextStyle) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for piece in paragraph.split(separator: " ") {
                for word in hardBreak(String(piece), width: width, style) {
                    let candidate = current.isEmpty ? String(word) : current + " " + word
                    if current.isEmpty || measure(candidate, style).width <= width {
                        current = candidate
                    } else {
                        lines.append(current)
                        current = String(word)
                    }
                }
            }
            lines.append(current)
        }
        return lines
    }

    /// `word` cut into pieces no wider than `width` (long URLs in table cells).
    private func hardBreak(_ word: String, width: Double, _ style: TextStyle) -> [String] {
        guard width > 0, measure(word, style).width > width else { return [word] }
        var pieces: [String] = []
        var current = ""
        for character in word {
            if !current.isEmpty && measure(current + String(character), style).width > width {
                pieces.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Draws wrapped `text` from `origin` (top-left) and returns the height used.
    @discardableResult
    func paragraph(_ text: String, origin: ChartPoint, width: Double, _ style: TextStyle) -> Double {
        let lines = wrap(text, width: width, style)
        var y = origin.y
        for line in lines {
            self.text(line, at: ChartPoint(x: origin.x, y: y), style, vertical: .top)
            y += lineHeight(style)
        }
        return y - origin.y
    }

    /// The height ``paragraph(_:origin:width:_:)`` would use.
    func paragraphHeight(_ text: String, width: Double, _ style: TextStyle) -> Double {
        Double(wrap(text, width: width, style).count) * lineHeight(style)
    }

    // MARK: state

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    private func setDash(_ dash: [Double]) {
        if dash.isEmpty {
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        }
    }

    private func selectFont(_ style: TextStyle) {
        if let currentFont, currentFont.size == style.size, currentFont.bold == style.bold { return }
        if let face = style.bold ? fonts.bold : fonts.regular {
            cairo_set_font_face(cr, face)
        } else {
            cairo_select_font_face(
                cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(cr, style.size)
        currentFont = (style.size, style.bold)
    }
}
