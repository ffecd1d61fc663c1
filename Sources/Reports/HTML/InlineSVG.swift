/// Turns a chart's SVG document (``ChartRenderer``'s `.svg` output) into an element to inline in
/// an HTML page: no XML prolog; a root without a fixed width and height, so that the style sheet
/// scales it to the page while its `viewBox` keeps the proportions; an accessible name; and every
/// id prefixed (with the references to it), so that several charts on one page, each with its
/// own `glyph0-1` and `clip1`, do not take each other's glyphs and clip paths.
enum InlineSVG {
    static func element(_ svg: [UInt8], idPrefix: String, label: String) -> String {
        let open = Array("<svg".utf8)
        guard let start = firstIndex(of: open, in: svg),
              let rootEnd = svg[start...].firstIndex(of: UInt8(ascii: ">"))
        else { return "" }
        let root = Array(svg[start...rootEnd])
        var tag = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        if let viewBox = attribute("viewBox", in: root) { tag += " viewBox=\"\(HTMLText.escape(viewBox))\"" }
        tag += " role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
        let body = prefixingIDs(svg[(rootEnd + 1)...], with: Array(idPrefix.utf8))
        return tag + String(decoding: body, as: UTF8.self)
    }

    /// The value of `name="…"` in a start tag.
    static func attribute(_ name: String, in tag: [UInt8]) -> String? {
        let key = Array(" \(name)=\"".utf8)
        guard let start = firstIndex(of: key, in: tag) else { return nil }
        let value = tag[(start + key.count)...]
        return value.firstIndex(of: UInt8(ascii: "\"")).map { String(decoding: value[..<$0], as: UTF8.self) }
    }

    /// `bytes` with `prefix` inserted after each `id="`, `href="#` and `url(#` (an id, a link
    /// to one — also `xlink:href` — and a paint or clip reference).
    static func prefixingIDs(_ bytes: ArraySlice<UInt8>, with prefix: [UInt8]) -> [UInt8] {
        let patterns = [Array(" id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "h") || byte == UInt8(ascii: "u"),
               let pattern = patterns.first(where: { matches($0, in: bytes, at: i) }) {
                out.append(contentsOf: pattern)
                out.append(contentsOf: prefix)
                i += pattern.count
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    private static func matches(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        index + pattern.count <= bytes.endIndex && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
